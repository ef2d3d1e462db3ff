// Checked when the configuration is read (src/rules/settings.ts): an entry it cannot use is left out.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'invalid-config',
  severity: 'error',
  description: 'Konfigurationen i sparbar.config.json går inte att använda.',
  category: 'configuration',
  blocking: true,
});
