// Targets and outcomes of an indicator with a scale (a maturity scale 1–4, say) must lie on the scale, in the
// indicator's file and in its follow-ups.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'scale-out-of-range',
  severity: 'error',
  description: 'Ett värde ligger utanför indikatorns skala.',
  category: 'schema',
  blocking: false,
  docs: {
    details: 'En indikator med `skala` (till exempel en mognadsskala 1–4) har ett målvärde eller utfall utanför skalan, i indikatorns fil eller i en uppföljning.',
    why: 'På en skala 1–4 betyder 5 ingenting, och ett medelvärde för en indikatorgrupp blir fel. Oftast är det ett skrivfel, eller en skala som ändrats utan att värdena följt med.',
    fix: 'Rätta värdet så att det ligger på skalan, eller rätta skalan om den är fel.',
    fail: {
      title: 'målvärdet 5 på en skala 1–4',
      files: {
        'plan/indikatorer/I1.md': `---
typ: indikator
id: I1
titel: Andel ärenden som startas digitalt
enhet: procent
riktning: högre
källa: egen
mäter: [M1]
skala: {min: 1, max: 4}
målvärden: {2027: 5}
---
Mäts i ärendesystemet.
`,
      },
    },
    pass: {
      title: 'målvärdet 4',
      files: {
        'plan/indikatorer/I1.md': `---
typ: indikator
id: I1
titel: Andel ärenden som startas digitalt
enhet: procent
riktning: högre
källa: egen
mäter: [M1]
skala: {min: 1, max: 4}
målvärden: {2027: 4}
---
Mäts i ärendesystemet.
`,
      },
    },
  },
  locality: 'node',
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
