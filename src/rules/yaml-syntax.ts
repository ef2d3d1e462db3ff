// Found when the frontmatter is parsed (src/parse/yaml-frontmatter.ts, explained by src/parse/yaml-errors.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('yaml-syntax'),
  description: 'Frontmatter är inte giltig YAML.',
  category: 'files',
  blocking: true,
});
