// Found while follow-ups are attached (src/graph/follow-ups.ts): the follow-up is left out.
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('followup-wrong-fields'),
  description: 'Uppföljningen saknar eller har fel fält för nodens typ.',
  category: 'follow-up',
  blocking: true,
});
