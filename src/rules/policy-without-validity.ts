// A policy whose documents do not say how long it is valid: its principles' follow-ups cannot be placed in time.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'policy-without-validity',
  severity: 'warning',
  description: 'Policyn saknar giltighetstid.',
  category: 'facts',
  blocking: false,
  docs: {
    details: `En policy utan \`giltighet\` (från och till datum).`,
    why: `Giltighetstiden säger när policyn ska ses över och vilka perioder dess styrprinciper följs upp för. Utan den kan \`sparbar check\` inte säga att en uppföljning ligger utanför policyns tid, och webbplatsen skriver ”uppgift saknas”.`,
    fix: `Skriv \`giltighet: { från: ÅÅÅÅ-MM-DD, till: ÅÅÅÅ-MM-DD }\` om dokumentet anger den. Om det bara säger till exempel ”gäller i fem år”, skriv det i texten och låt nyckeln vara utelämnad.`,
    fail: {
      title: 'policyn anger ingen giltighetstid',
      files: {
        'policy/policy.md': `---
typ: policy
id: itpolicy
titel: IT- och digitaliseringspolicy för Ekby kommun
organisationer: [ekby]
antagen_av: Kommunfullmäktige
antagen: 2023-11-27
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
      title: 'med giltighetstid',
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
  locality: 'node',
  graph({ index, nodeAt, report }) {
    for (const n of index.ofType('policy')) {
      if (n.fields.giltighet === undefined) report(`Policyn ${n.id} anger ingen giltighetstid. Skriv "giltighet: { från: ÅÅÅÅ-MM-DD, till: ÅÅÅÅ-MM-DD }" om dokumentet anger den.`, nodeAt(n.key, ['id']));
    }
  },
});
