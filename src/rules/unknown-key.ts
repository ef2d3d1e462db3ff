// Found by the schema (src/validate/zod-issues.ts), and for a misspelt `typ` when the file is read (src/parse/read-plan-file.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('unknown-key'),
  description: 'Nyckeln finns inte i filformatet.',
  category: 'schema',
  blocking: true,
});
