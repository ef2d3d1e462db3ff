// Found when the folder is listed or a file is read (src/files/discover.ts, src/parse/read-plan-file.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('unreadable-file'),
  description: 'Filen eller mappen gick inte att läsa.',
  category: 'files',
  blocking: true,
});
