// Found by the schema (src/validate/zod-issues.ts), and for frontmatter that is not a map when the file is read (src/parse/read-plan-file.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('wrong-type'),
  description: 'Värdet har fel typ (text, tal, lista, …).',
  category: 'schema',
  blocking: true,
});
