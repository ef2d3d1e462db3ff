// Resolves written links to node keys: in the node's own document, then in its plan's policy; `dok:id` is explicit.
import type { MessageSink, Place } from '../messages/report.js';
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
  };
}

/** Types of node that may live in a policy: references to them from a plan go through the plan's policy. */
const POLICY_TYPES: ReadonlySet<NodeType> = new Set(['styrprincip', 'underpunkt', 'område', 'effektmål', 'framgångsfaktor']);

/** Edge types that must not form cycles: their links' places are kept for the cycle message. */
const CYCLE_EDGE_TYPES: ReadonlySet<string> = new Set(['depends-on', 'replaces', 'member-of']);

/** Edges for every link that resolves to a node of an allowed type; the rest are reported. */
export function resolveLinks(draft: Draft, sink: MessageSink): {
  edges: GraphEdge[];
  resolver: Resolver;
  policyOfPlan: Map<string, string>;
  isShadowed: (scope: string | null, target: string, allowed?: readonly NodeType[]) => boolean;
  linkPlaces: Map<string, { readonly place: Place }>;
  /** Edge types, by source node, of links left out because their target lies in a file with errors. */
  shadowedFrom: Map<string, Set<string>>;
  /** Plans whose `policy` does not resolve to a policy (reported at the plan). */
  withoutPolicy: Set<string>;
} {
  const edges: GraphEdge[] = [];
  const linkPlaces = new Map<string, { readonly place: Place }>();
  const policyOfPlan = new Map<string, string>();
  /** Plans whose `policy` does not resolve to a policy: that is reported once, at the plan, not at every reference into it. */
  const withoutPolicy = new Set<string>();
  const shadowedFrom = new Map<string, Set<string>>();
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
  const global: PendingLink[] = [];
  const scoped: PendingLink[] = [];
  for (const l of draft.links) (l.scope === null ? global : scoped).push(l);
  let resolver = makeResolver(draft.nodes, policyOfPlan);
  const resolveOne = (link: PendingLink): void => {
    const key = resolver.resolve(link.scope, link.target);
    if (key === undefined) {
      if (isShadowed(link.scope, link.target, link.allowed)) {
        if (link.edge === 'implements') policyOfPlan.set(link.from, link.target);
        let set = shadowedFrom.get(link.from);
        if (!set) shadowedFrom.set(link.from, (set = new Set()));
        set.add(link.edge);
        return;
      }
      if (link.edge === 'implements') withoutPolicy.add(link.from);
      reportUnknown(link, resolver, sink);
      return;
    }
    const target = draft.nodes.get(key)!;
    if (!link.allowed.includes(target.type)) {
      if (link.edge === 'implements') withoutPolicy.add(link.from);
      sink.report(
        'wrong-reference-type',
        `"${link.field}" hänvisar till "${link.target}", som är ${withArticle(target.type)} ("${target.title}"). Här krävs ${alternatives(link.allowed)}.`,
        link.place,
      );
      return;
    }
    edges.push({ from: link.from, to: key, type: link.edge });
    if (CYCLE_EDGE_TYPES.has(link.edge)) linkPlaces.set(edgeId(link.from, link.edge, key), link);
    if (link.edge === 'implements') policyOfPlan.set(link.from, key);
  };
  global.forEach(resolveOne);
  resolver = makeResolver(draft.nodes, policyOfPlan);
  scoped.forEach(resolveOne);
  return { edges, resolver, policyOfPlan, isShadowed, linkPlaces, shadowedFrom, withoutPolicy };
}

function reportUnknown(link: PendingLink, resolver: Resolver, sink: MessageSink): void {
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
