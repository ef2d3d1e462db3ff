// Found when the frontmatter is split off (src/parse/read-plan-file.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('frontmatter-missing'),
  description: 'Filen ser ut som en planfil men saknar frontmatter-block mellan två rader ---.',
  category: 'files',
  blocking: true,
});
