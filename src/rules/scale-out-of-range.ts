// Targets and outcomes of an indicator with a scale (a maturity scale 1–4, say) must lie on the scale, in the
// indicator's file and in its follow-ups.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'scale-out-of-range',
  severity: 'error',
  description: 'Ett värde ligger utanför indikatorns skala.',
  category: 'schema',
  blocking: false,
  graph({ index, nodeAt, followUpAt, report }) {
    for (const n of index.ofType('indikator')) {
      const skala = n.fields.skala;
      if (!skala) continue;
      // A scale whose max is below its min is end-before-start; its values are not judged against it.
      if (skala.max >= skala.min) {
        for (const field of ['målvärden', 'utfall'] as const) {
          const values = n.fields[field] ?? {};
          for (const year of Object.keys(values).sort()) {
            const v = values[year]!;
            if (v < skala.min || v > skala.max) report(`${field} ${year} är ${v}, utanför skalan ${skala.min}–${skala.max}. Rätta värdet.`, nodeAt(n.key, [field, year]));
          }
        }
      }
      for (const f of index.followUps(n.key)) {
        if (f.value !== null && (f.value < skala.min || f.value > skala.max)) {
          report(`Utfallet ${f.value} för ${n.id} ligger utanför skalan ${skala.min}–${skala.max}. Rätta värdet.`, followUpAt(f, ['utfall']));
        }
      }
    }
  },
});
