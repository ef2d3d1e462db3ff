// An indicator needs targets, its own or its group's: without them an outcome cannot be judged.
import { defineRule } from './rule.js';

const hasValues = (v: unknown) => v !== null && typeof v === 'object' && Object.keys(v).length > 0;

export default defineRule({
  id: 'indicator-without-target',
  severity: 'warning',
  description: 'Indikatorn saknar målvärden.',
  category: 'coverage',
  blocking: false,
  graph({ index, nodeAt, report }) {
    for (const n of index.ofType('indikator')) {
      if (hasValues(n.fields['målvärden'])) continue;
      const group = index.out(n.key, 'member-of')[0];
      if (group !== undefined && hasValues(index.nodeOf(group, 'indikator')?.fields.målvärden)) continue;
      report(`Indikatorn ${n.id} har inga målvärden. Lägg till "målvärden" med ett värde per år, t.ex. 2026: 80.`, nodeAt(n.key, ['id']));
    }
  },
});
