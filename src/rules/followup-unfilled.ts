// A follow-up opened (by `sparbar uppfoljning ny`) and not filled in: ej inlämnad. A warning; with --require-period,
// for the period required, an error.
import { FOLLOWED_UP, UNFILLED_MARKER } from '../graph/follow-ups.js';
import type { NodeType } from '../graph/types.js';
import { defineRule } from './rule.js';

const FIELD: Partial<Record<NodeType, string>> = { aktivitet: 'status', indikator: 'utfall' };

export default defineRule({
  id: 'followup-unfilled',
  severity: 'warning',
  description: 'Uppföljningen är skapad men inte ifylld (ej inlämnad); ett fel med --require-period.',
  category: 'follow-up',
  blocking: false,
  docs: {
    details:
      'En uppföljning som ingen har fyllt i ännu: den saknar `status` (aktivitet), `bedömning` (mål, fokusområde, styrprincip, område, effektmål) eller `utfall` (indikator), eller har kvar kommentaren `sparbar: ej ifylld` som `sparbar uppfoljning ny` skriver. Webbplatsen visar den som ”ej inlämnad” och räknar den för sig, aldrig som en bedömning. En varning; med `sparbar check --require-period <period>` ett fel för periodens uppföljningar.',
    why: 'En mall ser ut som en uppföljning men är ingen. Den ska inte gå till delårsrapporten som om någon hade bedömt målet eller angett status.',
    fix: 'Skriv status eller bedömning och författare, skriv analysen och ta bort kommentaren `<!-- sparbar: ej ifylld … -->`.',
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
# Status förra perioden: ingen uppföljning. Skriv status: ej påbörjad, pågår, klar, försenad, pausad eller avbruten.
# Skriv författare: namn och roll (ansvarig: Kommunstyrelsen – digitaliseringsenheten).
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
  locality: 'node',
  graph({ index, followUpAt, report }) {
    for (const type of FOLLOWED_UP) {
      for (const node of index.ofType(type)) {
        for (const f of index.followUps(node.key)) {
          if (f.submitted) continue;
          const field = FIELD[type] ?? 'bedömning';
          // With the comment kept, the follow-up waits for it to go, whatever it already says.
          const reason = f.body.includes(UNFILLED_MARKER)
            ? `Uppföljningen av ${node.id} för ${f.period} räknas som ej inlämnad så länge kommentaren "sparbar: ej ifylld" står kvar i texten. Skriv ${field} och författare om de saknas, skriv analysen och ta bort kommentaren.`
            : `Uppföljningen av ${node.id} för ${f.period} är inte ifylld (ej inlämnad): ${field} saknas. Skriv ${field} och författare.`;
          report(reason, followUpAt(f, ['avser']));
        }
      }
    }
  },
  period({ period, owners, report }) {
    for (const owner of owners) {
      for (const item of owner.outstanding) {
        if (item.state !== 'ej ifylld') continue;
        report(`Uppföljningen av ${item.id} för ${period} är inte ifylld (ej inlämnad) och perioden ska vara komplett. Skriv ${FIELD[item.type as NodeType] ?? 'bedömning'} och författare, och ta bort kommentaren "sparbar: ej ifylld".`, { file: item.file!, line: 1, column: 1 });
      }
    }
  },
});
