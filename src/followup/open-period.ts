// Plans the follow-up files that open a period: one per active goal, focus area and action, in the owner's folder.
import path from 'node:path';
import type { Graph } from '../graph/types.js';
import { indexGraph } from '../graph/graph-index.js';
import { naturalCompare } from '../util/natural-compare.js';
import { slugify } from '../util/slug.js';
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

const quoteYaml = (s: string) => (/^[\p{L}\p{N}][\p{L}\p{N} ,.()–-]*$/u.test(s) && !/: /.test(s) ? s : JSON.stringify(s));
const safeComment = (s: string) => s.replace(/--/g, '‐‐');

function render(active: ActiveNode, period: string): string {
  const { node, previous } = active;
  const lines = ['---', 'typ: uppföljning', `avser: ${node.id}`, `period: ${period}`];
  const since = previous ? ` (${previous.period}: ${previous.assessment ?? previous.status})` : '';
  if (node.type === 'aktivitet') {
    lines.push(`# Status förra perioden${since || ': ingen uppföljning'}. Välj: ej påbörjad, pågår, klar, försenad, pausad, avbruten.`);
    lines.push(`status: ${active.statusBefore}`);
    if (node.fields.slut) lines.push(`# Slutdatum enligt planen: ${node.fields.slut}.`);
  } else {
    lines.push(`# Bedömning förra perioden${since || ': ingen uppföljning'}. Välj: uppfyllt, delvis uppfyllt, ej uppfyllt.`);
    lines.push(`bedömning: ${active.assessmentBefore ?? 'ej uppfyllt'}`);
    if (previous?.forecast) lines.push(`prognos: ${previous.forecast}`);
  }
  lines.push(`författare: ${quoteYaml(active.owner)}`, '---', '', `<!-- ${UNFILLED_MARKER}. Skriv analysen för ${period} här och ta bort den här kommentaren. -->`);
  if (previous?.body) lines.push('', `<!-- Texten från ${previous.period}:`, '', safeComment(previous.body), '-->');
  lines.push('');
  return lines.join('\n');
}
