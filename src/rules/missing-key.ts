// Found by the schema (src/validate/zod-issues.ts) and, for a missing `typ`, when the file is read
// (src/parse/read-plan-file.ts); the one key the schema cannot require by itself, `kolada_kpi` when `källa` is
// kolada, is checked here on the graph.
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('missing-key'),
  description: 'En obligatorisk nyckel saknas.',
  category: 'schema',
  blocking: true,
  graph({ index, nodeAt, report }) {
    for (const n of index.ofType('indikator')) {
      if (n.fields['källa'] === 'kolada' && n.fields['kolada_kpi'] === undefined) {
        report('Källan är kolada men "kolada_kpi" saknas. Lägg till Kolada-id:t, t.ex. kolada_kpi: N00945.', nodeAt(n.key, ['källa']));
      }
    }
  },
});
