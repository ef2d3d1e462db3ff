// Resolves written links to node keys: in the node's own document, then in its plan's policy; `dok:id` is explicit.
import type { CheckMessage, MessageSink, Place } from '../messages/report.js';
import { closest } from '../util/suggest.js';
import type { Draft, PendingLink } from './collect-nodes.js';
import { nodeKey } from './collect-nodes.js';
import type { GraphEdge, GraphNode, NodeType } from './types.js';
import { withArticle } from '../words/nodes.js';

export { withArticle };

function alternatives(types: readonly NodeType[]): string {
  const words = types.map(withArticle);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} eller ${words[words.length - 1]}`;
}

export interface Resolver {
  /** The node key a target written in `scope` refers to, or undefined. */
  resolve(scope: string | null, target: string): string | undefined;
  /** Ids of nodes of the given types visible from `scope`, for suggestions. */
  visibleIds(scope: string | null, types: readonly NodeType[]): string[];
  /** Keys (`document:id`) of nodes of the given types with the id `id` in documents not visible from `scope`. */
  elsewhere(scope: string | null, id: string, types: readonly NodeType[]): string[];
}

/** A resolver over the draft's nodes, given which policy each plan implements. */
export function makeResolver(nodes: ReadonlyMap<string, GraphNode>, policyOfPlan: ReadonlyMap<string, string>): Resolver {
  // Nodes by document, only built when a suggestion is needed.
  let byDocumentCache: Map<string | null, GraphNode[]> | undefined;
  const byDocument = () => {
    if (byDocumentCache) return byDocumentCache;
    byDocumentCache = new Map();
    for (const node of nodes.values()) {
      const doc = node.type === 'policy' || node.type === 'plan' || node.type === 'organisation' ? null : node.document;
      const list = byDocumentCache.get(doc) ?? [];
      list.push(node);
      byDocumentCache.set(doc, list);
    }
    return byDocumentCache;
  };
  // Nodes of documents by id, only built when an unknown id is reported (not once per unknown reference).
  let byIdCache: Map<string, GraphNode[]> | undefined;
  const byId = () => {
    if (byIdCache) return byIdCache;
    byIdCache = new Map();
    for (const [doc, list] of byDocument()) {
      if (doc === null) continue;
      for (const n of list) {
        const same = byIdCache.get(n.id);
        if (same) same.push(n);
        else byIdCache.set(n.id, [n]);
      }
    }
    return byIdCache;
  };
  return {
    resolve(scope, target) {
      if (target.includes(':')) return nodes.has(target) ? target : undefined;
      const own = nodeKey(scope, target);
      if (nodes.has(own)) return own;
      const policy = scope === null ? undefined : policyOfPlan.get(scope);
      if (policy !== undefined && nodes.has(nodeKey(policy, target))) return nodeKey(policy, target);
      return undefined;
    },
    visibleIds(scope, types) {
      const scopes = [scope];
      const policy = scope === null ? undefined : policyOfPlan.get(scope);
      if (policy !== undefined) scopes.push(policy);
      return scopes.flatMap((s) => (byDocument().get(s) ?? []).filter((n) => types.includes(n.type)).map((n) => n.id));
    },
    elsewhere(scope, id, types) {
      const policy = scope === null ? undefined : policyOfPlan.get(scope);
      return (byId().get(id) ?? [])
        .filter((n) => n.document !== scope && n.document !== policy && types.includes(n.type))
        .map((n) => n.key)
        .sort();
    },
  };
}

/** Types of node that may live in a policy: references to them from a plan go through the plan's policy. */
const POLICY_TYPES: ReadonlySet<NodeType> = new Set(['styrprincip', 'underpunkt', 'område', 'effektmål', 'framgångsfaktor']);

/** One written link and what resolving it gave: an edge, or the messages about it, or nothing (its target is a shadow). */
export interface LinkOutcome {
  readonly link: PendingLink;
  /** The edge, when the target resolved to a node of an allowed type. */
  edge?: GraphEdge;
  /** True when the target lies in a file with errors: left out, and not reported. */
  shadowed?: boolean;
  /** unknown-reference or wrong-reference-type, when the link was reported. */
  messages: CheckMessage[];
}

/**
 * Every link's outcome, kept so that `check --watch` resolves again only the links a change can affect: those whose
 * target could be a key that came or went (by the keys each link looked at), and those that gave no edge (their
 * messages suggest among every id in scope, and files with errors may now define their target).
 */
export interface LinkResolution {
  /** Outcomes by the key of the node the link is written at, in the order the links are written. */
  byFrom: Map<string, LinkOutcome[]>;
  /**
   * Outcomes by every node key their resolution looks at: made by candidateIndex when a re-check first needs it (a
   * whole check never does), from `pending`.
   */
  byCandidate: Map<string, Set<LinkOutcome>> | undefined;
  /** Every outcome in the order resolveLinks resolved them, until byCandidate is made from them. */
  pending: LinkOutcome[] | undefined;
  /** Outcomes without an edge. */
  unresolved: Set<LinkOutcome>;
  policyOfPlan: Map<string, string>;
  /** Plans whose `policy` does not resolve to a policy (reported at the plan). */
  withoutPolicy: Set<string>;
  isShadowed: (scope: string | null, target: string, allowed?: readonly NodeType[]) => boolean;
}

/** Resolves one link into `outcome` (its edge, shadowed flag and messages replaced), reporting into `sink`. */
function resolveInto(outcome: LinkOutcome, resolver: Resolver, state: LinkResolution, draft: Draft, sink: MessageSink): void {
  const { link } = outcome;
  const old = outcome.edge;
  outcome.edge = undefined;
  outcome.shadowed = undefined;
  outcome.messages = [];
  const key = resolver.resolve(link.scope, link.target);
  if (key === undefined) {
    if (state.isShadowed(link.scope, link.target, link.allowed)) {
      if (link.edge === 'implements') state.policyOfPlan.set(link.from, link.target);
      outcome.shadowed = true;
      return;
    }
    if (link.edge === 'implements') state.withoutPolicy.add(link.from);
    const n = sink.messages.length;
    reportUnknown(link, resolver, sink);
    outcome.messages = sink.messages.slice(n);
    return;
  }
  const target = draft.nodes.get(key)!;
  if (!link.allowed.includes(target.type)) {
    if (link.edge === 'implements') state.withoutPolicy.add(link.from);
    const n = sink.messages.length;
    sink.report(
      'wrong-reference-type',
      `"${link.field}" hänvisar till "${link.target}", som är ${withArticle(target.type)} ("${target.title}"). Här krävs ${alternatives(link.allowed)}.`,
      link.place,
    );
    outcome.messages = sink.messages.slice(n);
    return;
  }
  // The same edge as before stays the same object: the index need not change.
  outcome.edge = old !== undefined && old.to === key ? old : { from: link.from, to: key, type: link.edge };
  if (link.edge === 'implements') state.policyOfPlan.set(link.from, key);
}

/** The node keys resolving `link` looks at (its own document's, its plan's policy's, or the explicit `dok:id`). */
function candidatesOf(link: PendingLink, policyOfPlan: ReadonlyMap<string, string>): string[] {
  if (link.target.includes(':') || link.scope === null) return [link.target];
  const policy = policyOfPlan.get(link.scope);
  return policy === undefined ? [nodeKey(link.scope, link.target)] : [nodeKey(link.scope, link.target), nodeKey(policy, link.target)];
}

/** Files `outcome` under its candidate keys in `index`. */
function indexCandidates(index: Map<string, Set<LinkOutcome>>, outcome: LinkOutcome, policyOfPlan: ReadonlyMap<string, string>): void {
  for (const key of candidatesOf(outcome.link, policyOfPlan)) {
    let set = index.get(key);
    if (!set) index.set(key, (set = new Set()));
    set.add(outcome);
  }
}

/**
 * The outcomes by candidate key, made the first time a re-check asks (from the outcomes resolveLinks kept in order,
 * under the policies of plans it ended with: a re-check that changes one resolves everything again).
 */
export function candidateIndex(state: LinkResolution): Map<string, Set<LinkOutcome>> {
  if (state.byCandidate === undefined) {
    const index = new Map<string, Set<LinkOutcome>>();
    for (const o of state.pending ?? []) indexCandidates(index, o, state.policyOfPlan);
    state.byCandidate = index;
    state.pending = undefined;
  }
  return state.byCandidate;
}

/** Files `outcome` under its candidate keys and, without an edge, among the unresolved. */
function remember(state: LinkResolution, outcome: LinkOutcome): void {
  indexCandidates(candidateIndex(state), outcome, state.policyOfPlan);
  if (outcome.edge === undefined) state.unresolved.add(outcome);
}

/** Takes `outcome` out of the candidate index and the unresolved. */
function forget(state: LinkResolution, outcome: LinkOutcome): void {
  const index = candidateIndex(state);
  for (const key of candidatesOf(outcome.link, state.policyOfPlan)) index.get(key)?.delete(outcome);
  state.unresolved.delete(outcome);
}

/** Edge types, by source node, of links left out because their target lies in a file with errors. */
export function shadowedFrom(state: LinkResolution): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const o of state.unresolved) {
    if (!o.shadowed) continue;
    let set = out.get(o.link.from);
    if (!set) out.set(o.link.from, (set = new Set()));
    set.add(o.link.edge);
  }
  return out;
}

/** Where the link behind edge (from, type, to) is written: the last such link of `from`, as a full resolution keeps it. */
export function linkPlaceOf(state: LinkResolution, from: string, type: string, to: string): Place | undefined {
  const list = state.byFrom.get(from);
  if (list === undefined) return undefined;
  for (let i = list.length - 1; i >= 0; i--) {
    const e = list[i]!.edge;
    if (e !== undefined && e.type === type && e.to === to) return list[i]!.link.place;
  }
  return undefined;
}

/** Edges for every link that resolves to a node of an allowed type; the rest are reported. */
export function resolveLinks(draft: Draft, sink: MessageSink): {
  edges: GraphEdge[];
  resolver: Resolver;
  /** Every link's outcome, for resolving again only what a change affects (reresolveLinks). */
  state: LinkResolution;
} {
  const policyOfPlan = new Map<string, string>();
  /** Plans whose `policy` does not resolve to a policy: that is reported once, at the plan, not at every reference into it. */
  const withoutPolicy = new Set<string>();
  /**
   * True when a file with errors would have defined the target: its errors are reported, not this echo. A plan whose
   * policy has errors or does not resolve hides every reference that could lead into that policy (to `allowed` types
   * of a policy; any type when not given).
   */
  const isShadowed = (scope: string | null, target: string, allowed?: readonly NodeType[]): boolean => {
    if (target.includes(':')) return draft.shadowKeys.has(target) || draft.shadowKeys.has(target.split(':')[0]!);
    if (draft.shadowKeys.has(nodeKey(scope, target))) return true;
    if (scope === null) return false;
    const intoPolicy = allowed === undefined || allowed.some((t) => POLICY_TYPES.has(t));
    if (withoutPolicy.has(scope)) return intoPolicy;
    const policy = policyOfPlan.get(scope);
    return policy !== undefined && (draft.shadowKeys.has(nodeKey(policy, target)) || (intoPolicy && draft.shadowKeys.has(policy) && !draft.nodes.has(policy)));
  };
  const state: LinkResolution = { byFrom: new Map(), byCandidate: undefined, pending: undefined, unresolved: new Set(), policyOfPlan, withoutPolicy, isShadowed };
  const global: LinkOutcome[] = [];
  const scoped: LinkOutcome[] = [];
  for (const link of draft.links) {
    const outcome: LinkOutcome = { link, messages: [] };
    (link.scope === null ? global : scoped).push(outcome);
    const list = state.byFrom.get(link.from);
    if (list) list.push(outcome);
    else state.byFrom.set(link.from, [outcome]);
  }
  const edges: GraphEdge[] = [];
  // Documents' links first: a plan's policy decides where its nodes' links resolve.
  let resolver = makeResolver(draft.nodes, policyOfPlan);
  for (const o of global) resolveInto(o, resolver, state, draft, sink);
  resolver = makeResolver(draft.nodes, policyOfPlan);
  for (const o of scoped) resolveInto(o, resolver, state, draft, sink);
  // The candidate index is made when a re-check first needs it (candidateIndex), from the outcomes in this order.
  state.pending = [...global, ...scoped];
  for (const o of state.pending) {
    if (o.edge) edges.push(o.edge);
    else state.unresolved.add(o);
  }
  return { edges, resolver, state };
}

/** What one re-check changed in the draft: nodes that went (the draft's objects), nodes that came, and the new nodes' links. */
export interface DraftChange {
  removed: readonly GraphNode[];
  added: readonly GraphNode[];
  links: readonly PendingLink[];
}

/**
 * Resolves again, in place in `state`, only the links `change` can affect: the new nodes' links, every link that
 * looked at a key that came or went, and every link that gave no edge. Gives the edges that went and came, or
 * undefined when a plan's `policy` link would resolve differently (then every link must be resolved again).
 */
export function reresolveLinks(
  draft: Draft,
  state: LinkResolution,
  change: DraftChange,
  sink: MessageSink,
): { resolver: Resolver; removedEdges: GraphEdge[]; addedEdges: GraphEdge[] } | undefined {
  const removedEdges: GraphEdge[] = [];
  const addedEdges: GraphEdge[] = [];
  const keys = new Set<string>();
  for (const n of change.removed) {
    keys.add(n.key);
    for (const o of state.byFrom.get(n.key) ?? []) {
      forget(state, o);
      if (o.edge) removedEdges.push(o.edge);
    }
    state.byFrom.delete(n.key);
  }
  for (const n of change.added) keys.add(n.key);
  const affected = new Set(state.unresolved);
  const index = candidateIndex(state);
  for (const key of keys) for (const o of index.get(key) ?? []) affected.add(o);
  const resolver = makeResolver(draft.nodes, state.policyOfPlan);
  for (const o of affected) {
    const { edge, shadowed, messages } = o;
    resolveInto(o, resolver, state, draft, sink);
    if (o.link.edge === 'implements' && (o.edge?.to !== edge?.to || o.shadowed !== shadowed || o.messages.map((m) => m.reason).join('\n') !== messages.map((m) => m.reason).join('\n'))) return undefined;
    if (o.edge !== edge) {
      if (edge) removedEdges.push(edge);
      if (o.edge) addedEdges.push(o.edge);
    }
    if (o.edge) state.unresolved.delete(o);
    else state.unresolved.add(o);
  }
  for (const link of change.links) {
    if (link.edge === 'implements') return undefined;
    const o: LinkOutcome = { link, messages: [] };
    resolveInto(o, resolver, state, draft, sink);
    remember(state, o);
    const list = state.byFrom.get(link.from);
    if (list) list.push(o);
    else state.byFrom.set(link.from, [o]);
    if (o.edge) addedEdges.push(o.edge);
  }
  return { resolver, removedEdges, addedEdges };
}

/** Reports `link`'s target as unknown, with the nearest id in scope, or where the id is in another document. */
export function reportUnknown(link: Pick<PendingLink, 'scope' | 'field' | 'target' | 'allowed' | 'place'>, resolver: Resolver, sink: MessageSink): void {
  if (link.target.includes(':')) {
    const [doc] = link.target.split(':');
    const docExists = resolver.resolve(null, doc!) !== undefined;
    sink.report(
      'unknown-reference',
      docExists
        ? `"${link.field}" hänvisar till "${link.target}", men ${doc} har ingen nod med det id:t. Kontrollera id:t efter kolon.`
        : `"${link.field}" hänvisar till "${link.target}", men det finns ingen policy eller plan med id "${doc}".${suggestion(doc!, resolver.visibleIds(null, ['policy', 'plan']))}`,
      link.place,
      { actual: link.target },
    );
    return;
  }
  // The id in another policy or plan of the folder (a goal moved to another plan): its qualified form is the fix.
  const other = resolver.elsewhere(link.scope, link.target, link.allowed);
  if (other.length > 0) {
    sink.report(
      'unknown-reference',
      `"${link.field}" hänvisar till "${link.target}", som inte finns i ${link.scope ?? 'mappen'}. ` +
        (other.length === 1
          ? `${link.target} finns i ${other[0]!.split(':')[0]}: skriv "${other[0]}" om det är den som avses.`
          : `${link.target} finns i ${other.map((k) => k.split(':')[0]).join(' och ')}: skriv ${other.map((k) => `"${k}"`).join(' eller ')} efter vilken som avses.`),
      link.place,
      { expected: other, actual: link.target },
    );
    return;
  }
  const candidates = resolver.visibleIds(link.scope, link.allowed);
  const hit = closest(link.target, candidates);
  sink.report(
    'unknown-reference',
    `"${link.field}" hänvisar till "${link.target}", som inte finns.` +
      (hit ? ` Menade du "${hit}"?` : ` Kontrollera id:t, eller skapa ${withArticle(link.allowed[0]!)} med id "${link.target}".`),
    link.place,
    hit ? { expected: [hit], actual: link.target } : { actual: link.target },
  );
}

function suggestion(input: string, candidates: string[]): string {
  const hit = closest(input, candidates);
  return hit ? ` Menade du "${hit}"?` : '';
}

/** The id of an edge in maps of edge facts. */
export function edgeId(from: string, type: string, to: string): string {
  return `${from}\u0000${type}\u0000${to}`;
}
