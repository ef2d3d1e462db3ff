// Found while follow-ups are attached (src/graph/follow-ups.ts): the second follow-up is left out.
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('followup-duplicate'),
  description: 'Två uppföljningar för samma nod och period.',
  category: 'follow-up',
  blocking: true,
  docs: {
    details: 'Två uppföljningar av samma nod för samma period. Meddelandet står vid den andra (i filnamnsordning) och pekar på den första.',
    why: 'Det får bara finnas en bedömning per nod och period; med två går det inte att veta vilken som gäller i delårsrapporten.',
    fix: 'Slå ihop dem till en fil och ta bort den andra.',
    fail: {
      title: 'två uppföljningar av A1 för 2025-08',
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
        'plan/uppfoljning/2025-08/A1-igen.md': `---
typ: uppföljning
avser: A1
period: 2025-08
status: klar
författare: Anna Berg, digitaliseringsstrateg
---
Plattformen är i drift.
`,
      },
    },
    pass: {
      title: 'en uppföljning',
      files: {
        'plan/uppfoljning/2025-08/A1.md': `---
typ: uppföljning
avser: A1
period: 2025-08
status: klar
författare: Anna Berg, digitaliseringsstrateg
---
Plattformen är i drift.
`,
      },
    },
  },
});
