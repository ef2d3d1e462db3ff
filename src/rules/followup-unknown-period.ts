// Found while follow-ups are attached (src/graph/follow-ups.ts): the follow-up is left out.
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('followup-unknown-period'),
  description: 'Uppföljningens period ligger utanför planens eller policyns period.',
  category: 'follow-up',
  blocking: true,
});
