// An action needs a due date: without one it can never be late.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'action-without-due-date',
  severity: 'warning',
  description: 'Aktiviteten saknar slutdatum.',
  category: 'coverage',
  blocking: false,
  docs: {
    details: 'En aktivitet utan `slut`, datumet då den ska vara klar.',
    why: 'Utan slutdatum kan en aktivitet aldrig bli försenad, och uppföljningen kan inte visa om planen håller tiden. En kommun som inte sätter slutdatum på sina aktiviteter kan stänga av regeln.',
    fix: 'Lägg till `slut` med datumet då aktiviteten ska vara klar (ÅÅÅÅ-MM-DD).',
    fail: {
      title: 'A2 utan slutdatum',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av beslut
bidrar_till: [FO1]
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2024-09-01
---
Besluten skrivs under digitalt.
`,
      },
    },
    pass: {
      title: 'med slutdatum',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av beslut
bidrar_till: [FO1]
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2024-09-01
slut: 2025-12-31
---
Besluten skrivs under digitalt.
`,
      },
    },
  },
  locality: 'node',
  graph({ index, nodeAt, report }) {
    for (const n of index.ofType('aktivitet')) {
      if (n.fields['slut'] === undefined) report(`Aktiviteten ${n.id} saknar slutdatum. Lägg till "slut" (ÅÅÅÅ-MM-DD).`, nodeAt(n.key, ['id']));
    }
  },
});
