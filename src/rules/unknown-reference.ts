// Found while links are resolved (src/graph/resolve-links.ts): the link is left out.
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('unknown-reference'),
  description: 'En hänvisning pekar på ett id som inte finns.',
  category: 'graph',
  blocking: true,
  docs: {
    details: 'En hänvisning (`bidrar_till`, `styrprinciper`, `mål`, `mäter`, `beroenden`, `grupp`, `policy`, `organisation`, `ersätter`) till ett id som inte finns, i den egna planen eller policyn den genomför. Meddelandet föreslår närmaste id. `dokument-id:id` hänvisar till en nod i ett annat dokument.',
    why: 'En hänvisning som inte leder någonstans bryter kedjan från styrprincip till aktivitet: aktiviteten bidrar inte till något som syns i planen. Kopplingen lämnas utanför grafen tills den är rättad.',
    fix: 'Rätta id:t (oftast en felstavning eller ett omnumrerat fokusområde), eller skapa noden som hänvisningen avser.',
    fail: {
      title: 'ett fokusområde som inte finns',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av beslut
bidrar_till: [FO2]
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2024-09-01
slut: 2025-12-31
---
Besluten skrivs under digitalt.
`,
      },
    },
    pass: {
      title: 'ett fokusområde som finns',
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
