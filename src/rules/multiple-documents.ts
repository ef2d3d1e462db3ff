// Found while documents are scoped (src/graph/documents.ts): the second document is left out.
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('multiple-documents'),
  description: 'Två policy- eller planfiler i samma mapp.',
  category: 'graph',
  blocking: true,
});
