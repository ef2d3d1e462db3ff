// The policy or plan as a document for the decision, built from the graph: title page, the body text,
// principles by area, goals with focus areas and expected results, the action plan, indicators and
// revisions, in the order and numbering of the files. Pure: graph in, blocks out.
import { indexGraph, type GraphIndex } from '../graph/graph-index.js';
import type { Graph, GraphNode } from '../graph/types.js';
import { naturalCompare } from '../util/natural-compare.js';
import { formatStatedBudget, statedBudgets } from '../graph/budgets.js';
import { budgetText, swedishDate as formatDate, swedishNumber as formatNumber } from './format.js';
import { labelled, paragraph, type Block, type DecisionDocument, type ListItem, type TitleFact } from './blocks.js';
import { markdownBlocks } from './markdown-blocks.js';
import type { AdoptionDecision } from '../../schemas/adoption.js';
import { adoptionsOf } from '../validate/adopters.js';

const byId = (a: GraphNode, b: GraphNode) => naturalCompare(a.id, b.id);

/** A frontmatter field of a node, whatever its type (values are checked where they are used). */
function field(node: GraphNode, key: string): unknown {
  return (node.fields as Record<string, unknown>)[key];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : undefined;
}

function span(value: unknown, format: (v: string) => string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const from = str(v['från']);
  const to = str(v['till']);
  if (from === undefined && to === undefined) return undefined;
  if (from === to) return format(from!);
  return `${from !== undefined ? format(from) : ''}–${to !== undefined ? format(to) : ''}`;
}

const fact = (label: string, value: string | undefined): TitleFact[] => (value === undefined ? [] : [{ label, value }]);

/**
 * The adoption facts of a policy or plan: `Antagen av` and `Antagen`, or, for a document several organisations
 * adopted each with its own decision (beslut), one `Antagen i <organisation>` per organisation: organ, date, § and
 * diarienummer as given ("datum saknas" where the documents do not give it).
 */
function adoptionFacts(index: GraphIndex, doc: GraphNode): TitleFact[] {
  const f = doc.fields as { antagen_av?: string; antagen?: string; beslut?: AdoptionDecision[] };
  if (f.beslut === undefined) return [...fact('Antagen av', f.antagen_av), ...fact('Antagen', f.antagen !== undefined ? formatDate(f.antagen) : undefined)];
  return adoptionsOf(f, doc.organisations).map((a) => ({
    label: `Antagen i ${index.node(a.organisation)?.title ?? a.organisation}`,
    value: [a.antagen_av, a.antagen !== undefined ? formatDate(a.antagen) : 'datum saknas', a.paragraf, a.diarienummer === undefined ? undefined : `dnr ${a.diarienummer}`].filter((x) => x !== undefined).join(', '),
  }));
}

/** The documents `dokument` can write: every policy and plan, in id order. */
export function documentChoices(graph: Graph): GraphNode[] {
  return graph.nodes.filter((n) => n.type === 'policy' || n.type === 'plan').sort(byId);
}

function organisationNames(index: GraphIndex, doc: GraphNode): string {
  const names = doc.organisations.map((key) => index.node(key)?.title ?? key);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} och ${names[names.length - 1]}`;
}

/** Principles of an area, in id order (inline and in files alike). */
function principlesOf(index: GraphIndex, area: GraphNode): GraphNode[] {
  return index
    .in(area.key, 'part-of')
    .map((k) => index.node(k)!)
    .filter((n) => n.type === 'styrprincip')
    .sort(byId);
}

function areasOf(index: GraphIndex, policy: GraphNode): GraphNode[] {
  return index
    .in(policy.key, 'part-of')
    .map((k) => index.node(k)!)
    .filter((n) => n.type === 'område')
    .sort(byId);
}

function principleItem(p: GraphNode): ListItem {
  const subPoints = Array.isArray(field(p, 'underpunkter')) ? (field(p, 'underpunkter') as unknown[]).map(str).filter((s): s is string => s !== undefined) : [];
  const item: ListItem = { runs: [{ text: `${p.id} ${p.title}` }] };
  return subPoints.length > 0 ? { ...item, children: subPoints.map((s) => ({ runs: [{ text: s }] })) } : item;
}

/** The areas with their principles: a heading per area, its description and a list of principles with sub-points. */
function principleBlocks(index: GraphIndex, policy: GraphNode, withBodies: boolean): Block[] {
  const blocks: Block[] = [];
  for (const area of areasOf(index, policy)) {
    blocks.push({ kind: 'heading', level: 2, text: `${area.id} ${area.title}` });
    if (area.body.trim() !== '') blocks.push(paragraph(area.body.trim().replace(/\s*\n\s*/g, ' ')));
    const principles = principlesOf(index, area);
    if (principles.length === 0) continue;
    blocks.push(paragraph('Styrprinciper för området:'));
    blocks.push({ kind: 'list', ordered: false, items: principles.map(principleItem) });
    if (!withBodies) continue;
    for (const p of principles) {
      if (p.body.trim() === '') continue;
      blocks.push({ kind: 'heading', level: 3, text: `${p.id} ${p.title}` });
      blocks.push(...markdownBlocks(p.body, 3));
    }
  }
  return blocks;
}

/** A body as blocks under a level-1 section; text before its first heading gets `intro` as its heading. */
function bodyBlocks(body: string, intro: string): Block[] {
  const blocks = markdownBlocks(body, 1);
  if (blocks.length > 0 && blocks[0]!.kind !== 'heading') blocks.unshift({ kind: 'heading', level: 1, text: intro });
  return blocks;
}

function flat(text: string): string {
  return text.trim().replace(/\s*\n\s*/g, ' ');
}

function goalBlocks(index: GraphIndex, goal: GraphNode): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: `${goal.id} ${goal.title}` }];
  blocks.push(...markdownBlocks(goal.body, 3));
  const realised = index.out(goal.key, 'realises').map((k) => index.node(k)!).sort(byId);
  // Principles and their sub-points (SP12.a); areas, for a policy of areas and goals without principles.
  const principles = realised.filter((n) => n.type !== 'område');
  const areas = realised.filter((n) => n.type === 'område');
  if (principles.length > 0) blocks.push(labelled('Förverkligar styrprinciperna:', principles.map((p) => p.id).join(', ')));
  if (areas.length > 0) blocks.push(labelled('Förverkligar områdena:', areas.map((p) => p.id).join(', ')));
  const owner = str(field(goal, 'ansvarig'));
  if (owner !== undefined) blocks.push(labelled('Ansvarig:', owner));
  const focusAreas = index
    .in(goal.key, 'part-of')
    .map((k) => index.node(k)!)
    .filter((n) => n.type === 'fokusområde')
    .sort(byId);
  if (focusAreas.length > 0) {
    blocks.push({ kind: 'heading', level: 3, text: 'Fokusområden' });
    blocks.push({ kind: 'table', caption: `Fokusområden för ${goal.id} ${goal.title}`, header: ['Id', 'Fokusområde', 'Beskrivning'], widths: [12, 30, 58], rows: focusAreas.map((f) => [f.id, f.title, flat(f.body)]) });
  }
  const result = str(field(goal, 'förväntat_resultat'));
  const year = str(field(goal, 'målår'));
  if (result !== undefined) {
    blocks.push({ kind: 'heading', level: 3, text: year !== undefined ? `Förväntat resultat ${year}` : 'Förväntat resultat' });
    blocks.push(paragraph(flat(result)));
  } else if (year !== undefined) {
    blocks.push(labelled('Målår:', year));
  }
  return blocks;
}

function actionRow(index: GraphIndex, a: GraphNode): string[] {
  const to = index
    .out(a.key, 'contributes-to')
    .map((k) => index.node(k)!)
    .sort(byId)
    .map((n) => n.id)
    .join(', ');
  const date = (v: unknown) => (str(v) !== undefined ? formatDate(str(v)!) : '');
  return [a.id, a.title, to, str(field(a, 'ansvarig')) ?? '', date(field(a, 'start')), date(field(a, 'slut')), str(field(a, 'status')) ?? '', budgetText(field(a, 'budget')) || statedBudgets(a.fields).map((b) => formatStatedBudget(b, '')).join('; ')];
}

function perYear(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  return Object.entries(value as Record<string, unknown>)
    .filter((e): e is [string, number] => typeof e[1] === 'number')
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([year, v]) => `${year}: ${formatNumber(v)}`)
    .join('; ');
}

/** The plan as a document: title page facts, body, the policy's principles, goals, action plan, indicators, revisions. */
export function planDocument(graph: Graph, planKey: string): DecisionDocument {
  const index = indexGraph(graph.nodes, graph.edges);
  const plan = index.node(planKey);
  if (plan?.type !== 'plan') throw new Error(`${planKey} är ingen plan`);
  const policy = index.out(plan.key, 'implements').map((k) => index.node(k)).find((n) => n?.type === 'policy');
  const inPlan = (n: GraphNode) => n.plan === plan.key;
  const facts: TitleFact[] = [
    ...adoptionFacts(index, plan),
    ...fact('Diarienummer', str(field(plan, 'diarienummer'))),
    ...fact('Planperiod', span(field(plan, 'period'), (v) => v)),
    ...fact('Förverkligar', policy?.title),
  ];
  const blocks: Block[] = bodyBlocks(plan.body, 'Om planen');
  if (policy) {
    blocks.push({ kind: 'heading', level: 1, text: 'Styrprinciper' });
    blocks.push(labelled('Ur policyn:', policy.title));
    blocks.push(...principleBlocks(index, policy, false));
  }
  const goals = index.ofType('mål').filter(inPlan).sort(byId);
  if (goals.length > 0) {
    blocks.push({ kind: 'heading', level: 1, text: 'Övergripande mål' });
    for (const goal of goals) blocks.push(...goalBlocks(index, goal));
  }
  const actions = index.ofType('aktivitet').filter(inPlan).sort(byId);
  if (actions.length > 0) {
    blocks.push({ kind: 'heading', level: 1, text: 'Handlingsplan' });
    blocks.push({
      kind: 'table',
      caption: 'Aktiviteter',
      header: ['Id', 'Aktivitet', 'Bidrar till', 'Ansvarig', 'Start', 'Slut', 'Status', 'Budget'],
      widths: [6, 22, 8, 23, 9, 9, 9, 14],
      rows: actions.map((a) => actionRow(index, a)),
      landscape: true,
    });
  }
  const indicators = index.ofType('indikator').filter(inPlan).sort(byId);
  if (indicators.length > 0) {
    blocks.push({ kind: 'heading', level: 1, text: 'Indikatorer' });
    blocks.push({
      kind: 'table',
      caption: 'Indikatorer',
      header: ['Id', 'Indikator', 'Mäter', 'Enhet', 'Målvärden'],
      widths: [7, 38, 14, 13, 28],
      rows: indicators.map((i) => [
        i.id,
        i.title,
        [...index.out(i.key, 'measures'), ...index.out(i.key, 'member-of')].map((k) => index.node(k)?.id ?? k).join(', '),
        str(field(i, 'enhet')) ?? '',
        perYear(field(i, 'målvärden')),
      ]),
    });
  }
  const revisions = Array.isArray(field(plan, 'revideringar')) ? (field(plan, 'revideringar') as Record<string, unknown>[]) : [];
  if (revisions.length > 0) {
    blocks.push({ kind: 'heading', level: 1, text: 'Revideringar' });
    blocks.push({
      kind: 'table',
      caption: 'Revideringar',
      header: ['Datum', 'Beskrivning', 'Beslut'],
      widths: [18, 57, 25],
      rows: revisions.map((r) => [str(r['datum']) !== undefined ? formatDate(str(r['datum'])!) : '', flat(str(r['beskrivning']) ?? ''), str(r['beslut']) ?? '']),
    });
  }
  return { organisation: organisationNames(index, plan), kind: 'Strategisk plan', title: plan.title, facts, blocks };
}

/** The policy as a document: title page facts, body (vision, effects), areas with principles, responsibility and review. */
export function policyDocument(graph: Graph, policyKey: string): DecisionDocument {
  const index = indexGraph(graph.nodes, graph.edges);
  const policy = index.node(policyKey);
  if (policy?.type !== 'policy') throw new Error(`${policyKey} är ingen policy`);
  const facts: TitleFact[] = [
    ...adoptionFacts(index, policy),
    ...fact('Diarienummer', str(field(policy, 'diarienummer'))),
    ...fact('Giltighet', span(field(policy, 'giltighet'), formatDate)),
    ...fact('Ansvarig', str(field(policy, 'ansvarig'))),
  ];
  const blocks: Block[] = bodyBlocks(policy.body, 'Om policyn');
  const areas = index.in(policyKey, 'part-of').filter((k) => index.node(k)?.type === 'område');
  const hasPrinciples = areas.some((a) => index.in(a, 'part-of').some((k) => index.node(k)?.type === 'styrprincip'));
  // A policy of areas and goals, without principles, has only its areas; one with neither has no such part.
  if (areas.length > 0) blocks.push({ kind: 'heading', level: 1, text: hasPrinciples ? 'Strategiska områden och styrprinciper' : 'Strategiska områden' });
  blocks.push(...principleBlocks(index, policy, true));
  const review = str(field(policy, 'översyn'));
  if (review !== undefined) {
    blocks.push({ kind: 'heading', level: 1, text: 'Uppföljning och översyn' });
    blocks.push(paragraph(flat(review)));
  }
  return { organisation: organisationNames(index, policy), kind: 'Policy', title: policy.title, facts, blocks };
}

/** The document for a policy or plan node. */
export function decisionDocument(graph: Graph, key: string): DecisionDocument {
  const node = graph.nodes.find((n) => n.key === key);
  return node?.type === 'policy' ? policyDocument(graph, key) : planDocument(graph, key);
}
