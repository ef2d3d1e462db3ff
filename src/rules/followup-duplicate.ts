// Found while follow-ups are attached (src/graph/follow-ups.ts): the second follow-up is left out.
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('followup-duplicate'),
  description: 'Två uppföljningar för samma nod och period.',
  category: 'follow-up',
  blocking: true,
});
