// Coverage: a focus area is carried out through the actions that contribute to it.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'focus-area-without-action',
  severity: 'warning',
  description: 'Ingen aktivitet bidrar till fokusområdet.',
  category: 'coverage',
  blocking: false,
  docs: {
    details: 'Ett fokusområde som ingen aktivitet bidrar till (nämner under `bidrar_till`).',
    why: 'Ett fokusområde utan aktiviteter är en ambition utan handlingsplan. I uppföljningen finns inget att räkna samman, och bedömningen av fokusområdet saknar underlag.',
    fix: 'Lägg till fokusområdets id i `bidrar_till` för de aktiviteter som genomför det, eller skriv en ny aktivitet.',
    fail: {
      title: 'fokusområdet FO2 utan aktivitet',
      files: {
        'plan/indikatorer/I2.md': `---
typ: indikator
id: I2
titel: Andel invånare som använder e-tjänster
enhet: procent
riktning: högre
källa: egen
mäter: [FO2]
målvärden: {2027: 80}
---
`,
        'plan/mal/M1.md': `---
typ: mål
id: M1
titel: Digitalisering
styrprinciper: [SP1]
förväntat_resultat: Invånarna kan sköta sina vanligaste ärenden digitalt.
målår: 2027
fokusområden:
  - id: FO1
    titel: E-tjänster
  - id: FO2
    titel: Digital delaktighet
---
Målet handlar om tjänster för invånare och företag.
`,
      },
    },
    pass: {
      title: 'A2 bidrar till FO2',
      files: {
        'plan/indikatorer/I2.md': `---
typ: indikator
id: I2
titel: Andel invånare som använder e-tjänster
enhet: procent
riktning: högre
källa: egen
mäter: [FO2]
målvärden: {2027: 80}
---
`,
        'plan/mal/M1.md': `---
typ: mål
id: M1
titel: Digitalisering
styrprinciper: [SP1]
förväntat_resultat: Invånarna kan sköta sina vanligaste ärenden digitalt.
målår: 2027
fokusområden:
  - id: FO1
    titel: E-tjänster
  - id: FO2
    titel: Digital delaktighet
---
Målet handlar om tjänster för invånare och företag.
`,
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av beslut
bidrar_till: [FO2]
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2024-09-01
slut: 2025-12-31
---
Besluten skrivs under digitalt.
`,
      },
    },
  },
  graph({ index, coverage, broken, report }) {
    for (const key of coverage.focusAreasWithoutActions) {
      // An action file with errors contributes to it: that error is reported in the action's file.
      if (broken.into(key, 'contributes-to')) continue;
      const n = index.node(key)!;
      report(`Ingen aktivitet bidrar till fokusområdet ${n.id} "${n.title}". Lägg till ${n.id} i "bidrar_till" för en aktivitet.`, n.source);
    }
  },
});
