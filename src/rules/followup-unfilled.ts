// With --require-period: a follow-up made by `sparbar uppfoljning ny` must be filled in, its marker removed.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'followup-unfilled',
  severity: 'error',
  description: 'Uppföljningen är skapad men inte ifylld (med --require-period).',
  category: 'follow-up',
  blocking: false,
  docs: {
    details: 'Med `sparbar check --require-period <period>`: en uppföljning som `sparbar uppfoljning ny` har skapat men som ingen har fyllt i ännu (den har kvar kommentaren `sparbar: ej ifylld`).',
    why: 'En mall med förifyllda värden ser ut som en uppföljning men är ingen. Den ska inte gå till delårsrapporten som om den vore ifylld.',
    fix: 'Skriv analysen, kontrollera status eller bedömning och ta bort kommentaren `<!-- sparbar: ej ifylld … -->`.',
    fail: {
      title: 'aktivitetens uppföljning är inte ifylld',
      requirePeriod: '2025-08',
      files: {
        'plan/uppfoljning/2025-08/M1.md': `---
typ: uppföljning
avser: M1
period: 2025-08
bedömning: delvis uppfyllt
författare: Anna Berg, digitaliseringsstrateg
---
Plattformen är upphandlad.
`,
        'plan/uppfoljning/2025-08/FO1.md': `---
typ: uppföljning
avser: FO1
period: 2025-08
bedömning: delvis uppfyllt
författare: Anna Berg, digitaliseringsstrateg
---
De första e-tjänsterna är i drift.
`,
        'plan/uppfoljning/2025-08/A1.md': `---
typ: uppföljning
avser: A1
period: 2025-08
status: pågår
författare: Anna Berg, digitaliseringsstrateg
---

<!-- sparbar: ej ifylld. Skriv analysen för 2025-08 här och ta bort den här kommentaren. -->
`,
      },
    },
    pass: {
      title: 'ifylld',
      requirePeriod: '2025-08',
      files: {
        'plan/uppfoljning/2025-08/M1.md': `---
typ: uppföljning
avser: M1
period: 2025-08
bedömning: delvis uppfyllt
författare: Anna Berg, digitaliseringsstrateg
---
Plattformen är upphandlad.
`,
        'plan/uppfoljning/2025-08/FO1.md': `---
typ: uppföljning
avser: FO1
period: 2025-08
bedömning: delvis uppfyllt
författare: Anna Berg, digitaliseringsstrateg
---
De första e-tjänsterna är i drift.
`,
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
  period({ period, owners, report }) {
    for (const owner of owners) {
      for (const item of owner.outstanding) {
        if (item.state !== 'ej ifylld') continue;
        report(`Uppföljningen av ${item.id} för ${period} är inte ifylld. Skriv analysen och ta bort kommentaren "sparbar: ej ifylld".`, { file: item.file!, line: 1, column: 1 });
      }
    }
  },
});
