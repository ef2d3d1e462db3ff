// With --require-period: every goal, focus area and action active in the period needs its follow-up.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'followup-missing',
  severity: 'error',
  description: 'En aktiv nod saknar uppföljning för perioden (med --require-period).',
  category: 'follow-up',
  blocking: false,
  period({ period, owners, index, report }) {
    for (const owner of owners) {
      for (const item of owner.outstanding) {
        if (item.state !== 'saknas') continue;
        report(`${item.id} "${item.title}" saknar uppföljning för ${period} (ansvarig: ${owner.owner}). Skapa den med sparbar uppfoljning ny ${period}.`, index.node(item.nodeKey)!.source);
      }
    }
  },
});
