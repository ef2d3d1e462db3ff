// A goal whose documents give no expected result apart from the goal itself.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'goal-without-expected-result',
  severity: 'warning',
  description: 'Målet saknar förväntat resultat.',
  category: 'facts',
  blocking: false,
  docs: {
    details: `Ett mål utan \`förväntat_resultat\`: vad som ska vara uppnått vid målåret, skilt från målets rubrik och text.`,
    why: `Det förväntade resultatet är det som bedömningen vid uppföljningen jämförs med. Många planer skriver det i målets text; då finns det där, och varningen påminner bara om att det inte står för sig.`,
    fix: `Skriv \`förväntat_resultat:\` med en mening om vad som ska vara uppnått, om planen anger det. Annars låt nyckeln vara utelämnad.`,
    fail: {
      title: 'M1 utan förväntat resultat',
      files: {
        'plan/mal/M1.md': `---
typ: mål
id: M1
titel: Digitalisering
styrprinciper: [SP1]
målår: 2027
fokusområden:
  - id: FO1
    titel: E-tjänster
---
Målet handlar om tjänster för invånare och företag.
`,
      },
    },
    pass: {
      title: 'med förväntat resultat',
      files: {
        'plan/mal/M1.md': `---
typ: mål
id: M1
titel: Digitalisering
styrprinciper: [SP1]
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
  locality: 'node',
  graph({ index, nodeAt, report }) {
    for (const n of index.ofType('mål')) {
      if (n.fields.förväntat_resultat === undefined) report(`Målet ${n.id} anger inget förväntat resultat. Skriv "förväntat_resultat:" om planen anger vad som ska vara uppnått.`, nodeAt(n.key, ['id']));
    }
  },
});
