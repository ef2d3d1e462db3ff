// Found by the schema (src/validate/zod-issues.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('invalid-period'),
  description: 'Perioden är inte på formen ÅÅÅÅ-MM.',
  category: 'schema',
  blocking: true,
});
