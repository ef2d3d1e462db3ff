// Found when a file is read (src/parse/characters-check.ts, with src/files/characters.ts); one family with
// unusual-character.
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('not-nfc'),
  description: 'Texten är inte i Unicode-formen NFC (t.ex. å skrivet som a och en kombinerande ring).',
  category: 'files',
  blocking: false,
  docs: {
    details: 'Samma bokstav kan lagras på två sätt i Unicode: `å` som ett tecken (formen NFC, som tangentbord i Windows och Linux ger) eller som `a` följt av en kombinerande ring (formen NFD, som macOS filnamn och text kopierad ur PDF ofta ger). De ser likadana ut. Spårbar jämför nycklar, id, hänvisningar och värden ur fasta listor i NFC, så `typ: mål`, nyckeln `målår` och `status: pågår` i NFD godtas; filen får en varning, en gång, vid den första sådana bokstaven.',
    why: 'Andra verktyg jämför tecken för tecken: sökningen på webbplatsen, git, kalkylark med öppna data. En text i NFD hittas inte när någon söker på samma ord skrivet på ett tangentbord, och två filer kan se ut att ha samma id utan att ha det.',
    fix: 'Ställ in editorn att spara i NFC (VS Code: tillägget *Unicode Normalization* eller `files.encoding` med NFC-normalisering; på Mac kan du i stället skriva om ordet på tangentbordet) och spara om filen.',
    fail: {
      title: 'en aktivitet kopierad ur en PDF på en Mac (NFD)',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av beslut
bidrar_till: [FO1]
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2024-09-01
slut: 2025-12-31
status: pågår
---
Besluten skrivs under digitalt.
`,
      },
    },
    pass: {
      title: 'samma aktivitet sparad i NFC',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av beslut
bidrar_till: [FO1]
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2024-09-01
slut: 2025-12-31
status: pågår
---
Besluten skrivs under digitalt.
`,
      },
    },
  },
});
