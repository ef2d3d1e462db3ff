// Checked when the configuration is read (src/rules/settings.ts, with src/config/config-schema.ts for the keys
// outside `regler`): an entry it cannot use is left out.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'invalid-config',
  severity: 'error',
  description: 'Konfigurationen i sparbar.config.json går inte att använda.',
  category: 'configuration',
  blocking: true,
  docs: {
    details:
      'En inställning i `sparbar.config.json` som inte går att använda. Under `"regler"`: ett okänt regel-id (med förslag), ett okänt värde (tillåtna är `"av"`, `"varning"` och `"fel"`, eller `"off"`, `"warn"` och `"error"`), en regel som inte går att ställa in satt till något annat än `"fel"`, eller `"regler"` som inte är nycklar med värden. Utanför `"regler"`: en okänd nyckel (med förslag) eller ett värde som inte går att använda, till exempel ett datum som inte finns eller en adress som inte börjar med `https:` eller `http:` (för `tillgänglighet.kontakt.webbformulär` även `mailto:` eller `tel:`); adresser som `javascript:` och `data:` publiceras aldrig. Och en fil som inte är giltig JSON. Meddelandet står vid raden och kolumnen i filen; reglernas inställningar som går att använda gäller ändå, men webbplatsen byggs inte förrän filen är rättad.',
    why: 'En felstavad regel i konfigurationen gör ingenting, och utan meddelandet skulle det inte märkas förrän en varning dyker upp som skulle ha varit avstängd, eller ett fel som skulle ha stoppat publiceringen inte gör det. En adress i konfigurationen hamnar som länk på den publicerade webbplatsen (till exempel i tillgänglighetsredogörelsen): en `javascript:`-adress där skulle köra ett skript hos den som klickar.',
    fix: 'Rätta regelns id, nyckeln eller värdet enligt meddelandet. Skriv adresser i sin helhet, t.ex. `https://plan.ekby.se/`. Alla regler och deras id står i [regellistan](README.md).',
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
