// An action needs someone responsible for it: the follow-up is written by its owner.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'action-without-owner',
  severity: 'warning',
  description: 'Aktiviteten saknar ansvarig.',
  category: 'coverage',
  blocking: false,
  docs: {
    details: 'En aktivitet utan `ansvarig`: den nämnd, förvaltning eller enhet som ansvarar för att den genomförs.',
    why: 'Uppföljningen skrivs av den som äger aktiviteten, och `sparbar uppfoljning` delar upp arbetet per ansvarig. Utan ansvarig hamnar aktiviteten under ”Utan ansvarig” och riskerar att inte följas upp alls.',
    fix: 'Lägg till `ansvarig` med nämnd, förvaltning eller enhet.',
    fail: {
      title: 'A2 utan ansvarig',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av beslut
bidrar_till: [FO1]
start: 2024-09-01
slut: 2025-12-31
---
Besluten skrivs under digitalt.
`,
      },
    },
    pass: {
      title: 'med ansvarig',
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
      if (n.fields['ansvarig'] === undefined) report(`Aktiviteten ${n.id} saknar ansvarig. Lägg till "ansvarig" med nämnd, förvaltning eller enhet.`, nodeAt(n.key, ['id']));
    }
  },
});
