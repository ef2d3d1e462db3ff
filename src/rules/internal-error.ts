// Reported by the check itself when a step fails unexpectedly (src/check/).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('internal-error'),
  description: 'Ett oväntat fel i Spårbar när filen lästes.',
  category: 'files',
  blocking: true,
});
