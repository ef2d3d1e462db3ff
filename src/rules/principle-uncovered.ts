// Coverage: every guiding principle of a policy should be realised by at least one goal of a plan.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'principle-uncovered',
  severity: 'warning',
  description: 'Inget mål förverkligar styrprincipen.',
  category: 'coverage',
  blocking: false,
  docs: {
    details: 'En styrprincip i en policy som inget mål i någon plan som genomför policyn förverkligar (nämner under `styrprinciper`).',
    why: 'Policyn säger vad kommunen vill; planen ska visa hur. En styrprincip utan mål är ett löfte utan genomförande, och det är det revisorer och kommunstyrelsen frågar efter vid uppföljningen.',
    fix: 'Lägg till styrprincipens id under `styrprinciper` i det mål som förverkligar den, eller skriv ett nytt mål.',
    fail: {
      title: 'SP2 utan mål',
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
      - id: SP2
        titel: Gemensamma lösningar före egna
---
Policyn anger riktningen för kommunens digitalisering.
`,
      },
    },
    pass: {
      title: 'M1 förverkligar SP1 och SP2',
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
      - id: SP2
        titel: Gemensamma lösningar före egna
---
Policyn anger riktningen för kommunens digitalisering.
`,
        'plan/mal/M1.md': `---
typ: mål
id: M1
titel: Digitalisering
styrprinciper: [SP1, SP2]
förväntat_resultat: Invånarna kan sköta sina vanligaste ärenden digitalt.
målår: 2027
fokusområden:
  - id: FO1
    titel: E-tjänster
---
Målet handlar om tjänster för invånare och företag.
`,
      },
    },
  },
  graph({ index, coverage, broken, report }) {
    for (const key of coverage.uncoveredPrinciples) {
      // A goal file with errors realises it: that error is reported in the goal's file.
      if (broken.into(key, 'realises')) continue;
      const n = index.node(key)!;
      // A plan file with errors implements its policy: which of the policy's principles its goals realise is unknown.
      if (broken.policyUnknown || (n.document !== null && broken.into(n.document, 'implements'))) continue;
      report(`Styrprincipen ${n.id} "${n.title}" förverkligas inte av något mål. Lägg till ${n.id} under "styrprinciper" i det mål som förverkligar den.`, n.source);
    }
  },
});
