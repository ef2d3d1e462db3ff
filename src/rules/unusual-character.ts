// Found when a file is read (src/parse/characters-check.ts, with the characters in src/files/characters.ts); one
// family with not-nfc.
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('unusual-character'),
  description: 'Frontmatter har ett osynligt tecken, ett ovanligt mellanslag eller ett styrtecken.',
  category: 'files',
  blocking: false,
  docs: {
    details: 'Tecken som ser ut som ett mellanslag men inte är det – hårt mellanslag U+00A0 (Alt+mellanslag på ett svenskt Mac-tangentbord), smalt hårt mellanslag U+202F, de typografiska mellanrummen U+2000–U+200A, U+205F, U+3000 – och tecken som inte syns alls: osynligt mellanslag U+200B, sammanfogare U+200C, U+200D och U+2060, en byte order mark U+FEFF mitt i texten, mjukt bindestreck U+00AD, samt styrtecken. Varningen namnger tecknet med dess Unicode-namn och kod, var det står första gången och hur många fler som finns. Där YAML väntar sig blanktecken, och i nycklar, id, hänvisningar och värden ur fasta listor, läser Spårbar ett mellanslagsliknande tecken som ett vanligt mellanslag och bortser från ett osynligt; i fri text står tecknet kvar. Tecken som styr skriftriktningen (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) har en egen regel, [bidi-control](bidi-control.md), som gäller hela filen.',
    why: 'Tecknen kommer från tangentbord, Word och text kopierad ur PDF. Ett hårt mellanslag i `status: ej påbörjad` gav tidigare ett fel som föreslog exakt det som redan stod där, och ett efter `ansvarig:` lästes som fel indrag. Ett osynligt tecken i ett id gör att hänvisningar till det inte hittas i andra verktyg.',
    fix: 'Byt tecknet mot ett vanligt mellanslag, eller ta bort det. I VS Code syns de med `editor.unicodeHighlight.invisibleCharacters` och `editor.unicodeHighlight.nonBasicASCII`; rad och kolumn står i varningen.',
    fail: {
      title: 'ett hårt mellanslag efter ansvarig: och ett inne i ej påbörjad',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av beslut
bidrar_till: [FO1]
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2024-09-01
slut: 2025-12-31
status: ej påbörjad
---
Besluten skrivs under digitalt.
`,
      },
    },
    pass: {
      title: 'vanliga mellanslag',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av beslut
bidrar_till: [FO1]
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2024-09-01
slut: 2025-12-31
status: ej påbörjad
---
Besluten skrivs under digitalt.
`,
      },
    },
  },
});
