// Found by the schema (src/validate/zod-issues.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('invalid-format'),
  description: 'Värdet har fel form (id, kommunkod, Kolada-id, …).',
  category: 'schema',
  blocking: true,
  docs: {
    details: 'Ett värde av fel form: ett id med mellanslag eller andra tecken än bokstäver, siffror, punkt, bindestreck och understreck, en hänvisning, en kommunkod som inte är fyra siffror, ett Kolada-id som inte är en stor bokstav och fem siffror, ett år som inte är fyra siffror.',
    why: 'Id och hänvisningar binder ihop planen och blir adresser på webbplatsen; Kolada-id och kommunkoder används för att hämta nyckeltal. Ett värde av fel form går inte att använda, så filen läses inte.',
    fix: 'Skriv värdet på den form meddelandet anger, till exempel `A2` i stället för `A 2` och `N00945` i stället för `n00945`.',
    fail: {
      title: 'ett id med mellanslag',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A 2
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
      title: 'ett id utan mellanslag',
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
