// Found by the schema (src/validate/zod-issues.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('invalid-date'),
  description: 'Datumet är inte ett verkligt datum på formen ÅÅÅÅ-MM-DD.',
  category: 'schema',
  blocking: true,
});
