// A goal whose documents do not say by when it is to be reached.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'goal-without-target-year',
  severity: 'warning',
  description: 'Målet saknar målår.',
  category: 'facts',
  blocking: false,
  docs: {
    details: `Ett mål utan \`målår\`: året då målet ska vara nått.`,
    why: `Utan målår går det inte att säga om målet är försenat, och planperioden kan inte härledas ur målen. Webbplatsen skriver ”uppgift saknas”.`,
    fix: `Skriv \`målår: ÅÅÅÅ\` om dokumentet anger året. Om det inte gör det, låt nyckeln vara utelämnad.`,
    fail: {
      title: 'M1 utan målår',
      files: {
        'plan/mal/M1.md': `---
typ: mål
id: M1
titel: Digitalisering
styrprinciper: [SP1]
förväntat_resultat: Invånarna kan sköta sina vanligaste ärenden digitalt.
fokusområden:
  - id: FO1
    titel: E-tjänster
---
Målet handlar om tjänster för invånare och företag.
`,
      },
    },
    pass: {
      title: 'med målår',
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
      if (n.fields.målår === undefined) report(`Målet ${n.id} anger inget målår. Skriv "målår: ÅÅÅÅ" om planen anger när målet ska vara nått.`, nodeAt(n.key, ['id']));
    }
  },
});
