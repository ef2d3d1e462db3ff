// A policy or plan whose documents do not say who adopted it.
import { defineRule } from './rule.js';
import { adoptionsOf } from '../validate/adopters.js';

export default defineRule({
  id: 'document-without-adopting-body',
  severity: 'warning',
  description: 'Policyn eller planen saknar beslutande organ.',
  category: 'facts',
  blocking: false,
  docs: {
    details: `En policy eller plan utan \`antagen_av\`: det organ som fattade beslutet, till exempel Kommunfullmäktige eller Kommunstyrelsen. I ett dokument som flera organisationer har antagit (med en lista \`beslut\`) varje organisation vars beslut saknar \`antagen_av\` när dokumentet inte heller anger det.`,
    why: `En policy antas av fullmäktige och en strategisk plan av kommunstyrelsen; vem som beslutade avgör vem som får ändra den. Utan uppgiften skriver webbplatsen ”uppgift saknas”.`,
    fix: `Skriv \`antagen_av:\` med organet, till exempel \`antagen_av: Kommunfullmäktige\`. Om dokumentet inte säger det, låt nyckeln vara utelämnad.`,
    fail: {
      title: 'policyn anger inte vem som antog den',
      files: {
        'policy/policy.md': `---
typ: policy
id: itpolicy
titel: IT- och digitaliseringspolicy för Ekby kommun
organisationer: [ekby]
antagen: 2023-11-27
giltighet:
  från: 2024-01-01
  till: 2028-12-31
områden:
  - id: O1
    titel: Nytta för invånare och företag
    styrprinciper:
      - id: SP1
        titel: Digitalt först
---
Policyn anger riktningen för kommunens digitalisering.
`,
      },
    },
    pass: {
      title: 'med beslutande organ',
      files: {
        'policy/policy.md': `---
typ: policy
id: itpolicy
titel: IT- och digitaliseringspolicy för Ekby kommun
organisationer: [ekby]
antagen_av: Kommunfullmäktige
antagen: 2023-11-27
giltighet:
  från: 2024-01-01
  till: 2028-12-31
områden:
  - id: O1
    titel: Nytta för invånare och företag
    styrprinciper:
      - id: SP1
        titel: Digitalt först
---
Policyn anger riktningen för kommunens digitalisering.
`,
      },
    },
  },
  graph({ index, nodeAt, report }) {
    const name = (org: string) => index.node(org)?.title ?? org;
    for (const n of [...index.ofType('policy'), ...index.ofType('plan')]) {
      if (n.fields.beslut !== undefined) {
        // Several organisations' decisions: each names its organ, or the document's antagen_av stands for all.
        for (const a of adoptionsOf(n.fields, n.organisations)) {
          if (a.antagen_av !== undefined) continue;
          report(
            `${n.type === 'policy' ? 'Policyn' : 'Planen'} ${n.id} anger inte vilket organ i ${name(a.organisation)} som antog den. Skriv "antagen_av:" i beslutet för ${a.organisation} under "beslut" (eller för alla i ${n.type === 'policy' ? 'policyn' : 'planen'}), om dokumentet säger det.`,
            nodeAt(n.key, a.entry === null ? ['beslut'] : ['beslut', a.entry, 'organisation']),
          );
        }
        continue;
      }
      if (n.fields.antagen_av === undefined) report(`${n.type === 'policy' ? 'Policyn' : 'Planen'} ${n.id} anger inte vem som antog den. Skriv "antagen_av:" med organet, till exempel ${n.type === 'policy' ? 'Kommunfullmäktige' : 'Kommunstyrelsen'}, om dokumentet säger det.`, nodeAt(n.key, ['id']));
    }
  },
});
