// Found by the schema (src/validate/zod-issues.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('invalid-format'),
  description: 'Värdet har fel form (id, kommunkod, Kolada-id, …).',
  category: 'schema',
  blocking: true,
});
