// Found when the frontmatter is split off (src/parse/read-plan-file.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('frontmatter-unclosed'),
  description: 'Frontmatter-blocket avslutas inte med en rad ---.',
  category: 'files',
  blocking: true,
});
