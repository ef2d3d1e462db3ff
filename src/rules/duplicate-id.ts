// Found while nodes are collected (src/graph/collect-nodes.ts): the second node with an id is left out.
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('duplicate-id'),
  description: 'Samma id används två gånger.',
  category: 'graph',
  blocking: true,
});
