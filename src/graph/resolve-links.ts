// Resolves written links to node keys: in the node's own document, then in its plan's policy; `dok:id` is explicit.
import type { MessageSink } from '../messages/report.js';
import { closest } from '../util/suggest.js';
import type { Draft, PendingLink } from './collect-nodes.js';
import { nodeKey } from './collect-nodes.js';
import type { GraphEdge, GraphNode, NodeType } from './types.js';

const TYPE_WITH_ARTICLE: Record<NodeType, string> = {
  organisation: 'en organisation',
  policy: 'en policy',
  område: 'ett område',
  styrprincip: 'en styrprincip',
  plan: 'en plan',
  mål: 'ett mål',
  fokusområde: 'ett fokusområde',
  aktivitet: 'en aktivitet',
  indikator: 'en indikator',
};

/** "ett mål", "en aktivitet", … */
export function withArticle(type: NodeType): string {
  return TYPE_WITH_ARTICLE[type];
}

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
  const byDocument = new Map<string | null, GraphNode[]>();
  for (const node of nodes.values()) {
    const doc = node.type === 'policy' || node.type === 'plan' || node.type === 'organisation' ? null : node.document;
    const list = byDocument.get(doc) ?? [];
    list.push(node);
    byDocument.set(doc, list);
  }
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
      return scopes.flatMap((s) => (byDocument.get(s) ?? []).filter((n) => types.includes(n.type)).map((n) => n.id));
    },
  };
}

/** Edges for every link that resolves to a node of an allowed type; the rest are reported. */
export function resolveLinks(draft: Draft, sink: MessageSink): { edges: GraphEdge[]; resolver: Resolver; policyOfPlan: Map<string, string> } {
  const edges: GraphEdge[] = [];
  const policyOfPlan = new Map<string, string>();
  const global = draft.links.filter((l) => l.scope === null);
  const scoped = draft.links.filter((l) => l.scope !== null);
  let resolver = makeResolver(draft.nodes, policyOfPlan);
  const resolveOne = (link: PendingLink): void => {
    const key = resolver.resolve(link.scope, link.target);
    if (key === undefined) {
      reportUnknown(link, resolver, sink);
      return;
    }
    const target = draft.nodes.get(key)!;
    if (!link.allowed.includes(target.type)) {
      sink.report(
        'wrong-reference-type',
        `"${link.field}" hänvisar till "${link.target}", som är ${withArticle(target.type)} ("${target.title}"). Här krävs ${alternatives(link.allowed)}.`,
        link.place,
      );
      return;
    }
    edges.push({ from: link.from, to: key, type: link.edge });
    if (link.edge === 'implements') policyOfPlan.set(link.from, key);
  };
  global.forEach(resolveOne);
  resolver = makeResolver(draft.nodes, policyOfPlan);
  scoped.forEach(resolveOne);
  return { edges, resolver, policyOfPlan };
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
    hit ? { expected: [hit] } : {},
  );
}

function suggestion(input: string, candidates: string[]): string {
  const hit = closest(input, candidates);
  return hit ? ` Menade du "${hit}"?` : '';
}
