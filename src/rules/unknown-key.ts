// Found by the schema (src/validate/zod-issues.ts), and for a misspelt `typ` when the file is read (src/parse/read-plan-file.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('unknown-key'),
  description: 'Nyckeln finns inte i filformatet.',
  category: 'schema',
  blocking: true,
  docs: {
    details: 'En nyckel som filformatet inte har för filens typ, på översta nivån eller inuti en samling som `budget` eller `skala`. Ligger nyckeln nära en känd nyckel föreslås den (`Menade du "ansvarig"?`), annars listas de tillåtna.',
    why: 'En felstavad nyckel betyder att uppgiften inte kommer med: en aktivitet med `ansvarg` har ingen ansvarig i planen. Därför läses inte filen förrän nyckeln är rättad.',
    fix: 'Rätta stavningen, eller ta bort nyckeln. De tillåtna nycklarna för varje typ står i [filformatet](../../README.md#filformatet--the-file-format).',
    fail: {
      title: '"ansvarg" i stället för "ansvarig"',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av beslut
bidrar_till: [FO1]
start: 2024-09-01
slut: 2025-12-31
ansvarg: Kommunstyrelsen – kansliavdelningen
---
Besluten skrivs under digitalt.
`,
      },
    },
    pass: {
      title: 'rätt stavat',
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
