// Found when the frontmatter is split off (src/parse/read-plan-file.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('frontmatter-missing'),
  description: 'Filen ser ut som en planfil men saknar frontmatter-block mellan två rader ---.',
  category: 'files',
  blocking: true,
  docs: {
    details: 'En fil som har nycklar som `typ:` överst men inget frontmatter-block: första raden ska vara `---`, och blocket ska avslutas med en rad `---`.',
    why: 'Utan raden `---` överst läses nycklarna som vanlig text, och filen blir inte en del av planen. Det är ett vanligt misstag när en fil kopieras från ett dokument eller när första raden råkar raderas.',
    fix: 'Skriv `---` på första raden, före `typ:`, och kontrollera att blocket avslutas med en rad `---` efter sista nyckeln.',
    fail: {
      title: 'första raden --- saknas',
      files: {
        'plan/aktiviteter/A2.md': `typ: aktivitet
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
    pass: {
      title: 'med frontmatter-block',
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
