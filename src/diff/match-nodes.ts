// Step one of the plan diff: which node at the base is which node at the head. Nodes are matched by key
// (document and id); a node whose id changed is found as a rename (src/diff/find-renames.ts), and where an id
// was reused for another node (A02 removed and A03 renumbered to A02, two ids swapped) content decides
// before the id does.
import type { GraphIndex } from '../graph/graph-index.js';
import type { Graph, GraphNode, NodeType } from '../graph/types.js';
import { matchByContent, matchBySameFile } from './find-renames.js';
import type { Rename } from './diff-types.js';

/** A rename as matching found it, before the diff names its nodes. */
export interface FoundRename {
  from: GraphNode;
  to: GraphNode;
  reason: Rename['reason'];
}

/** The pairs found so far, and what is left on each side. */
export class NodeMatching {
  /** Base key → head key, for every node found on both sides. */
  readonly toHead = new Map<string, string>();
  /** Head key → base key. */
  readonly toBase = new Map<string, string>();
  readonly renames: FoundRename[] = [];

  constructor(
    readonly base: Graph,
    readonly head: Graph,
    readonly bi: GraphIndex,
    readonly hi: GraphIndex,
  ) {}

  match(b: GraphNode, h: GraphNode, rename?: FoundRename['reason']): void {
    this.toHead.set(b.key, h.key);
    this.toBase.set(h.key, b.key);
    if (rename !== undefined) this.renames.push({ from: b, to: h, reason: rename });
  }

  unmatch(b: GraphNode): void {
    const h = this.toHead.get(b.key);
    this.toHead.delete(b.key);
    if (h !== undefined) this.toBase.delete(h);
  }

  /** Base nodes not matched yet, of the types `types` accepts. */
  unmatchedBase(types: (t: NodeType) => boolean): GraphNode[] {
    return this.base.nodes.filter((n) => types(n.type) && !this.toHead.has(n.key));
  }

  unmatchedHead(types: (t: NodeType) => boolean): GraphNode[] {
    return this.head.nodes.filter((n) => types(n.type) && !this.toBase.has(n.key));
  }
}

const DOCUMENT_TYPES: ReadonlySet<NodeType> = new Set(['organisation', 'policy', 'plan']);
const isDocument = (t: NodeType) => DOCUMENT_TYPES.has(t);
const isInDocument = (t: NodeType) => !DOCUMENT_TYPES.has(t);

/**
 * Matches the nodes of `base` with those of `head`: by key first; then documents renamed (a renamed plan
 * renames the keys of everything in it, which then match by id); then, for the nodes in documents, renames
 * in the same file, and by content both the nodes left over and the key matches whose content changed
 * beyond recognition, so a reused id follows its content.
 */
export function matchNodes(base: Graph, head: Graph, bi: GraphIndex, hi: GraphIndex): NodeMatching {
  const m = new NodeMatching(base, head, bi, hi);
  for (const b of base.nodes) {
    const h = hi.node(b.key);
    if (h && h.type === b.type) m.match(b, h);
  }

  matchBySameFile(m, isDocument);
  matchByContent(m, isDocument, { reconsiderKeyMatches: false });
  followDocumentRenames(m);

  matchBySameFile(m, isInDocument);
  matchByContent(m, isInDocument, { reconsiderKeyMatches: true });
  return m;
}

/** A node of a renamed policy or plan matches the node with the same id in the document's new name. */
function followDocumentRenames(m: NodeMatching): void {
  const renamedDocuments = new Map<string, string>();
  for (const r of m.renames) if (isDocument(r.from.type)) renamedDocuments.set(r.from.key, r.to.key);
  for (const b of m.unmatchedBase(isInDocument)) {
    const doc = b.document === null ? undefined : renamedDocuments.get(b.document);
    if (doc === undefined) continue;
    const h = m.hi.node(`${doc}:${b.id}`);
    if (h && h.type === b.type && !m.toBase.has(h.key)) m.match(b, h);
  }
}
