// An end before its start: a policy's validity, a plan's period, an action's dates, an indicator's scale, a money range.
import type { YamlPath } from '../parse/yaml-frontmatter.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'end-before-start',
  severity: 'error',
  description: 'Ett slut ligger före sin start.',
  category: 'schema',
  blocking: false,
  docs: {
    details: 'Ett slut som ligger före sin start: en aktivitets `slut` före dess `start`, en plans `period` eller en policys `giltighet` baklänges, eller en `skala` vars `max` är mindre än `min`, eller ett budgetintervall vars `till` är mindre än `från`.',
    why: 'Oftast har två datum bytt plats eller ett år skrivits fel. En aktivitet som slutar innan den börjar blir ”försenad” från första dagen, och en baklänges planperiod gör att inga uppföljningar passar in.',
    fix: 'Byt plats på värdena eller rätta det som är fel skrivet.',
    fail: {
      title: 'en aktivitet som slutar innan den börjar',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av beslut
bidrar_till: [FO1]
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2025-09-01
slut: 2025-08-31
---
Besluten skrivs under digitalt.
`,
      },
    },
    pass: {
      title: 'start före slut',
      files: {
        'plan/aktiviteter/A2.md': `---
typ: aktivitet
id: A2
titel: Digital signering av beslut
bidrar_till: [FO1]
ansvarig: Kommunstyrelsen – kansliavdelningen
start: 2025-08-31
slut: 2025-09-01
---
Besluten skrivs under digitalt.
`,
      },
    },
  },
  locality: 'node',
  graph({ index, nodeAt, report }) {
    for (const n of [...index.ofType('policy'), ...index.ofType('plan')]) {
      const g = n.fields.giltighet;
      if (g && g.till < g.från) report(`Giltigheten slutar (${g.till}) före den börjar (${g.från}). Byt plats på datumen eller rätta dem.`, nodeAt(n.key, ['giltighet', 'till']));
    }
    for (const n of index.ofType('plan')) {
      const p = n.fields.period;
      if (p && p.till < p.från) report(`Planperioden slutar (${p.till}) före den börjar (${p.från}). Rätta årtalen.`, nodeAt(n.key, ['period', 'till']));
    }
    for (const n of index.ofType('aktivitet')) {
      const { start, slut } = n.fields;
      if (start && slut && slut < start) report(`Aktiviteten slutar (${slut}) före den börjar (${start}). Rätta start eller slut.`, nodeAt(n.key, ['slut']));
    }
    // A money range written backwards (intervall: { från: 37, till: 29 }), in budget or any of budgetar.
    for (const type of ['mål', 'fokusområde', 'aktivitet'] as const) {
      for (const n of index.ofType(type)) {
        const { budget, budgetar } = n.fields;
        const check = (b: typeof budget, at: YamlPath) => {
          const range = b?.intervall;
          if (range && range.till < range.från) {
            report(`Intervallet börjar på ${range.från} och slutar på ${range.till}. Skriv det lägre beloppet i från och det högre i till.`, nodeAt(n.key, [...at, 'intervall', 'till']));
          }
        };
        if (budget !== undefined) check(budget, ['budget']);
        if (budgetar !== undefined) for (let i = 0; i < budgetar.length; i++) check(budgetar[i], ['budgetar', i]);
      }
    }
    for (const n of index.ofType('indikator')) {
      const skala = n.fields.skala;
      if (skala && skala.max < skala.min) report(`Skalans max (${skala.max}) är mindre än min (${skala.min}). Rätta skalan.`, nodeAt(n.key, ['skala', 'max']));
    }
  },
});
