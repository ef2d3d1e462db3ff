// Found while nodes are collected (src/graph/collect-nodes.ts): the file is left out.
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('no-document'),
  description: 'Noden ligger inte under någon policy eller plan.',
  category: 'graph',
  blocking: true,
});
