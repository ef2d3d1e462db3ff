// A survey's printed group mean (a cornerstone, a total) that the members' values do not give, within its rounding.
import { groupValues, printedDecimals } from '../graph/derive/indicators.js';
import type { GraphIndex } from '../graph/graph-index.js';
import { formatNumber } from '../util/number-format.js';
import { defineRule } from './rule.js';

/** True when the groups below `key` (through its members) run in a circle: reference-cycle reports that, not this rule. */
function belowCycle(index: GraphIndex, key: string, stack = new Set<string>()): boolean {
  if (stack.has(key)) return true;
  stack.add(key);
  const found = index.in(key, 'member-of').some((m) => belowCycle(index, m, stack));
  stack.delete(key);
  return found;
}

const files = (groupValue: string) => ({
  'plan/indikatorer/G1.md': `---
typ: indikator
id: G1
titel: "Hörnsten: styrning"
enhet: skala 1–4
riktning: högre
källa: enkät
mäter: [M1]
beräkning: medelvärde
målvärden: {2025: 3}
utfall: {2024: ${groupValue}}
---
Medelvärdet av frågorna, som enkätens rapport skriver det.
`,
  'plan/indikatorer/G1.1.md': `---
typ: indikator
id: G1.1
titel: Det finns en beslutad strategi för digitalisering
enhet: skala 1–4
riktning: högre
källa: enkät
grupp: G1
utfall: {2024: 3}
---
`,
  'plan/indikatorer/G1.2.md': `---
typ: indikator
id: G1.2
titel: Ledningen följer upp digitaliseringen
enhet: skala 1–4
riktning: högre
källa: enkät
grupp: G1
utfall: {2024: 2}
---
`,
});

export default defineRule({
  id: 'group-value-differs-from-mean',
  severity: 'warning',
  description: 'Ett tryckt medelvärde för en indikatorgrupp skiljer sig från medlemmarnas medelvärde mer än avrundningen.',
  category: 'graph',
  blocking: false,
  docs: {
    details:
      'En indikatorgrupp (`beräkning: medelvärde`) vars fil anger ett `utfall` för ett år, som en enkät trycker hörnstenens eller totalens medelvärde, och vars medlemmar (frågor eller grupper) har värden samma år. Värdet i filen behålls och visas; regeln jämför det med medelvärdet av medlemmarna, med samma vikt. En skillnad upp till en halv enhet i den sista tryckta decimalen är avrundning (2,5 och 2,46 med en decimal); en större skillnad varnas med båda värdena. Antalet decimaler är det största som gruppens tryckta värden har (YAML läser 3.0 som 3).',
    why: 'Ett medelvärde som inte stämmer med frågorna betyder att ett värde är felskrivet, att en fråga saknas eller har fel grupp, eller att enkäten räknar på ett annat sätt (till exempel med vikter). Webbplatsen visar det tryckta värdet; läsaren ska kunna lita på att det hänger ihop med frågorna under.',
    fix: 'Jämför med enkätens rapport: rätta det felskrivna värdet, lägg till frågan som saknas eller rätta dess `grupp`. Räknar enkäten på ett annat sätt, skriv det i gruppens text.',
    fail: { title: 'G1 trycker 2,4 för 2024, men frågornas medelvärde är 2,5', files: files('2.4') },
    pass: { title: 'G1 trycker 2,5, som frågorna ger', files: files('2.5') },
  },
  graph({ index, nodeAt, report }) {
    const valuesOf = groupValues(index);
    for (const n of index.ofType('indikator')) {
      if (n.fields.beräkning !== 'medelvärde' || belowCycle(index, n.key)) continue;
      const { computed, printed } = valuesOf(n.key);
      if (printed.size === 0 || computed.size === 0) continue;
      const decimals = printedDecimals([...printed.values()]);
      const tolerance = 0.5 * 10 ** -decimals;
      for (const [year, value] of [...printed].sort((a, b) => a[0] - b[0])) {
        const mean = computed.get(year);
        if (mean === undefined || Math.abs(mean - value) <= tolerance + 1e-9) continue;
        report(
          `Gruppen ${n.id} anger ${formatNumber(value, decimals)} för ${year}, men medelvärdet av medlemmarna är ${formatNumber(mean, 4)} (${formatNumber(mean, decimals)} avrundat till ${decimals === 0 ? 'heltal' : decimals === 1 ? 'en decimal' : `${decimals} decimaler`}). Skillnaden är större än avrundningen (${formatNumber(tolerance, decimals + 1)}). Kontrollera gruppens värde och medlemmarnas värden för ${year}.`,
          nodeAt(n.key, ['utfall', String(year)]),
        );
      }
    }
  },
});
