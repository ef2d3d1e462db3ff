// A plan whose documents give no period, and whose period cannot be worked out from what they do give.
import { formatYears } from '../graph/derive/document-years.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'plan-without-period',
  severity: 'warning',
  description: 'Planen saknar planperiod, och den går inte att härleda helt.',
  category: 'facts',
  blocking: false,
  docs: {
    details: `En plan utan \`period\`, där perioden inte heller går att härleda: inte ur en \`giltighet\`, och inte ur året planen antogs och målens senaste \`målår\`. När bara en del går att härleda (till exempel slutåret ur målåren) säger varningen vilken.`,
    why: `Planperioden avgör vilka uppföljningsperioder planen har och vilka mål som gäller. Webbplatsen visar den härledda perioden med var den kommer ifrån, eller ”uppgift saknas”.`,
    fix: `Skriv \`period: { från: ÅÅÅÅ, till: ÅÅÅÅ }\` om dokumentet anger den, eller \`giltighet\`, eller \`antagen\` och målens \`målår\` så att den kan härledas.`,
    fail: {
      title: 'planen anger ingen period, och målåret ligger före antagandet',
      files: {
        'plan/plan.md': `---
typ: plan
id: digplan
titel: Strategisk plan för digitalisering 2024–2027
organisation: ekby
policy: itpolicy
antagen_av: Kommunstyrelsen
antagen: 2024-02-14
---
Planen omsätter policyn i mål och aktiviteter.
`,
        'plan/mal/M1.md': `---
typ: mål
id: M1
titel: Digitalisering
styrprinciper: [SP1]
förväntat_resultat: Invånarna kan sköta sina vanligaste ärenden digitalt.
målår: 2023
fokusområden:
  - id: FO1
    titel: E-tjänster
---
Målet handlar om tjänster för invånare och företag.
`,
      },
    },
    pass: {
      title: 'perioden härleds ur antagandet och målåret',
      files: {
        'plan/plan.md': `---
typ: plan
id: digplan
titel: Strategisk plan för digitalisering 2024–2027
organisation: ekby
policy: itpolicy
antagen_av: Kommunstyrelsen
antagen: 2024-02-14
---
Planen omsätter policyn i mål och aktiviteter.
`,
      },
    },
  },
  graph({ index, documentYears, nodeAt, report }) {
    for (const n of index.ofType('plan')) {
      if (n.fields.period !== undefined) continue;
      const years = documentYears[n.key];
      if (years !== undefined && years.from !== null && years.to !== null) continue;
      const known = years === undefined ? '' : ` Ur målåren går bara att härleda att den gäller ${formatYears(years)}.`;
      report(`Planen ${n.id} anger ingen planperiod.${known} Skriv "period: { från: ÅÅÅÅ, till: ÅÅÅÅ }" om dokumentet anger den.`, nodeAt(n.key, ['id']));
    }
  },
});
