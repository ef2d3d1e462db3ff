// Checked when the configuration is read (src/rules/settings.ts): an entry it cannot use is left out.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'invalid-config',
  severity: 'error',
  description: 'Konfigurationen i sparbar.config.json går inte att använda.',
  category: 'configuration',
  blocking: true,
  docs: {
    details: 'En inställning under `"regler"` i `sparbar.config.json` som inte går att använda: ett okänt regel-id (med förslag), ett okänt värde (tillåtna är `"av"`, `"varning"` och `"fel"`, eller `"off"`, `"warn"` och `"error"`), en regel som inte går att ställa in satt till något annat än `"fel"`, `"regler"` som inte är nycklar med värden, eller en fil som inte är giltig JSON. Meddelandet står vid raden och kolumnen i filen; de inställningar som går att använda gäller ändå.',
    why: 'En felstavad regel i konfigurationen gör ingenting, och utan meddelandet skulle det inte märkas förrän en varning dyker upp som skulle ha varit avstängd, eller ett fel som skulle ha stoppat publiceringen inte gör det.',
    fix: 'Rätta regelns id eller värdet enligt meddelandet. Alla regler och deras id står i [regellistan](README.md).',
    fail: {
      title: 'ett felstavat regel-id',
      config: `{
  "regler": {
    "action-without-due-dat": "av"
  }
}
`,
    },
    pass: {
      title: 'rätt id',
      config: `{
  "regler": {
    "action-without-due-date": "av"
  }
}
`,
    },
  },
});
