// Coverage warnings: gaps in the chain from principle to action, and actions and indicators missing essentials.
import type { MessageSink, Place } from '../../messages/report.js';
import { locate } from '../../parse/yaml-frontmatter.js';
import type { Draft } from '../collect-nodes.js';
import type { GraphIndex } from '../graph-index.js';
import type { Coverage } from '../types.js';

/** Reports every coverage gap as a warning at the node concerned. */
export function checkCoverage(draft: Draft, index: GraphIndex, coverage: Coverage, sink: MessageSink): void {
  const place = (key: string) => index.node(key)!.source;
  for (const key of coverage.uncoveredPrinciples) {
    const n = index.node(key)!;
    sink.report('principle-uncovered', `Styrprincipen ${n.id} "${n.title}" förverkligas inte av något mål. Lägg till ${n.id} under "styrprinciper" i det mål som förverkligar den.`, place(key));
  }
  for (const key of coverage.goalsWithoutFocusAreas) {
    const n = index.node(key)!;
    sink.report('goal-without-focus-area', `Målet ${n.id} har inga fokusområden. Lägg till "fokusområden" i målet eller en fokusområdesfil med mål: ${n.id}.`, place(key));
  }
  for (const key of coverage.focusAreasWithoutActions) {
    const n = index.node(key)!;
    sink.report('focus-area-without-action', `Ingen aktivitet bidrar till fokusområdet ${n.id} "${n.title}". Lägg till ${n.id} i "bidrar_till" för en aktivitet.`, place(key));
  }
  for (const n of index.ofType('aktivitet')) {
    if (n.fields['ansvarig'] !== undefined && n.fields['slut'] !== undefined) continue;
    const where = idValue(draft, n.key);
    if (n.fields['ansvarig'] === undefined) sink.report('action-without-owner', `Aktiviteten ${n.id} saknar ansvarig. Lägg till "ansvarig" med nämnd, förvaltning eller enhet.`, where);
    if (n.fields['slut'] === undefined) sink.report('action-without-due-date', `Aktiviteten ${n.id} saknar slutdatum. Lägg till "slut" (ÅÅÅÅ-MM-DD).`, where);
  }
  for (const n of index.ofType('indikator')) {
    const targets = n.fields['målvärden'] as Record<string, number> | undefined;
    if (targets && Object.keys(targets).length > 0) continue;
    const group = index.out(n.key, 'member-of')[0];
    const groupTargets = group ? (index.node(group)?.fields['målvärden'] as Record<string, number> | undefined) : undefined;
    if (groupTargets && Object.keys(groupTargets).length > 0) continue;
    sink.report('indicator-without-target', `Indikatorn ${n.id} har inga målvärden. Lägg till "målvärden" med ett värde per år, t.ex. 2026: 80.`, idValue(draft, n.key));
  }
}

/** The place of a node's id value in its file. */
function idValue(draft: Draft, key: string): Place {
  const origin = draft.origins.get(key)!;
  return { file: origin.file.path, ...locate(origin.file.parsed, [...origin.path, 'id']) };
}
