// Found when the frontmatter is split off (src/parse/read-plan-file.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('frontmatter-unclosed'),
  description: 'Frontmatter-blocket avslutas inte med en rad ---.',
  category: 'files',
  blocking: true,
  docs: {
    details: 'En fil som börjar med `---` men där frontmatter-blocket aldrig avslutas med en rad `---`.',
    why: 'Utan den avslutande raden vet ingen läsare (Spårbar, webbplatsen, editorn) var nycklarna slutar och texten börjar, så filen ingår inte i planen.',
    fix: 'Lägg till en rad med bara `---` efter sista nyckeln, före brödtexten.',
    fail: {
      title: 'blocket avslutas aldrig',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av beslut
bidrar_till: [FO1]
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2024-09-01
slut: 2025-12-31
Besluten skrivs under digitalt.
`,
      },
    },
    pass: {
      title: 'blocket avslutat',
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
