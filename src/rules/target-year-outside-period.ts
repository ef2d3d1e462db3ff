// A goal's target year (målår) should fall within its plan's period: the plan follows the goal up to that year.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'target-year-outside-period',
  severity: 'warning',
  description: 'Målets målår ligger utanför planperioden.',
  category: 'schema',
  blocking: false,
  docs: {
    details: 'Ett mål vars `målår` (året då det förväntade resultatet ska vara nått) ligger före eller efter planperioden i planens `period`.',
    why: 'Planen följs upp varje år i sin period. Ett målår efter perioden följs aldrig upp i den här planen, och ett målår före den har redan passerat när planen antas; oftast är året felskrivet eller målet hör till en annan plan.',
    fix: 'Ändra `målår` till ett år i planperioden, oftast periodens sista år, eller flytta målet till den plan som gäller det året.',
    fail: {
      title: 'målår 2030 i en plan för 2024–2027',
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
förväntat_resultat: Systemen är färre och samverkar.
målår: 2030
fokusområden:
  - id: FO2
    titel: Färre system
---
Målet handlar om kommunens verksamhetssystem.
`,
        'plan/aktiviteter/A3.md': `---
typ: aktivitet
id: A3
titel: Systemkarta
bidrar_till: [FO2]
ansvarig: Kommunstyrelsen – IT-enheten
start: 2024-09-01
slut: 2025-12-31
---
En karta över kommunens system.
`,
      },
    },
    pass: {
      title: 'målår 2027, periodens sista år',
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
förväntat_resultat: Systemen är färre och samverkar.
målår: 2027
fokusområden:
  - id: FO2
    titel: Färre system
---
Målet handlar om kommunens verksamhetssystem.
`,
        'plan/aktiviteter/A3.md': `---
typ: aktivitet
id: A3
titel: Systemkarta
bidrar_till: [FO2]
ansvarig: Kommunstyrelsen – IT-enheten
start: 2024-09-01
slut: 2025-12-31
---
En karta över kommunens system.
`,
      },
    },
  },
  graph({ index, nodeAt, report }) {
    for (const goal of index.ofType('mål')) {
      const year = goal.fields['målår'];
      const plan = goal.plan === null ? undefined : index.node(goal.plan);
      const period = plan?.type === 'plan' ? plan.fields.period : undefined;
      if (typeof year !== 'number' || period === undefined || period.till < period.från) continue;
      if (year >= period.från && year <= period.till) continue;
      report(
        `Målåret ${year} ligger ${year < period.från ? 'före' : 'efter'} planperioden ${period.från}–${period.till}, så planen följer aldrig upp målet det året. ` +
          `Ändra målår till ett år i perioden (oftast ${period.till}), eller lägg målet i den plan som gäller ${year}.`,
        nodeAt(goal.key, ['målår']),
        { actual: String(year), expected: [String(period.till)] },
      );
    }
  },
});
