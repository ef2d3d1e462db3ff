// Found when the frontmatter is parsed (src/parse/yaml-frontmatter.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('duplicate-key'),
  description: 'Samma nyckel förekommer två gånger.',
  category: 'files',
  blocking: true,
  docs: {
    details: 'Samma nyckel två gånger i samma avsnitt av frontmatter. Meddelandet anger var nyckeln står första gången.',
    why: 'Med två värden för samma nyckel går det inte att veta vilket som gäller; olika program väljer olika. Filen läses därför inte förrän ett av dem är borta.',
    fix: 'Ta bort den ena förekomsten, och behåll det värde som gäller.',
    fail: {
      title: '"ansvarig" två gånger',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av beslut
bidrar_till: [FO1]
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2024-09-01
slut: 2025-12-31
ansvarig: Kommunstyrelsen
---
Besluten skrivs under digitalt.
`,
      },
    },
    pass: {
      title: 'en ansvarig',
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
