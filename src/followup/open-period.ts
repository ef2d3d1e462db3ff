// Plans the follow-up files that open a period: one per active goal, focus area and action, and per effect a plan
// lists, in the owner's folder; and one per principle (or area without principles) and effect of the policies the
// plans carry out, in the policy's folder. Each is unfilled (ej inlämnad):
// no status, bedömning or author until someone writes them.
import path from 'node:path';
import type { Graph } from '../graph/types.js';
import { indexGraph } from '../graph/graph-index.js';
import { naturalCompare } from '../util/natural-compare.js';
import { slugify } from '../util/slug.js';
import { writePlanFile, type FrontmatterEntry } from '../parse/write-frontmatter.js';
import { activeNodes, activePlanEffects, activePrinciples, planCoversPeriod, UNFILLED_MARKER, type ActiveNode } from './active.js';

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
  const files = new Map<string, PlannedFile>();
  const add = (active: ActiveNode<ActiveType>, documentFile: string) => {
    if (files.has(active.node.key) || index.followUps(active.node.key).some((f) => f.period === period)) return;
    const documentFolder = path.posix.dirname(documentFile);
    const folder = path.posix.join(documentFolder === '.' ? '' : documentFolder, 'uppfoljning', period, slugify(active.owner, 'utan-ansvarig'));
    files.set(active.node.key, { path: path.posix.join(folder, `${slugify(active.node.id, 'nod')}.md`), owner: active.owner, nodeKey: active.node.key, content: render(active, period) });
  };
  for (const plan of index.ofType('plan')) {
    if (!planCoversPeriod(graph.derived.documentYears, plan, period)) continue;
    for (const active of activeNodes(index, plan, period)) add(active, plan.source.file);
    for (const active of activePlanEffects(index, plan, period)) add(active, plan.source.file);
    for (const active of activePrinciples(index, plan, period, graph.derived.documentYears)) add(active, index.node(active.node.document!)!.source.file);
  }
  return [...files.values()].sort((a, b) => naturalCompare(a.path, b.path));
}

type ActiveType = 'område' | 'styrprincip' | 'effektmål' | 'mål' | 'fokusområde' | 'aktivitet';

const safeComment = (s: string) => s.replace(/--/g, '‐‐');

/**
 * The file for one node: typ, avser and period written by the yaml package, then as comments what the owner is to
 * fill in (status or bedömning, and författare) with last period's value as a guide, never as a value: a file
 * nobody has filled in says nothing about the node (the site shows it as ej inlämnad).
 */
function render(active: ActiveNode<ActiveType>, period: string): string {
  const { node, previous } = active;
  const since = previous ? ` (${previous.period}: ${previous.assessment ?? previous.status ?? 'ej inlämnad'})` : ': ingen uppföljning';
  const entries: FrontmatterEntry[] = [
    { key: 'typ', value: 'uppföljning' },
    { key: 'avser', value: node.id },
    { key: 'period', value: period },
  ];
  const after: string[] = [];
  if (node.type === 'aktivitet') {
    after.push(`Status förra perioden${since}. Skriv status: ej påbörjad, pågår, klar, försenad, pausad eller avbruten.`);
    if (node.fields.slut) after.push(`Slutdatum enligt planen: ${node.fields.slut}.`);
  } else {
    after.push(`Bedömning förra perioden${since}. Skriv bedömning: uppfyllt, delvis uppfyllt eller ej uppfyllt${previous?.forecast ? ` (prognos förra perioden: ${previous.forecast})` : ''}.`);
  }
  after.push(`Skriv författare: namn och roll (ansvarig: ${active.owner}).`);
  const body = ['', `<!-- ${UNFILLED_MARKER}. Skriv analysen för ${period} här och ta bort den här kommentaren. -->`];
  if (previous?.body) body.push('', `<!-- Texten från ${previous.period}:`, '', safeComment(previous.body), '-->');
  body.push('');
  return writePlanFile(entries, { after, body: body.join('\n') });
}
