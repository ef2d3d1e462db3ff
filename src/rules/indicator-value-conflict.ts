// An outcome written both in the indicator's file and in a follow-up must be the same number.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'indicator-value-conflict',
  severity: 'error',
  description: 'Två olika utfall för samma indikator och år.',
  category: 'follow-up',
  blocking: false,
  graph({ index, nodeAt, followUpAt, report }) {
    for (const n of index.ofType('indikator')) {
      const fileValues: Record<string, number> = n.fields.utfall ?? {};
      for (const f of index.followUps(n.key)) {
        const year = f.period.slice(0, 4);
        if (f.value === null || fileValues[year] === undefined || fileValues[year] === f.value) continue;
        const other = nodeAt(n.key, ['utfall', year]);
        report(`Utfallet för ${n.id} ${year} är ${f.value} här men ${fileValues[year]} i ${other.file}:${other.line}:${other.column}. Behåll ett av dem.`, followUpAt(f, ['utfall']));
      }
    }
  },
});
