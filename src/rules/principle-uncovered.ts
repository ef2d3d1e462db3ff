// Coverage: every guiding principle of a policy should be realised by at least one goal of a plan.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'principle-uncovered',
  severity: 'warning',
  description: 'Inget mål förverkligar styrprincipen.',
  category: 'coverage',
  blocking: false,
  graph({ index, coverage, report }) {
    for (const key of coverage.uncoveredPrinciples) {
      const n = index.node(key)!;
      report(`Styrprincipen ${n.id} "${n.title}" förverkligas inte av något mål. Lägg till ${n.id} under "styrprinciper" i det mål som förverkligar den.`, n.source);
    }
  },
});
