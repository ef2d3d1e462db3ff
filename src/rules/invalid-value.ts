// Found by the schema (src/validate/zod-issues.ts, src/validate/validate-file.ts for `typ`).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('invalid-value'),
  description: 'Värdet är inte ett av de tillåtna.',
  category: 'schema',
  blocking: true,
});
