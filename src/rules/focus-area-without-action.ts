// Coverage: a focus area is carried out through the actions that contribute to it.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'focus-area-without-action',
  severity: 'warning',
  description: 'Ingen aktivitet bidrar till fokusområdet.',
  category: 'coverage',
  blocking: false,
  graph({ index, coverage, report }) {
    for (const key of coverage.focusAreasWithoutActions) {
      const n = index.node(key)!;
      report(`Ingen aktivitet bidrar till fokusområdet ${n.id} "${n.title}". Lägg till ${n.id} i "bidrar_till" för en aktivitet.`, n.source);
    }
  },
});
