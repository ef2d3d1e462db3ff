// Found when the folder is listed (src/files/discover.ts) or a revision is read (src/git/revision-files.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('symlink-outside'),
  description: 'En symbolisk länk pekar ut ur planmappen.',
  category: 'files',
  blocking: true,
});
