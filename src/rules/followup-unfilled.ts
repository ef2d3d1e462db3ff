// With --require-period: a follow-up made by `sparbar uppfoljning ny` must be filled in, its marker removed.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'followup-unfilled',
  severity: 'error',
  description: 'Uppföljningen är skapad men inte ifylld (med --require-period).',
  category: 'follow-up',
  blocking: false,
  period({ period, owners, report }) {
    for (const owner of owners) {
      for (const item of owner.outstanding) {
        if (item.state !== 'ej ifylld') continue;
        report(`Uppföljningen av ${item.id} för ${period} är inte ifylld. Skriv analysen och ta bort kommentaren "sparbar: ej ifylld".`, { file: item.file!, line: 1, column: 1 });
      }
    }
  },
});
