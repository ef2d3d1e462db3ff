// Found when a file is read (src/parse/read-plan-file.ts, src/parse/other-frontmatter.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('frontmatter-not-yaml'),
  description: 'Filen är en planfil men har frontmatter i TOML eller JSON, inte YAML.',
  category: 'files',
  blocking: true,
  docs: {
    details: 'En markdownfil vars frontmatter står i TOML mellan rader med `+++` (som Hugo skriver) eller som ett JSON-objekt, och som har en `typ`. Den är tydligt menad som en planfil, men Spårbar läser bara YAML mellan rader med `---`. Meddelandet visar frontmatter omskrivet till YAML när det går att göra exakt. En sådan fil utan `typ` (en vanlig sida från en Hugo-webbplats) ingår inte i planen och får bara en notering (`not-a-plan-file`).',
    why: 'Utan regeln skulle filen lämnas utanför planen i tysthet: en aktivitet från en plan som flyttats från en Hugo-webbplats skulle saknas på den publicerade webbplatsen utan att någon fick veta det.',
    fix: 'Byt `+++` på första raden och raden där frontmatter slutar mot `---`, och skriv varje `nyckel = "värde"` som `nyckel: värde` (listor som `[FO1, FO2]`). Meddelandet visar hela resultatet; med `--format json` står det också under `suggestions`.',
    fail: {
      title: 'en aktivitet med frontmatter i TOML',
      files: {
        'plan/aktiviteter/A2.md': `+++
typ = "aktivitet"
id = "A2"
titel = "Digital signering av beslut"
bidrar_till = ["FO1"]
ansvarig = "Kommunstyrelsen – kansliavdelningen"
start = 2024-09-01
slut = 2025-12-31
+++
Besluten skrivs under digitalt.
`,
      },
    },
    pass: {
      title: 'samma aktivitet i YAML',
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
