// A written assessment that contradicts the status of the actions below it.
import { assessmentAgreement } from '../followup/assessment-agreement.js';
import { defineRule } from './rule.js';
import { ADJECTIVES } from '../words/agreement.js';
import { actionsShare, allActionsDone } from '../words/sentences.js';

export default defineRule({
  id: 'assessment-disagrees-with-rollup',
  severity: 'warning',
  description: 'Bedömningen går emot statusen för aktiviteterna under.',
  category: 'follow-up',
  blocking: false,
  docs: {
    details: 'Ett mål eller fokusområde som bedöms som uppfyllt fast de flesta aktiviteterna under det är ej påbörjade eller försenade, eller som ej uppfyllt fast alla aktiviteter är klara. En aktivitet som passerat sitt slutdatum utan att vara klar räknas som försenad.',
    why: 'Bedömningen ska gå att följa till det som gjorts. Revisorerna granskar just det sambandet; en bedömning som går emot aktiviteternas status behöver en motivering i texten, eller en annan bedömning.',
    fix: 'Motivera bedömningen i uppföljningens text, ändra den, eller följ upp aktiviteterna så att deras status stämmer.',
    fail: {
      title: 'M1 uppfyllt fast A1 är försenad',
      files: {
        'plan/uppfoljning/2025-08/M1.md': `---
typ: uppföljning
avser: M1
period: 2025-08
bedömning: uppfyllt
författare: Anna Berg, digitaliseringsstrateg
---
Målet är nått.
`,
      },
    },
    pass: {
      title: 'A1 följd upp som klar',
      files: {
        'plan/uppfoljning/2025-08/M1.md': `---
typ: uppföljning
avser: M1
period: 2025-08
bedömning: uppfyllt
författare: Anna Berg, digitaliseringsstrateg
---
Målet är nått.
`,
        'plan/uppfoljning/2025-08/A1.md': `---
typ: uppföljning
avser: A1
period: 2025-08
status: klar
författare: Anna Berg, digitaliseringsstrateg
---
Plattformen är i drift.
`,
      },
    },
  },
  /** "uppfyllt" with most actions not started or late, or "ej uppfyllt" with every action done, is reported at the assessment. */
  graph({ index, rollups, broken, followUpAt, report }) {
    const byNodePeriod = new Map(rollups.filter((r) => r.organisation === undefined).map((r) => [`${r.node}\u0000${r.period}`, r]));
    // An action, or an action's follow-up, in a file with errors leaves the counts incomplete: no judgement then.
    const actionsBelow = (key: string): string[] => [...index.in(key, 'contributes-to'), ...index.in(key, 'part-of').flatMap((fo) => index.in(fo, 'contributes-to'))];
    const incomplete = (key: string, period: string): boolean =>
      broken.into(key, 'contributes-to') ||
      index.in(key, 'part-of').some((fo) => broken.into(fo, 'contributes-to')) ||
      actionsBelow(key).some((a) => broken.followUps(a).some((p) => p <= period));
    for (const type of ['mål', 'fokusområde'] as const) {
      for (const node of index.ofType(type)) {
        for (const f of index.followUps(node.key)) {
          const r = byNodePeriod.get(`${node.key}\u0000${f.period}`);
          if (!r || r.actions.total === 0 || !f.assessment) continue;
          const agreement = assessmentAgreement(f.assessment, r.actions);
          if (agreement.kind === 'stämmer' || incomplete(node.key, f.period)) continue;
          if (agreement.kind === 'uppfyllt men efter') {
            report(
              `${node.id} bedöms som uppfyllt för ${f.period}, men ${actionsShare(agreement.behind, agreement.total, [ADJECTIVES['ej påbörjad'], ADJECTIVES.försenad], 'är')}. Motivera bedömningen i texten eller ändra den.`,
              followUpAt(f, ['bedömning']),
            );
          } else if (agreement.kind === 'ej uppfyllt men klart') {
            report(`${node.id} bedöms som ej uppfyllt för ${f.period}, men ${allActionsDone(agreement.done)}. Motivera bedömningen i texten eller ändra den.`, followUpAt(f, ['bedömning']));
          }
        }
      }
    }
  },
});
