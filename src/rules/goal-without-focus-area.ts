// Coverage: a goal is carried out through its focus areas.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'goal-without-focus-area',
  severity: 'warning',
  description: 'Målet har inga fokusområden.',
  category: 'coverage',
  blocking: false,
  graph({ index, coverage, report }) {
    for (const key of coverage.goalsWithoutFocusAreas) {
      const n = index.node(key)!;
      report(`Målet ${n.id} har inga fokusområden. Lägg till "fokusområden" i målet eller en fokusområdesfil med mål: ${n.id}.`, n.source);
    }
  },
});
