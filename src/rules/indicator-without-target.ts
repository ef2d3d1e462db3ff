// An indicator needs targets, its own or its group's: without them an outcome cannot be judged.
import { defineRule } from './rule.js';

const hasValues = (v: unknown) => v !== null && typeof v === 'object' && Object.keys(v).length > 0;

export default defineRule({
  id: 'indicator-without-target',
  severity: 'warning',
  description: 'Indikatorn saknar målvärden.',
  category: 'coverage',
  blocking: false,
  docs: {
    details: 'En indikator utan `målvärden`, varken egna eller (för en medlem i en indikatorgrupp) gruppens, eller en grupps längre upp (en fråga i en hörnsten som ingår i en total).',
    why: 'Ett utfall säger inget utan ett mål att jämföra med: webbplatsen kan inte visa om målet nås, bara om det går upp eller ner.',
    fix: 'Lägg till `målvärden` med ett värde per år, till exempel `målvärden: {2026: 60, 2027: 75}`.',
    fail: {
      title: 'I1 utan målvärden',
      files: {
        'plan/indikatorer/I1.md': `---
typ: indikator
id: I1
titel: Andel ärenden som startas digitalt
enhet: procent
riktning: högre
källa: egen
mäter: [M1]
utfall: {2024: 48}
---
Mäts i ärendesystemet.
`,
      },
    },
    pass: {
      title: 'med målvärden',
      files: {
        'plan/indikatorer/I1.md': `---
typ: indikator
id: I1
titel: Andel ärenden som startas digitalt
enhet: procent
riktning: högre
källa: egen
mäter: [M1]
målvärden: {2026: 60, 2027: 75}
utfall: {2024: 48}
---
Mäts i ärendesystemet.
`,
      },
    },
  },
  graph({ index, broken, nodeAt, report }) {
    for (const n of index.ofType('indikator')) {
      if (hasValues(n.fields['målvärden'])) continue;
      // Its group's file has errors (reported there): the group's targets cannot be known.
      if (broken.outOf(n.key, 'member-of')) continue;
      // A member's targets may be its group's, or (a question of a cornerstone of a total) a group's further up.
      const seen = new Set<string>([n.key]);
      let group = index.out(n.key, 'member-of')[0];
      let targeted = false;
      while (group !== undefined && !seen.has(group)) {
        if (hasValues(index.nodeOf(group, 'indikator')?.fields.målvärden)) {
          targeted = true;
          break;
        }
        seen.add(group);
        group = index.out(group, 'member-of')[0];
      }
      if (targeted) continue;
      report(`Indikatorn ${n.id} har inga målvärden. Lägg till "målvärden" med ett värde per år, t.ex. 2026: 80.`, nodeAt(n.key, ['id']));
    }
  },
});
