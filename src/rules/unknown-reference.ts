// Found while links are resolved (src/graph/resolve-links.ts): the link is left out.
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('unknown-reference'),
  description: 'En hänvisning pekar på ett id som inte finns.',
  category: 'graph',
  blocking: true,
});
