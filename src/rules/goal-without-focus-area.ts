// Coverage: a goal is carried out through its focus areas.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'goal-without-focus-area',
  severity: 'warning',
  description: 'Målet har inga fokusområden.',
  category: 'coverage',
  blocking: false,
  docs: {
    details: 'Ett mål utan fokusområden, varken skrivna i målet (`fokusområden`) eller i egna filer med `mål:` satt till målet.',
    why: 'Målen genomförs genom sina fokusområden och aktiviteterna under dem. Ett mål utan fokusområden kan inte följas upp mot något som görs.',
    fix: 'Lägg till `fokusområden` i målet, eller en fokusområdesfil med `mål: <målets id>`.',
    fail: {
      title: 'målet M2 utan fokusområden',
      files: {
        'plan/indikatorer/I2.md': `---
typ: indikator
id: I2
titel: Andel verksamhetssystem med gemensam inloggning
enhet: procent
riktning: högre
källa: egen
mäter: [M2]
målvärden: {2027: 80}
---
`,
        'plan/mal/M2.md': `---
typ: mål
id: M2
titel: Verksamhetssystem
förväntat_resultat: Verksamhetssystemen är moderna och samverkar.
målår: 2027
---
Målet handlar om kommunens system.
`,
      },
    },
    pass: {
      title: 'M2 med ett fokusområde och en aktivitet',
      files: {
        'plan/indikatorer/I2.md': `---
typ: indikator
id: I2
titel: Andel verksamhetssystem med gemensam inloggning
enhet: procent
riktning: högre
källa: egen
mäter: [FO2]
målvärden: {2027: 80}
---
`,
        'plan/mal/M2.md': `---
typ: mål
id: M2
titel: Verksamhetssystem
förväntat_resultat: Verksamhetssystemen är moderna och samverkar.
målår: 2027
fokusområden:
  - id: FO2
    titel: Systemförvaltning
---
Målet handlar om kommunens system.
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
    for (const key of coverage.goalsWithoutFocusAreas) {
      // A focus area file with errors belongs to it: that error is reported in the focus area's file.
      if (broken.into(key, 'part-of')) continue;
      const n = index.node(key)!;
      report(`Målet ${n.id} har inga fokusområden. Lägg till "fokusområden" i målet eller en fokusområdesfil med mål: ${n.id}.`, n.source);
    }
  },
});
