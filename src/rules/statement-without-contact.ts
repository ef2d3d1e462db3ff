// Checked when the configuration is read (src/rules/settings.ts): a sparbar.config.json whose accessibility statement
// names no way to report a problem. The build stops on it (src/site/site-config.ts, statementProblems); check says it
// at the key, so that a pull request shows it before publishing fails.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'statement-without-contact',
  severity: 'warning',
  description: 'Tillgänglighetsredogörelsen saknar ett sätt att rapportera brister.',
  category: 'configuration',
  blocking: false,
  docs: {
    details:
      'En `sparbar.config.json` vars `tillgänglighet.kontakt` inte anger någon av `epost`, `telefon` eller `webbformulär`. Meddelandet står vid `tillgänglighet.kontakt`, eller vid `tillgänglighet` eller filens början när nycklarna saknas. Regeln gäller en `sparbar.config.json` som ställer in webbplatsen (med `webbplats` eller `tillgänglighet`); en fil med bara `regler`, eller ingen fil alls, kontrolleras inte, men `sparbar build` stannar ändå tills kontakten är angiven.',
    why: 'Lagen (2018:1937) om tillgänglighet till digital offentlig service, 16 §, och Diggs mall för tillgänglighetsredogörelsen kräver att den som besöker webbplatsen kan meddela brister i tillgängligheten och begära innehåll i tillgänglig form. Utan kontakt stannar `sparbar build`; varningen syns redan i pull requesten, innan publiceringen misslyckas. En planmapp som inte publiceras kan stänga av regeln med `"statement-without-contact": "av"` under `"regler"`.',
    fix: 'Ange minst en av `tillgänglighet.kontakt.epost`, `tillgänglighet.kontakt.telefon` och `tillgänglighet.kontakt.webbformulär` (en adress med `https:`, `http:`, `mailto:` eller `tel:`), till exempel `"kontakt": { "epost": "tillganglighet@kommun.se" }`. Nycklarna står i `site/README.md`.',
    fail: {
      title: 'en redogörelse utan kontakt',
      config: `{
  "tillgänglighet": {
    "upprättad": "2026-09-01",
    "kontakt": {}
  }
}
`,
    },
    pass: {
      title: 'med en e-postadress',
      config: `{
  "tillgänglighet": {
    "upprättad": "2026-09-01",
    "kontakt": { "epost": "tillganglighet@ekby.example" }
  }
}
`,
    },
  },
});
