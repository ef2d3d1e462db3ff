// Found while follow-ups are attached (src/graph/follow-ups.ts): the follow-up is left out.
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('followup-unknown-node'),
  description: 'Uppföljningen avser en nod som inte finns.',
  category: 'follow-up',
  blocking: true,
  docs: {
    details: 'En uppföljning vars `avser` inte är id:t för någon nod i planen (eller i policyn den genomför). Meddelandet föreslår närmaste id.',
    why: 'En uppföljning som inte hör till någon nod syns ingenstans: analysen och bedömningen försvinner från delårsrapporten.',
    fix: 'Rätta id:t i `avser`, till exempel efter att en aktivitet numrerats om.',
    fail: {
      title: 'en uppföljning av A9, som inte finns',
      files: {
        'plan/uppfoljning/2025-08/A9.md': `---
typ: uppföljning
avser: A9
period: 2025-08
status: pågår
författare: Anna Berg, digitaliseringsstrateg
---
Arbetet går enligt plan.
`,
      },
    },
    pass: {
      title: 'en uppföljning av A1',
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
