// Indicator consistency: a follow-up's outcome must agree with the file's, and `grupp` must name a group.
import type { MessageSink } from '../../messages/report.js';
import { locate } from '../../parse/yaml-frontmatter.js';
import { draftFollowUpAt, type Draft } from '../collect-nodes.js';
import type { GraphIndex } from '../graph-index.js';

/** Reports outcomes given twice with different values or outside the scale, and members of an indicator that is not a group. */
export function checkIndicatorValues(draft: Draft, index: GraphIndex, sink: MessageSink): void {
  for (const n of index.ofType('indikator')) {
    const fileValues = (n.fields['utfall'] ?? {}) as Record<string, number>;
    for (const f of index.followUps(n.key)) {
      const year = f.period.slice(0, 4);
      if (f.value !== null && fileValues[year] !== undefined && fileValues[year] !== f.value) {
        const origin = draft.origins.get(n.key)!;
        const at = locate(origin.file.parsed, ['utfall', year]);
        sink.report(
          'indicator-value-conflict',
          `Utfallet för ${n.id} ${year} är ${f.value} här men ${fileValues[year]} i ${origin.file.path}:${at.line}:${at.column}. Behåll ett av dem.`,
          { file: f.source.file, ...locateFollowUpValue(draft, f.source.file) },
        );
      }
    }
    const skala = n.fields['skala'] as { min: number; max: number } | undefined;
    for (const f of index.followUps(n.key)) {
      if (skala && f.value !== null && (f.value < skala.min || f.value > skala.max)) {
        sink.report('scale-out-of-range', `Utfallet ${f.value} för ${n.id} ligger utanför skalan ${skala.min}–${skala.max}. Rätta värdet.`, {
          file: f.source.file,
          ...locateFollowUpValue(draft, f.source.file),
        });
      }
    }
    const group = index.out(n.key, 'member-of')[0];
    if (group && index.node(group)!.fields['beräkning'] !== 'medelvärde') {
      const origin = draft.origins.get(n.key)!;
      sink.report(
        'wrong-reference-type',
        `"grupp" hänvisar till ${index.node(group)!.id}, som inte är en indikatorgrupp. Lägg till beräkning: medelvärde i ${index.node(group)!.id}, eller ta bort "grupp".`,
        { file: origin.file.path, ...locate(origin.file.parsed, ['grupp']) },
      );
    }
  }
}

function locateFollowUpValue(draft: Draft, file: string): { line: number; column: number } {
  const entry = draftFollowUpAt(draft, file)!;
  return locate(entry.file.parsed, ['utfall']);
}
