// Plans the follow-up files that open a period: one per active goal, focus area and action, in the owner's folder.
import path from 'node:path';
import type { Graph } from '../graph/types.js';
import { indexGraph } from '../graph/graph-index.js';
import { naturalCompare } from '../util/natural-compare.js';
import { slugify } from '../util/slug.js';
import { writePlanFile, type FrontmatterEntry } from '../parse/write-frontmatter.js';
import { activeNodes, planCoversPeriod, UNFILLED_MARKER, type ActiveNode } from './active.js';

export interface PlannedFile {
  /** Path relative to the plans folder. */
  path: string;
  owner: string;
  nodeKey: string;
  content: string;
}

/** The files `uppfoljning ny` would write for `period`: nodes that already have a follow-up for it are left out. */
export function planFollowUpFiles(graph: Graph, period: string): PlannedFile[] {
  const index = indexGraph(graph.nodes, graph.edges, graph.followUps);
  const files: PlannedFile[] = [];
  for (const plan of index.ofType('plan')) {
    if (!planCoversPeriod(graph.derived.documentYears, plan, period)) continue;
    const planFolder = path.posix.dirname(plan.source.file);
    for (const active of activeNodes(index, plan, period)) {
      if (index.followUps(active.node.key).some((f) => f.period === period)) continue;
      const folder = path.posix.join(planFolder === '.' ? '' : planFolder, 'uppfoljning', period, slugify(active.owner, 'utan-ansvarig'));
      files.push({ path: path.posix.join(folder, `${slugify(active.node.id, 'nod')}.md`), owner: active.owner, nodeKey: active.node.key, content: render(active, period) });
    }
  }
  return files.sort((a, b) => naturalCompare(a.path, b.path));
}

const safeComment = (s: string) => s.replace(/--/g, '‐‐');

/** The file for one node: its frontmatter written by the yaml package (any owner name reads back exactly), then the text. */
function render(active: ActiveNode, period: string): string {
  const { node, previous } = active;
  const since = previous ? ` (${previous.period}: ${previous.assessment ?? previous.status})` : '';
  const entries: FrontmatterEntry[] = [
    { key: 'typ', value: 'uppföljning' },
    { key: 'avser', value: node.id },
    { key: 'period', value: period },
  ];
  const beforeAuthor: string[] = [];
  if (node.type === 'aktivitet') {
    entries.push({ key: 'status', value: active.statusBefore, before: [`Status förra perioden${since || ': ingen uppföljning'}. Välj: ej påbörjad, pågår, klar, försenad, pausad, avbruten.`] });
    if (node.fields.slut) beforeAuthor.push(`Slutdatum enligt planen: ${node.fields.slut}.`);
  } else {
    entries.push({ key: 'bedömning', value: active.assessmentBefore ?? 'ej uppfyllt', before: [`Bedömning förra perioden${since || ': ingen uppföljning'}. Välj: uppfyllt, delvis uppfyllt, ej uppfyllt.`] });
    if (previous?.forecast) entries.push({ key: 'prognos', value: previous.forecast });
  }
  entries.push({ key: 'författare', value: active.owner, text: true, before: beforeAuthor });
  const body = ['', `<!-- ${UNFILLED_MARKER}. Skriv analysen för ${period} här och ta bort den här kommentaren. -->`];
  if (previous?.body) body.push('', `<!-- Texten från ${previous.period}:`, '', safeComment(previous.body), '-->');
  body.push('');
  return writePlanFile(entries, { body: body.join('\n') });
}
