// A policy or plan whose documents do not say when it was adopted: the site says so, and nothing is made up.
import { defineRule } from './rule.js';
import { adoptionsOf } from '../validate/adopters.js';

export default defineRule({
  id: 'document-without-adoption-date',
  severity: 'warning',
  description: 'Policyn eller planen saknar datum för antagandet.',
  category: 'facts',
  blocking: false,
  docs: {
    details: `En policy eller plan utan \`antagen\` (beslutsdatumet), och i ett dokument som flera organisationer har antagit (med en lista \`beslut\`) varje organisation vars beslut saknar \`antagen\` när dokumentet inte heller anger ett gemensamt datum. Uppgiften är valfri eftersom verkliga dokument inte alltid anger den, men den ska inte saknas av misstag.`,
    why: `Vilken version som gäller avgörs av beslutet. Utan datum kan revisorer och läsare inte se när planen antogs, och webbplatsen skriver ”uppgift saknas”. Ett påhittat datum vore värre: det ser ut som ett beslut som inte finns.`,
    fix: `Skriv \`antagen: ÅÅÅÅ-MM-DD\` med datumet i protokollet. Om dokumentet inte anger något datum, låt nyckeln vara utelämnad: varningen säger då bara vad som saknas.`,
    fail: {
      title: 'planen anger inte när den antogs',
      files: {
        'plan/plan.md': `---
typ: plan
id: digplan
titel: Strategisk plan för digitalisering 2024–2027
organisation: ekby
policy: itpolicy
antagen_av: Kommunstyrelsen
period:
  från: 2024
  till: 2027
---
Planen omsätter policyn i mål och aktiviteter.
`,
      },
    },
    pass: {
      title: 'med datum',
      files: {
        'plan/plan.md': `---
typ: plan
id: digplan
titel: Strategisk plan för digitalisering 2024–2027
organisation: ekby
policy: itpolicy
antagen_av: Kommunstyrelsen
antagen: 2024-02-14
period:
  från: 2024
  till: 2027
---
Planen omsätter policyn i mål och aktiviteter.
`,
      },
    },
  },
  graph({ index, nodeAt, report }) {
    const name = (org: string) => index.node(org)?.title ?? org;
    for (const n of [...index.ofType('policy'), ...index.ofType('plan')]) {
      if (n.fields.beslut !== undefined) {
        // Several organisations' decisions, each on its own date: one warning for each organisation whose date is not given.
        for (const a of adoptionsOf(n.fields, n.organisations)) {
          if (a.antagen !== undefined) continue;
          report(
            `${n.type === 'policy' ? 'Policyn' : 'Planen'} ${n.id} anger inte när ${name(a.organisation)} antog den. ${a.entry === null ? `Lägg till ett beslut för ${a.organisation} under "beslut" med "antagen: ÅÅÅÅ-MM-DD"` : `Skriv "antagen: ÅÅÅÅ-MM-DD" i beslutet för ${a.organisation}`}, om dokumentet anger datumet.`,
            nodeAt(n.key, a.entry === null ? ['beslut'] : ['beslut', a.entry, 'organisation']),
          );
        }
        continue;
      }
      if (n.fields.antagen === undefined) report(`${n.type === 'policy' ? 'Policyn' : 'Planen'} ${n.id} anger inte när den antogs. Skriv "antagen: ÅÅÅÅ-MM-DD" med beslutsdatumet, om dokumentet anger det.`, nodeAt(n.key, ['id']));
    }
  },
});
