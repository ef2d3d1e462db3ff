// Found when the frontmatter is parsed (src/parse/yaml-frontmatter.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('duplicate-key'),
  description: 'Samma nyckel förekommer två gånger.',
  category: 'files',
  blocking: true,
});
