// Warns where a written assessment contradicts the status of the actions below it.
import type { MessageSink } from '../../messages/report.js';
import { locate } from '../../parse/yaml-frontmatter.js';
import { draftFollowUpAt, type Draft } from '../collect-nodes.js';
import type { GraphIndex } from '../graph-index.js';
import type { Rollup } from '../types.js';

/** "uppfyllt" with most actions not started or late, or "ej uppfyllt" with every action done, is reported at the assessment. */
export function checkAssessmentsAgainstRollups(draft: Draft, index: GraphIndex, rollups: readonly Rollup[], sink: MessageSink): void {
  const byNodePeriod = new Map(rollups.map((r) => [`${r.node}\u0000${r.period}`, r]));
  for (const type of ['mål', 'fokusområde'] as const) {
    for (const node of index.ofType(type)) {
      for (const f of index.followUps(node.key)) {
        const r = byNodePeriod.get(`${node.key}\u0000${f.period}`);
        if (!r || r.actions.total === 0 || !f.assessment) continue;
        const behind = r.actions.byStatus['ej påbörjad'] + r.actions.byStatus['försenad'];
        const done = r.actions.byStatus['klar'];
        let reason: string | undefined;
        if (f.assessment === 'uppfyllt' && behind * 2 > r.actions.total) {
          reason = `${node.id} bedöms som uppfyllt för ${f.period}, men ${behind} av ${r.actions.total} aktiviteter är ej påbörjade eller försenade. Motivera bedömningen i texten eller ändra den.`;
        } else if (f.assessment === 'ej uppfyllt' && done === r.actions.total) {
          reason = `${node.id} bedöms som ej uppfyllt för ${f.period}, men alla ${done} aktiviteter är klara. Motivera bedömningen i texten eller ändra den.`;
        }
        if (!reason) continue;
        const entry = draftFollowUpAt(draft, f.source.file);
        const at = entry ? locate(entry.file.parsed, ['bedömning']) : f.source;
        sink.report('assessment-disagrees-with-rollup', reason, { file: f.source.file, line: at.line, column: at.column });
      }
    }
  }
}
