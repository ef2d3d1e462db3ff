// Found by the schema (src/validate/zod-issues.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('invalid-period'),
  description: 'Perioden är inte på formen ÅÅÅÅ-MM.',
  category: 'schema',
  blocking: true,
  docs: {
    details: 'En uppföljnings `period` som inte är på formen ÅÅÅÅ-MM med en månad mellan 01 och 12, till exempel `2025-13` eller `augusti 2025`.',
    why: 'Perioden avgör vilken uppföljning som hör till vilken delårsrapport och i vilken ordning de visas. En period som inte går att läsa kan inte placeras, så filen läses inte.',
    fix: 'Skriv perioden som ÅÅÅÅ-MM, till exempel `2025-08` för uppföljningen i augusti.',
    fail: {
      title: 'månad 13',
      files: {
        'plan/uppfoljning/2025-08/A1.md': `---
typ: uppföljning
avser: A1
period: 2025-13
status: pågår
författare: Anna Berg, digitaliseringsstrateg
---
Arbetet går enligt plan.
`,
      },
    },
    pass: {
      title: 'augusti',
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
