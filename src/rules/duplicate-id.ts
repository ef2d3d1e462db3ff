// Found while nodes are collected (src/graph/collect-nodes.ts): the second node with an id is left out.
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('duplicate-id'),
  description: 'Samma id används två gånger.',
  category: 'graph',
  blocking: true,
  docs: {
    details: 'Två noder i samma policy eller plan med samma id: två filer, eller ett fokusområde i ett mål och en fokusområdesfil. Id är unika inom sin policy eller plan; samma id i två olika planer går bra. Meddelandet står vid den andra noden och pekar på den första.',
    why: 'Hänvisningar, uppföljningar och adresser på webbplatsen går till ett id. Med två noder med samma id går det inte att veta vilken som avses, så den andra lämnas utanför planen.',
    fix: 'Ge den ena noden ett eget id, och uppdatera hänvisningar och uppföljningar som avsåg den.',
    fail: {
      title: 'två aktiviteter med id A1',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A1
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
    pass: {
      title: 'var sitt id',
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
});
