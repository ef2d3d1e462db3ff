// Found by the schema (src/validate/zod-issues.ts), and for frontmatter that is not a map when the file is read (src/parse/read-plan-file.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('wrong-type'),
  description: 'Värdet har fel typ (text, tal, lista, …).',
  category: 'schema',
  blocking: true,
  docs: {
    details: 'Ett värde av fel slag: en text där det ska vara en lista eller ett tal, en lista där det ska vara en text, eller frontmatter som är en lista i stället för nycklar med värden.',
    why: 'Spårbar läser värdena som det filformatet säger; ett värde av fel slag kan inte tolkas utan att gissa, så filen läses inte förrän det är rättat.',
    fix: 'Skriv värdet som meddelandet säger: en lista inom hakparentes (`[FO1]` eller en rad per värde som börjar med `- `), ett tal utan citattecken, en text.',
    fail: {
      title: 'en text där det ska vara en lista',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av beslut
bidrar_till: FO1
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2024-09-01
slut: 2025-12-31
---
Besluten skrivs under digitalt.
`,
      },
    },
    pass: {
      title: 'en lista',
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
