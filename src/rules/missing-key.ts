// Found by the schema (src/validate/zod-issues.ts) and, for a missing `typ`, when the file is read
// (src/parse/read-plan-file.ts); the one key the schema cannot require by itself, `kolada_kpi` when `källa` is
// kolada, is checked here on the graph.
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('missing-key'),
  description: 'En obligatorisk nyckel saknas.',
  category: 'schema',
  blocking: true,
  docs: {
    details: 'En nyckel som filens typ kräver saknas eller är tom, till exempel `bidrar_till` för en aktivitet, `riktning` för en indikator eller `max` i en `skala`. Regeln säger också till när `källa: kolada` saknar `kolada_kpi`, och när en fil med `id` och `titel` saknar `typ`.',
    why: 'Utan de obligatoriska nycklarna går noden inte att placera i kedjan från styrprincip till aktivitet. En aktivitet utan `bidrar_till` bidrar inte till något mål, så filen läses inte förrän nyckeln finns.',
    fix: 'Lägg till nyckeln. Meddelandet listar de nycklar typen kräver; `sparbar ny` skapar en fil med alla.',
    fail: {
      title: 'en aktivitet utan "bidrar_till"',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av beslut
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2024-09-01
slut: 2025-12-31
---
Besluten skrivs under digitalt.
`,
      },
    },
    pass: {
      title: 'med "bidrar_till"',
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
  locality: 'node',
  graph({ index, nodeAt, report }) {
    for (const n of index.ofType('indikator')) {
      if (n.fields['källa'] === 'kolada' && n.fields['kolada_kpi'] === undefined) {
        report('Källan är kolada men "kolada_kpi" saknas. Lägg till Kolada-id:t, t.ex. kolada_kpi: N00945.', nodeAt(n.key, ['källa']));
      }
    }
  },
});
