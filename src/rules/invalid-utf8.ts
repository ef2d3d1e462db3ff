// Found when a file is decoded (src/files/decode.ts).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('invalid-utf8'),
  description: 'Filen är inte giltig UTF-8.',
  category: 'files',
  blocking: true,
});
