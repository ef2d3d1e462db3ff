// Coverage: a goal is followed up over time through the indicators that measure it or its focus areas.
import { indicatorCoverage } from '../graph/derive/indicator-coverage.js';
import { defineRule } from './rule.js';

const M1 = (focusAreas: string) => `---
typ: mål
id: M1
titel: Digitalisering
styrprinciper: [SP1]
förväntat_resultat: Invånarna kan sköta sina vanligaste ärenden digitalt.
målår: 2027
fokusområden:
${focusAreas}---
Målet handlar om tjänster för invånare och företag.
`;
const A2 = `---
typ: aktivitet
id: A2
titel: Digital signering av beslut
bidrar_till: [FO2]
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2024-09-01
slut: 2025-12-31
---
Besluten skrivs under digitalt.
`;
const TWO_FOCUS_AREAS = '  - id: FO1\n    titel: E-tjänster\n  - id: FO2\n    titel: Digital delaktighet\n';

export default defineRule({
  id: 'no-indicator',
  severity: 'warning',
  description: 'Ingen indikator mäter målet eller fokusområdet.',
  category: 'coverage',
  blocking: false,
  docs: {
    details:
      'Ett mål där ingen indikator mäter vare sig målet eller något av dess fokusområden, och ett fokusområde som ingen indikator mäter (nämner under `mäter`) fast dess mål mäts. Ett mål utan någon indikator alls ger ett meddelande vid målet, inte ett för vart och ett av dess fokusområden.',
    why: 'Revisorerna ska bedöma om målen har följts upp och utvärderats. Ett mål eller fokusområde utan indikator kan bara bedömas i ord: det går inte att se om det går åt rätt håll över åren. Rapporten och sidan Måluppfyllelse visar det som "saknar indikator".',
    fix: 'Skriv en indikator (`sparbar ny indikator`) med målets eller fokusområdets id under `mäter`, eller lägg till id:t under `mäter` i en indikator som redan mäter det.',
    fail: {
      title: 'fokusområdet FO2 utan indikator',
      files: { 'plan/mal/M1.md': M1(TWO_FOCUS_AREAS), 'plan/aktiviteter/A2.md': A2 },
    },
    pass: {
      title: 'I2 mäter FO2',
      files: {
        'plan/mal/M1.md': M1(TWO_FOCUS_AREAS),
        'plan/aktiviteter/A2.md': A2,
        'plan/indikatorer/I2.md': `---
typ: indikator
id: I2
titel: Andel beslut som skrivs under digitalt
enhet: procent
riktning: högre
källa: egen
mäter: [FO2]
målvärden: {2025: 50, 2026: 80}
---
`,
      },
    },
  },
  graph({ index, broken, report }) {
    const coverage = indicatorCoverage(index);
    // An indicator file with errors may measure it: that error is reported in the indicator's file.
    const maybeMeasured = (key: string) => broken.into(key, 'measures');
    const unmeasuredGoals = new Set(coverage.goals);
    for (const key of coverage.goals) {
      if (maybeMeasured(key) || broken.into(key, 'part-of')) continue;
      if (index.in(key, 'part-of').some(maybeMeasured)) continue;
      const n = index.node(key)!;
      report(`Ingen indikator mäter målet ${n.id} "${n.title}" eller något av dess fokusområden. Lägg till ${n.id} eller ett av fokusområdenas id under "mäter" i en indikator.`, n.source);
    }
    for (const key of coverage.focusAreas) {
      if (maybeMeasured(key)) continue;
      // A focus area of a goal with no indicator at all is said once, at the goal.
      if (index.out(key, 'part-of').some((g) => unmeasuredGoals.has(g))) continue;
      const n = index.node(key)!;
      report(`Ingen indikator mäter fokusområdet ${n.id} "${n.title}". Lägg till ${n.id} under "mäter" i en indikator.`, n.source);
    }
  },
});
