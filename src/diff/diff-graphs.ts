// The plan diff: what changed between two graphs of the same plans, node by node. Pure: graphs in, diff out.
// Nodes are matched by key; what is left is matched as a rename (an id change in the same file, or
// near-identical content), so a renamed action is not reported as one removal and one addition.
import { indexGraph, type GraphIndex } from '../graph/graph-index.js';
import { fieldRecord } from '../graph/node-fields.js';
import type { EdgeType, FollowUp, Graph, GraphEdge, GraphNode, NodeType } from '../graph/types.js';
import { naturalCompare } from '../util/natural-compare.js';

export const DIFF_FORMAT = 'sparbar-diff';
export const DIFF_VERSION = 1;

/** A node as the diff names it. */
export interface NodeRef {
  key: string;
  type: NodeType;
  id: string;
  title: string;
  /** File the node is written in, relative to the plans folder. */
  file: string;
  /** Key of the goal the node is grouped under (itself for a goal), in the head graph when it exists there; null for nodes above or beside the goals. */
  goal: string | null;
}

/** One changed value. Field names are the file format's Swedish keys, plus `titel`, `text` (the body), `fil` and `id`. */
export interface FieldChange {
  field: string;
  /** null when the field was not there. */
  before: unknown;
  after: unknown;
}

export interface LinkRef {
  type: EdgeType;
  /** Key of the target node, in the graph the link is in. */
  to: string;
  title: string;
}

export interface AddedNode extends NodeRef {
  fields: Record<string, unknown>;
  /** The new node's own links. */
  links: LinkRef[];
}

export interface NodeChange {
  node: NodeRef;
  changes: FieldChange[];
}

export interface Rename {
  from: NodeRef;
  to: NodeRef;
  /** same-file: the only node of its type that left the file and the only one that came; same-content: near-identical content. */
  reason: 'same-file' | 'same-content';
  /** What else changed besides the id (and the key). */
  changes: FieldChange[];
}

/** A link between two nodes that exist on both sides (links of added and removed nodes are not repeated here). */
export interface LinkChange {
  type: EdgeType;
  from: NodeRef;
  to: NodeRef;
}

export interface FollowUpRef {
  node: NodeRef;
  period: string;
  assessment: string | null;
  forecast: string | null;
  status: string | null;
  value: number | null;
  author: string;
  date: string | null;
  file: string;
}

export interface FollowUpChange {
  node: NodeRef;
  period: string;
  file: string;
  changes: FieldChange[];
}

export interface CoverageChanges {
  /** Principles that no goal realises any more (or new principles that none realises). */
  uncovered: NodeRef[];
  /** Principles that were uncovered and now are realised by a goal. */
  covered: NodeRef[];
  goalsWithoutFocusAreas: { added: NodeRef[]; removed: NodeRef[] };
  focusAreasWithoutActions: { added: NodeRef[]; removed: NodeRef[] };
}

export interface PlanDiff {
  /** Every goal that a NodeRef's `goal` names, with its title (from the head graph, or the base graph for a removed goal), in natural order. */
  goals: { key: string; id: string; title: string }[];
  nodes: { added: AddedNode[]; removed: NodeRef[]; renamed: Rename[]; changed: NodeChange[] };
  links: { added: LinkChange[]; removed: LinkChange[] };
  coverage: CoverageChanges;
  followUps: { added: FollowUpRef[]; removed: FollowUpRef[]; changed: FollowUpChange[] };
}

/** Similarity (0–1) from which two unmatched nodes of the same type count as one renamed node. */
export const RENAME_SIMILARITY = 0.8;
/** Above this many candidate pairs the content comparison is skipped (a restructuring, not a rename). */
const MAX_PAIRS = 250_000;

/** Links that say what a node is about (for the content comparison). */
const CONTENT_EDGES: readonly EdgeType[] = ['realises', 'contributes-to', 'depends-on', 'measures', 'member-of', 'replaces', 'implements'];
/** Links listed with an added node (belongs-to is implied by its document). */
const OWN_EDGES: readonly EdgeType[] = ['part-of', 'implements', 'replaces', 'realises', 'contributes-to', 'depends-on', 'measures', 'member-of'];

const DOCUMENT_TYPES: ReadonlySet<NodeType> = new Set(['organisation', 'policy', 'plan']);


/** JSON with object keys sorted, for comparing values. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v as object)
          .sort()
          .map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}

const same = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);

/** The goal a node is grouped under: itself, its goal, the goal of the focus areas it contributes to or measures. */
export function goalOf(index: GraphIndex, key: string): string | null {
  const node = index.node(key);
  if (!node) return null;
  const viaTargets = (targets: string[]): string | null => {
    const goals = new Set<string>();
    for (const t of targets) {
      const target = index.node(t);
      if (target?.type === 'mål') goals.add(t);
      else if (target?.type === 'fokusområde') for (const g of index.out(t, 'part-of')) if (index.node(g)?.type === 'mål') goals.add(g);
    }
    return [...goals].sort(naturalCompare)[0] ?? null;
  };
  switch (node.type) {
    case 'mål':
      return key;
    case 'fokusområde':
      return viaTargets(index.out(key, 'part-of'));
    case 'aktivitet':
      return viaTargets(index.out(key, 'contributes-to'));
    case 'indikator': {
      const own = viaTargets(index.out(key, 'measures'));
      if (own) return own;
      for (const group of index.out(key, 'member-of')) {
        const g = viaTargets(index.out(group, 'measures'));
        if (g) return g;
      }
      return null;
    }
    default:
      return null;
  }
}

/** Words of a node's content, for the near-identical test. */
function contentWords(node: GraphNode, links: string[]): Set<string> {
  const text = [node.title, node.body, stableJson(node.fields), ...links].join(' ').toLowerCase();
  return new Set(text.split(/[^\p{L}\p{N}.-]+/u).filter(Boolean));
}

/** Dice coefficient of two word sets. */
function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return (2 * common) / (a.size + b.size);
}

/** Field changes between two versions of one node: title, body, file and every frontmatter field. */
function nodeChanges(before: GraphNode, after: GraphNode): FieldChange[] {
  const changes: FieldChange[] = [];
  if (before.title !== after.title) changes.push({ field: 'titel', before: before.title, after: after.title });
  const keys = [...new Set([...Object.keys(before.fields), ...Object.keys(after.fields)])].sort();
  for (const k of keys) {
    const b = fieldRecord(before)[k] ?? null;
    const a = fieldRecord(after)[k] ?? null;
    if (!same(b, a)) changes.push({ field: k, before: b, after: a });
  }
  if (before.body !== after.body) changes.push({ field: 'text', before: before.body, after: after.body });
  if (before.source.file !== after.source.file) changes.push({ field: 'fil', before: before.source.file, after: after.source.file });
  return changes;
}

const FOLLOW_UP_FIELDS: readonly [keyof FollowUp, string][] = [
  ['assessment', 'bedömning'],
  ['forecast', 'prognos'],
  ['status', 'status'],
  ['value', 'utfall'],
  ['author', 'författare'],
  ['date', 'datum'],
  ['body', 'text'],
];

/** Compares the graph of the base revision with the graph of the head revision. */
export function diffGraphs(base: Graph, head: Graph): PlanDiff {
  const bi = indexGraph(base.nodes, base.edges, base.followUps);
  const hi = indexGraph(head.nodes, head.edges, head.followUps);

  // base key → head key for every node that is the same node on both sides.
  const toHead = new Map<string, string>();
  const matchedHead = new Set<string>();
  const renames: { from: GraphNode; to: GraphNode; reason: Rename['reason'] }[] = [];
  const match = (b: GraphNode, h: GraphNode) => {
    toHead.set(b.key, h.key);
    matchedHead.add(h.key);
  };
  for (const b of base.nodes) {
    const h = hi.node(b.key);
    if (h && h.type === b.type) match(b, h);
  }

  const unmatched = () => ({
    b: base.nodes.filter((n) => !toHead.has(n.key)),
    h: head.nodes.filter((n) => !matchedHead.has(n.key)),
  });
  const linkWords = (index: GraphIndex, node: GraphNode): string[] =>
    CONTENT_EDGES.flatMap((type) => index.out(node.key, type)).map((k) => index.node(k)?.id ?? k);

  const findRenames = (types: (t: NodeType) => boolean) => {
    let { b, h } = unmatched();
    b = b.filter((n) => types(n.type));
    h = h.filter((n) => types(n.type));
    // Same file: the only node of its type that left a file, and the only one that came into it.
    const group = (nodes: GraphNode[]) => {
      const m = new Map<string, GraphNode[]>();
      for (const n of nodes) {
        const k = `${n.type}\u0000${n.source.file}`;
        m.set(k, [...(m.get(k) ?? []), n]);
      }
      return m;
    };
    const hb = group(h);
    for (const [k, list] of group(b)) {
      const other = hb.get(k);
      if (list.length === 1 && other?.length === 1) {
        match(list[0]!, other[0]!);
        renames.push({ from: list[0]!, to: other[0]!, reason: 'same-file' });
      }
    }
    // Near-identical content, best pairs first.
    ({ b, h } = unmatched());
    b = b.filter((n) => types(n.type));
    h = h.filter((n) => types(n.type));
    if (b.length === 0 || h.length === 0 || b.length * h.length > MAX_PAIRS) return;
    const bw = new Map(b.map((n) => [n.key, contentWords(n, linkWords(bi, n))]));
    const hw = new Map(h.map((n) => [n.key, contentWords(n, linkWords(hi, n))]));
    const pairs: { b: GraphNode; h: GraphNode; score: number }[] = [];
    for (const x of b) {
      for (const y of h) {
        if (x.type !== y.type) continue;
        const score = similarity(bw.get(x.key)!, hw.get(y.key)!);
        if (score >= RENAME_SIMILARITY) pairs.push({ b: x, h: y, score });
      }
    }
    pairs.sort((p, q) => q.score - p.score || naturalCompare(p.b.key, q.b.key) || naturalCompare(p.h.key, q.h.key));
    for (const p of pairs) {
      if (toHead.has(p.b.key) || matchedHead.has(p.h.key)) continue;
      match(p.b, p.h);
      renames.push({ from: p.b, to: p.h, reason: 'same-content' });
    }
  };

  // Documents first: a renamed plan renames the keys of everything in it, which then match by id.
  findRenames((t) => DOCUMENT_TYPES.has(t));
  const docMap = new Map<string, string>();
  for (const [b, h] of toHead) if (DOCUMENT_TYPES.has(bi.node(b)!.type)) docMap.set(b, h);
  for (const b of unmatched().b) {
    if (b.document === null || DOCUMENT_TYPES.has(b.type)) continue;
    const doc = docMap.get(b.document);
    if (doc === undefined || doc === b.document) continue;
    const h = hi.node(`${doc}:${b.id}`);
    if (h && h.type === b.type && !matchedHead.has(h.key)) match(b, h);
  }
  findRenames((t) => !DOCUMENT_TYPES.has(t));

  const ref = (index: GraphIndex, node: GraphNode, side: 'base' | 'head'): NodeRef => {
    let goal = goalOf(index, node.key);
    if (goal !== null && side === 'base') goal = toHead.get(goal) ?? goal;
    return { key: node.key, type: node.type, id: node.id, title: node.title, file: node.source.file, goal };
  };
  const headRef = (key: string) => ref(hi, hi.node(key)!, 'head');
  const baseRef = (key: string) => ref(bi, bi.node(key)!, 'base');
  const byRef = (a: { key: string }, b: { key: string }) => naturalCompare(a.key, b.key);

  // Nodes
  const renamedFrom = new Set(renames.map((r) => r.from.key));
  const added: AddedNode[] = head.nodes
    .filter((n) => !matchedHead.has(n.key))
    .map((n) => ({
      ...headRef(n.key),
      fields: n.fields,
      links: OWN_EDGES.flatMap((type) => hi.out(n.key, type).map((to) => ({ type, to, title: hi.node(to)?.title ?? to }))),
    }))
    .sort(byRef);
  const removed = base.nodes
    .filter((n) => !toHead.has(n.key))
    .map((n) => baseRef(n.key))
    .sort(byRef);
  const renamed: Rename[] = renames
    .map((r) => ({
      from: baseRef(r.from.key),
      to: headRef(r.to.key),
      reason: r.reason,
      changes: nodeChanges(r.from, r.to).filter((c) => c.field !== 'fil' || r.reason !== 'same-file'),
    }))
    .sort((a, b) => byRef(a.to, b.to));
  const changed: NodeChange[] = [];
  for (const [b, h] of toHead) {
    if (renamedFrom.has(b)) continue;
    const changes = nodeChanges(bi.node(b)!, hi.node(h)!);
    if (changes.length > 0) changed.push({ node: headRef(h), changes });
  }
  changed.sort((a, b) => byRef(a.node, b.node));

  // Links between nodes on both sides.
  const edgeKey = (e: GraphEdge) => `${e.from}\u0000${e.type}\u0000${e.to}`;
  const baseEdges = new Map<string, GraphEdge>();
  for (const e of base.edges) {
    const from = toHead.get(e.from);
    const to = toHead.get(e.to);
    if (from === undefined || to === undefined) continue;
    const mapped = { from, to, type: e.type };
    baseEdges.set(edgeKey(mapped), mapped);
  }
  const headEdges = new Map<string, GraphEdge>();
  for (const e of head.edges) if (matchedHead.has(e.from) && matchedHead.has(e.to)) headEdges.set(edgeKey(e), e);
  const linkChange = (e: GraphEdge): LinkChange => ({ type: e.type, from: headRef(e.from), to: headRef(e.to) });
  const linkOrder = (a: LinkChange, b: LinkChange) => byRef(a.from, b.from) || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0) || byRef(a.to, b.to);
  const links = {
    added: [...headEdges].filter(([k]) => !baseEdges.has(k)).map(([, e]) => linkChange(e)).sort(linkOrder),
    removed: [...baseEdges].filter(([k]) => !headEdges.has(k)).map(([, e]) => linkChange(e)).sort(linkOrder),
  };

  // Coverage
  const mapped = (keys: string[]) => new Set(keys.map((k) => toHead.get(k) ?? `\u0000${k}`));
  const newly = (before: string[], after: string[]) => {
    const b = mapped(before);
    return after.filter((k) => !b.has(k)).map(headRef).sort(byRef);
  };
  const resolved = (before: string[], after: string[]) => {
    const a = new Set(after);
    return before
      .map((k) => toHead.get(k))
      .filter((k): k is string => k !== undefined && !a.has(k))
      .map(headRef)
      .sort(byRef);
  };
  const bc = base.derived.coverage;
  const hc = head.derived.coverage;
  const coverage: CoverageChanges = {
    uncovered: newly(bc.uncoveredPrinciples, hc.uncoveredPrinciples),
    covered: resolved(bc.uncoveredPrinciples, hc.uncoveredPrinciples),
    goalsWithoutFocusAreas: { added: newly(bc.goalsWithoutFocusAreas, hc.goalsWithoutFocusAreas), removed: resolved(bc.goalsWithoutFocusAreas, hc.goalsWithoutFocusAreas) },
    focusAreasWithoutActions: { added: newly(bc.focusAreasWithoutActions, hc.focusAreasWithoutActions), removed: resolved(bc.focusAreasWithoutActions, hc.focusAreasWithoutActions) },
  };

  // Follow-ups, by node (mapped) and period.
  const fuKey = (node: string, period: string) => `${node}\u0000${period}`;
  const baseFu = new Map<string, FollowUp>();
  for (const f of base.followUps) baseFu.set(fuKey(toHead.get(f.node) ?? `\u0000${f.node}`, f.period), f);
  const headFu = new Map(head.followUps.map((f) => [fuKey(f.node, f.period), f]));
  const fuRef = (f: FollowUp, side: 'base' | 'head'): FollowUpRef => ({
    node: side === 'head' ? headRef(f.node) : baseRef(f.node),
    period: f.period,
    assessment: f.assessment,
    forecast: f.forecast,
    status: f.status,
    value: f.value,
    author: f.author,
    date: f.date,
    file: f.source.file,
  });
  const fuOrder = (a: { node: NodeRef; period: string }, b: { node: NodeRef; period: string }) => byRef(a.node, b.node) || (a.period < b.period ? -1 : a.period > b.period ? 1 : 0);
  const followUps: PlanDiff['followUps'] = { added: [], removed: [], changed: [] };
  for (const [k, f] of headFu) {
    const before = baseFu.get(k);
    if (!before) {
      followUps.added.push(fuRef(f, 'head'));
      continue;
    }
    const changes: FieldChange[] = [];
    for (const [prop, field] of FOLLOW_UP_FIELDS) if (!same(before[prop], f[prop])) changes.push({ field, before: before[prop], after: f[prop] });
    if (changes.length > 0) followUps.changed.push({ node: headRef(f.node), period: f.period, file: f.source.file, changes });
  }
  for (const [k, f] of baseFu) if (!headFu.has(k)) followUps.removed.push(fuRef(f, 'base'));
  followUps.added.sort(fuOrder);
  followUps.removed.sort(fuOrder);
  followUps.changed.sort(fuOrder);

  const goalKeys = new Set<string>();
  const collect = (r: NodeRef) => r.goal !== null && goalKeys.add(r.goal);
  [...added, ...removed, ...changed.map((c) => c.node), ...renamed.map((r) => r.to), ...links.added.map((l) => l.from), ...links.removed.map((l) => l.from)].forEach(collect);
  [...followUps.added, ...followUps.removed, ...followUps.changed].forEach((f) => collect(f.node));
  const goals = [...goalKeys]
    .map((k) => {
      const n = hi.node(k) ?? bi.node(k);
      return n && { key: k, id: n.id, title: n.title };
    })
    .filter((g): g is { key: string; id: string; title: string } => g !== undefined)
    .sort(byRef);

  return { goals, nodes: { added, removed, renamed, changed }, links, coverage, followUps };
}

/** True when the diff has nothing in it. */
export function isEmptyDiff(diff: PlanDiff): boolean {
  const c = diff.coverage;
  return (
    diff.nodes.added.length + diff.nodes.removed.length + diff.nodes.renamed.length + diff.nodes.changed.length +
      diff.links.added.length + diff.links.removed.length +
      c.uncovered.length + c.covered.length + c.goalsWithoutFocusAreas.added.length + c.goalsWithoutFocusAreas.removed.length +
      c.focusAreasWithoutActions.added.length + c.focusAreasWithoutActions.removed.length +
      diff.followUps.added.length + diff.followUps.removed.length + diff.followUps.changed.length ===
    0
  );
}
