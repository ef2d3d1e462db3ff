// Found while follow-ups are attached (src/graph/follow-ups.ts): the follow-up is left out.
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('followup-unknown-node'),
  description: 'Uppföljningen avser en nod som inte finns.',
  category: 'follow-up',
  blocking: true,
});
