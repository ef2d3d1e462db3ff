// Links that must form a chain: action dependencies, plans replacing plans, indicator groups.
import type { EdgeType } from '../graph/types.js';
import { defineRule } from './rule.js';

const CYCLE_EDGES: readonly { type: EdgeType; fix: string }[] = [
  { type: 'depends-on', fix: 'Ta bort ett av beroendena.' },
  { type: 'replaces', fix: 'En plan kan inte ersätta en plan som ersätter den. Rätta "ersätter".' },
  { type: 'member-of', fix: 'En indikatorgrupp kan inte ingå i sig själv. Rätta "grupp".' },
];

export default defineRule({
  id: 'reference-cycle',
  severity: 'error',
  description: 'Hänvisningar bildar en cirkel.',
  category: 'graph',
  blocking: false,
  docs: {
    details: 'Hänvisningar som ska bilda en kedja men går i cirkel: aktiviteter som beror av varandra (`beroenden`), planer som ersätter varandra (`ersätter`), en indikatorgrupp som ingår i sig själv (`grupp`). Varje cirkel rapporteras en gång.',
    why: 'En aktivitet som väntar på en aktivitet som väntar på den första kan aldrig påbörjas. Cirkeln är nästan alltid ett misstag i ett av beroendena.',
    fix: 'Ta bort det beroende (eller den ersättning) som är fel, så att kedjan får en början.',
    fail: {
      title: 'A1 och A2 väntar på varandra',
      files: {
        'plan/aktiviteter/A1.md': `---
typ: aktivitet
id: A1
titel: Ny e-tjänsteplattform
bidrar_till: [FO1]
ansvarig: Kommunstyrelsen – digitaliseringsenheten
start: 2024-03-01
slut: 2025-06-30
status: pågår
beroenden: [A2]
---
Plattformen upphandlas och de första tjänsterna flyttas.
`,
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av beslut
bidrar_till: [FO1]
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2024-09-01
slut: 2025-12-31
beroenden: [A1]
---
Besluten skrivs under digitalt.
`,
      },
    },
    pass: {
      title: 'A2 väntar på A1',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av beslut
bidrar_till: [FO1]
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2024-09-01
slut: 2025-12-31
beroenden: [A1]
---
Besluten skrivs under digitalt.
`,
      },
    },
  },
  /** Reports each cycle once, at the link leaving the node with the smallest key in it. */
  structure({ nodes, edges, linkPlace, report }) {
    // Each checked type's links, from → its targets in order, gathered in one pass over the edges.
    const byType = new Map<EdgeType, Map<string, string[]>>(CYCLE_EDGES.map(({ type }) => [type, new Map()]));
    for (const e of edges) {
      const next = byType.get(e.type);
      if (next === undefined) continue;
      const targets = next.get(e.from);
      if (targets) targets.push(e.to);
      else next.set(e.from, [e.to]);
    }
    for (const { type, fix } of CYCLE_EDGES) {
      const next = byType.get(type)!;
      for (const targets of next.values()) targets.sort();
      const state = new Map<string, 1 | 2>();
      const seen = new Set<string>();
      const stack: string[] = [];
      const visit = (key: string): void => {
        state.set(key, 1);
        stack.push(key);
        for (const to of next.get(key) ?? []) {
          if (state.get(to) === 1) {
            const cycle = stack.slice(stack.indexOf(to));
            const first = [...cycle].sort()[0]!;
            const rotated = [...cycle.slice(cycle.indexOf(first)), ...cycle.slice(0, cycle.indexOf(first))];
            const id = rotated.join('>');
            if (!seen.has(id)) {
              seen.add(id);
              const chain = [...rotated, first].map((k) => nodes.get(k)?.id ?? k).join(' → ');
              const place = linkPlace(first, type, rotated[1] ?? first) ?? nodes.get(first)!.source;
              const others = rotated.slice(1).map((k) => nodes.get(k)).filter((n) => n !== undefined);
              report(`Hänvisningarna bildar en cirkel: ${chain}. ${fix}`, place, {
                related: others.map((n) => ({ ...n.source, note: `${n.id} ingår i cirkeln` })),
              });
            }
          } else if (state.get(to) === undefined) {
            visit(to);
          }
        }
        stack.pop();
        state.set(key, 2);
      };
      for (const key of [...next.keys()].sort()) if (!state.has(key)) visit(key);
    }
  },
});
