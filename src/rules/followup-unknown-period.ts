// Found while follow-ups are attached (src/graph/follow-ups.ts): the follow-up is left out.
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('followup-unknown-period'),
  description: 'Uppföljningens period ligger utanför planens eller policyns period.',
  category: 'follow-up',
  blocking: true,
  docs: {
    details: 'En uppföljning vars period ligger utanför planperioden (för mål, fokusområden, aktiviteter och indikatorer) eller policyns giltighet (för styrprinciper).',
    why: 'En uppföljning för en period då planen inte gällde hör till en annan plan. Den hamnar annars i fel delårsrapport.',
    fix: 'Rätta perioden, eller lägg uppföljningen under den plan som gällde då.',
    fail: {
      title: 'augusti 2023, före planperioden 2024–2027',
      files: {
        'plan/uppfoljning/2023-08/A1.md': `---
typ: uppföljning
avser: A1
period: 2023-08
status: pågår
författare: Anna Berg, digitaliseringsstrateg
---
Arbetet går enligt plan.
`,
      },
    },
    pass: {
      title: 'augusti 2025',
      files: {
        'plan/uppfoljning/2025-08/A1.md': `---
typ: uppföljning
avser: A1
period: 2025-08
status: pågår
författare: Anna Berg, digitaliseringsstrateg
---
Arbetet går enligt plan.
`,
      },
    },
  },
});
