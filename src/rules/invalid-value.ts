// Found by the schema (src/validate/zod-issues.ts, src/validate/validate-file.ts for `typ`).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('invalid-value'),
  description: 'Värdet är inte ett av de tillåtna.',
  category: 'schema',
  blocking: true,
  docs: {
    details: 'Ett värde som inte är ett av de tillåtna, till exempel en status, en bedömning, en riktning eller en okänd `typ`. Meddelandet föreslår närmaste tillåtna värde och listar alla.',
    why: 'Statusord och bedömningar räknas samman i uppföljningen och visas med färg och ord på webbplatsen. Ett ord utanför listan (”pågående”) kan inte räknas, så filen läses inte förrän det är rättat.',
    fix: 'Byt till ett av de tillåtna värdena. För aktiviteter: ej påbörjad, pågår, klar, försenad, pausad eller avbruten.',
    fail: {
      title: '"pågående" i stället för "pågår"',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av beslut
bidrar_till: [FO1]
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2024-09-01
slut: 2025-12-31
status: pågående
---
Besluten skrivs under digitalt.
`,
      },
    },
    pass: {
      title: 'ett tillåtet värde',
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
