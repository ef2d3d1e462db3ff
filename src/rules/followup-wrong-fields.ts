// Found while follow-ups are attached (src/graph/follow-ups.ts): the follow-up is left out.
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('followup-wrong-fields'),
  description: 'Uppföljningen saknar eller har fel fält för nodens typ.',
  category: 'follow-up',
  blocking: true,
  docs: {
    details: 'En uppföljning med fält som inte passar nodens typ: en aktivitet följs upp med `status`, ett mål, ett fokusområde eller en styrprincip med `bedömning` (och gärna `prognos`), en indikator med `utfall`, en indikatorgrupp bara med text.',
    why: 'Statusar räknas samman uppåt och bedömningar visas som uppfyllt, delvis uppfyllt eller ej uppfyllt. Ett fält av fel slag kan inte räknas, så uppföljningen lämnas utanför tills den är rättad.',
    fix: 'Byt till fältet som nodens typ har: `status` för aktiviteter, `bedömning` för mål, fokusområden och styrprinciper, `utfall` för indikatorer.',
    fail: {
      title: 'en aktivitet bedömd med "bedömning"',
      files: {
        'plan/uppfoljning/2025-08/A1.md': `---
typ: uppföljning
avser: A1
period: 2025-08
bedömning: uppfyllt
författare: Anna Berg, digitaliseringsstrateg
---
Arbetet går enligt plan.
`,
      },
    },
    pass: {
      title: 'med "status"',
      files: {
        'plan/uppfoljning/2025-08/A1.md': `---
typ: uppföljning
avser: A1
period: 2025-08
status: klar
författare: Anna Berg, digitaliseringsstrateg
---
Arbetet går enligt plan.
`,
      },
    },
  },
});
