// Found when a file is read (src/parse/read-plan-file.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('empty-file'),
  description: 'Filen är tom.',
  category: 'files',
  blocking: false,
});
