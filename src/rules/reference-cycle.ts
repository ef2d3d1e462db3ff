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
  /** Reports each cycle once, at the link leaving the node with the smallest key in it. */
  structure({ nodes, edges, linkPlace, report }) {
    for (const { type, fix } of CYCLE_EDGES) {
      const next = new Map<string, string[]>();
      for (const e of edges) if (e.type === type) next.set(e.from, [...(next.get(e.from) ?? []), e.to].sort());
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
              report(`Hänvisningarna bildar en cirkel: ${chain}. ${fix}`, place);
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
