// An action needs a due date: without one it can never be late.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'action-without-due-date',
  severity: 'warning',
  description: 'Aktiviteten saknar slutdatum.',
  category: 'coverage',
  blocking: false,
  graph({ index, nodeAt, report }) {
    for (const n of index.ofType('aktivitet')) {
      if (n.fields['slut'] === undefined) report(`Aktiviteten ${n.id} saknar slutdatum. Lägg till "slut" (ÅÅÅÅ-MM-DD).`, nodeAt(n.key, ['id']));
    }
  },
});
