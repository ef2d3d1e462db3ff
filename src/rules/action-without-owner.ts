// An action needs someone responsible for it: the follow-up is written by its owner.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'action-without-owner',
  severity: 'warning',
  description: 'Aktiviteten saknar ansvarig.',
  category: 'coverage',
  blocking: false,
  graph({ index, nodeAt, report }) {
    for (const n of index.ofType('aktivitet')) {
      if (n.fields['ansvarig'] === undefined) report(`Aktiviteten ${n.id} saknar ansvarig. Lägg till "ansvarig" med nämnd, förvaltning eller enhet.`, nodeAt(n.key, ['id']));
    }
  },
});
