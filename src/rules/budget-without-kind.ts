// Money whose documents do not say whether it is investment or operating budget.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'budget-without-kind',
  severity: 'warning',
  description: 'Budgeten anger inte om den är investering eller drift.',
  category: 'facts',
  blocking: false,
  docs: {
    details: `En \`budget\` (eller en post i \`budgetar\`) utan \`slag\` (investering eller drift), på en aktivitet, ett fokusområde eller ett mål.`,
    why: `Investering och drift beslutas och redovisas var för sig; webbplatsen summerar dem var för sig och visar en budget utan slag som ”slag ej angivet”, aldrig som den ena eller andra.`,
    fix: `Skriv \`slag: investering\` eller \`slag: drift\` i budgeten om dokumentet säger vilket.`,
    fail: {
      title: 'A1:s budget anger inte slag',
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
budget: { belopp: 4.5, enhet: Mkr }
---
Plattformen upphandlas och de första tjänsterna flyttas.
`,
      },
    },
    pass: {
      title: 'med slag',
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
budget: { belopp: 4.5, enhet: Mkr, slag: investering }
---
Plattformen upphandlas och de första tjänsterna flyttas.
`,
      },
    },
  },
  locality: 'node',
  graph({ index, nodeAt, report }) {
    // Actions, and goals and focus areas (programmes) that state money of their own: `budget` and each of `budgetar`.
    for (const type of ['mål', 'fokusområde', 'aktivitet'] as const) {
      for (const n of index.ofType(type)) {
        const f = n.fields as { budget?: { slag?: string }; budgetar?: { slag?: string }[] };
        // The sentence is made only for a node it is said about (most nodes have no budget).
        const say = () => `Budgeten för ${n.id} anger inte om den är investering eller drift. Skriv "slag: investering" eller "slag: drift" om dokumentet säger vilket.`;
        if (f.budget !== undefined && f.budget.slag === undefined) report(say(), nodeAt(n.key, ['budget']));
        const list = f.budgetar;
        if (list !== undefined) for (let i = 0; i < list.length; i++) if (list[i]!.slag === undefined) report(say(), nodeAt(n.key, ['budgetar', i]));
      }
    }
  },
});
