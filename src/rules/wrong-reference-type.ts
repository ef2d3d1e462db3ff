// Found while links are resolved (src/graph/resolve-links.ts) and follow-ups attached (src/graph/follow-ups.ts):
// such a link or follow-up is left out. An indicator's `grupp` that names an indicator which is not a group is
// checked here on the graph.
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('wrong-reference-type'),
  description: 'En hänvisning pekar på en nod av fel typ.',
  category: 'graph',
  blocking: true,
  docs: {
    details: 'En hänvisning till en nod av fel typ: en aktivitet som bidrar till en styrprincip i stället för ett fokusområde eller mål, en uppföljning av en plan, eller en indikators `grupp` som inte är en indikatorgrupp (`beräkning: medelvärde`).',
    why: 'Kedjan har en bestämd ordning: styrprincip, mål, fokusområde, aktivitet. En koppling som hoppar över eller går åt fel håll räknas fel i täckning och uppföljning, så den lämnas utanför tills den är rättad.',
    fix: 'Hänvisa till en nod av den typ meddelandet nämner. En aktivitet bidrar till fokusområden (eller mål); målet förverkligar styrprinciperna.',
    fail: {
      title: 'en aktivitet som bidrar till en styrprincip',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av beslut
bidrar_till: [SP1]
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2024-09-01
slut: 2025-12-31
---
Besluten skrivs under digitalt.
`,
      },
    },
    pass: {
      title: 'en aktivitet som bidrar till ett fokusområde',
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
  graph({ index, nodeAt, report }) {
    for (const n of index.ofType('indikator')) {
      const group = index.out(n.key, 'member-of')[0];
      if (group === undefined) continue;
      const target = index.node(group)!;
      if (target.type === 'indikator' && target.fields.beräkning === 'medelvärde') continue;
      report(
        `"grupp" hänvisar till ${target.id}, som inte är en indikatorgrupp. Lägg till beräkning: medelvärde i ${target.id}, eller ta bort "grupp".`,
        nodeAt(n.key, ['grupp']),
      );
    }
  },
});
