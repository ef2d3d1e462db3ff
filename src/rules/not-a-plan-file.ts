// Found when a file is read (src/parse/read-plan-file.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('not-a-plan-file'),
  description: 'Filen har ingen typ och ingår inte i planen.',
  category: 'files',
  blocking: false,
});
