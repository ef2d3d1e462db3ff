// Found by the schema (src/validate/zod-issues.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('invalid-date'),
  description: 'Datumet är inte ett verkligt datum på formen ÅÅÅÅ-MM-DD.',
  category: 'schema',
  blocking: true,
  docs: {
    details: 'Ett datum som inte är ett verkligt datum på formen ÅÅÅÅ-MM-DD: fel form (`2024-9-1`, `1/9 2024`) eller en dag som inte finns (`2025-02-30`).',
    why: 'Datum styr vilka aktiviteter som är försenade och vilka som ska följas upp i en period. Ett datum som inte finns kan inte jämföras, så filen läses inte förrän det är rättat.',
    fix: 'Skriv datumet som ÅÅÅÅ-MM-DD med två siffror för månad och dag, och kontrollera att dagen finns i månaden.',
    fail: {
      title: 'en dag som inte finns',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av beslut
bidrar_till: [FO1]
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2024-09-01
slut: 2025-02-30
---
Besluten skrivs under digitalt.
`,
      },
    },
    pass: {
      title: 'sista februari',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av beslut
bidrar_till: [FO1]
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2024-09-01
slut: 2025-02-28
---
Besluten skrivs under digitalt.
`,
      },
    },
  },
});
