// An outcome written both in the indicator's file and in a follow-up must be the same number.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'indicator-value-conflict',
  severity: 'error',
  description: 'Två olika utfall för samma indikator och år.',
  category: 'follow-up',
  blocking: false,
  docs: {
    details: 'Samma indikator och år med två olika utfall: ett i indikatorns `utfall` och ett annat i en uppföljning för en period det året.',
    why: 'Diagram och delårsrapport visar ett värde per år. Med två olika går det inte att veta vilket som är rätt, och siffran i rapporten kan skilja sig från den på webbplatsen.',
    fix: 'Behåll ett av värdena: rätta det som är fel, eller ta bort året från indikatorns `utfall` och låt uppföljningen gälla.',
    fail: {
      title: '48 i indikatorn, 52 i uppföljningen',
      files: {
        'plan/indikatorer/I1.md': `---
typ: indikator
id: I1
titel: Andel ärenden som startas digitalt
enhet: procent
riktning: högre
källa: egen
mäter: [M1]
målvärden: {2027: 75}
utfall: {2024: 48}
---
Mäts i ärendesystemet.
`,
        'plan/uppfoljning/2024-08/I1.md': `---
typ: uppföljning
avser: I1
period: 2024-08
utfall: 52
författare: Anna Berg, digitaliseringsstrateg
---
Mätt i augusti.
`,
      },
    },
    pass: {
      title: 'samma värde',
      files: {
        'plan/indikatorer/I1.md': `---
typ: indikator
id: I1
titel: Andel ärenden som startas digitalt
enhet: procent
riktning: högre
källa: egen
mäter: [M1]
målvärden: {2027: 75}
utfall: {2024: 48}
---
Mäts i ärendesystemet.
`,
        'plan/uppfoljning/2024-08/I1.md': `---
typ: uppföljning
avser: I1
period: 2024-08
utfall: 48
författare: Anna Berg, digitaliseringsstrateg
---
Mätt i augusti.
`,
      },
    },
  },
  locality: 'node',
  graph({ index, nodeAt, followUpAt, report }) {
    for (const n of index.ofType('indikator')) {
      const fileValues: Record<string, number> = n.fields.utfall ?? {};
      for (const f of index.followUps(n.key)) {
        const year = f.period.slice(0, 4);
        if (f.value === null || fileValues[year] === undefined || fileValues[year] === f.value) continue;
        const other = nodeAt(n.key, ['utfall', year]);
        report(`Utfallet för ${n.id} ${year} är ${f.value} här men ${fileValues[year]} i indikatorns fil. Behåll ett av dem.`, followUpAt(f, ['utfall']), {
          related: [{ ...other, note: `här är utfallet för ${year} ${fileValues[year]}` }],
        });
      }
    }
  },
});
