// With --require-period: every goal, focus area and action active in the period needs its follow-up.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'followup-missing',
  severity: 'error',
  description: 'En aktiv nod saknar uppföljning för perioden (med --require-period).',
  category: 'follow-up',
  blocking: false,
  docs: {
    details: 'Med `sparbar check --require-period <period>`: varje mål, fokusområde och aktivitet som är aktiv under perioden ska ha en uppföljning för den. Aktiviteter som blev klara eller avbröts tidigare, och aktiviteter som inte har startat ännu, räknas inte.',
    why: 'Inför delårsrapporten ska allt som planen lovar vara uppföljt. Kontrollen i CI visar vad som saknas, och vem som äger det, innan rapporten går till kommunstyrelsen.',
    fix: 'Skapa de uppföljningar som saknas med `sparbar uppfoljning ny <period>` och fyll i dem.',
    fail: {
      title: 'inga uppföljningar för 2025-08',
      requirePeriod: '2025-08',
      files: {},
    },
    pass: {
      title: 'målet, fokusområdet och aktiviteten uppföljda',
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
  period({ period, owners, index, broken, report }) {
    for (const owner of owners) {
      for (const item of owner.outstanding) {
        if (item.state !== 'saknas') continue;
        // Its follow-up file is there but has errors, reported in that file.
        if (broken.followUps(item.nodeKey).some((p) => p === period || p === '')) continue;
        report(`${item.id} "${item.title}" saknar uppföljning för ${period} (ansvarig: ${owner.owner}). Skapa den med sparbar uppfoljning ny ${period}.`, index.node(item.nodeKey)!.source);
      }
    }
  },
});
