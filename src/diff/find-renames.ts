// Step two of the plan diff: renames, found among the nodes that matching by key left over. A node that is
// the only one of its type to leave a file, and the only one to come into it, was renamed in place; nodes
// whose content is near-identical (words of the title, text, fields and links) are one node with a new id.
// A key match whose content changed beyond recognition is reconsidered too: when its content is another
// node's, the id was reused (A02 removed and A03 renumbered to A02), and the content decides.
import type { GraphIndex } from '../graph/graph-index.js';
import type { EdgeType, GraphNode, NodeType } from '../graph/types.js';
import { naturalCompare } from '../util/natural-compare.js';
import type { NodeMatching } from './match-nodes.js';
import { sameValue, stableJson } from './stable-json.js';

/** Similarity (0–1) from which two nodes of the same type count as one node (Dice coefficient of their words). */
export const RENAME_SIMILARITY = 0.8;
/** Above this many candidate pairs the content comparison is skipped (a restructuring, not a rename). */
const MAX_PAIRS = 250_000;

/** Links that say what a node is about (for the content comparison). */
const CONTENT_EDGES: readonly EdgeType[] = ['realises', 'contributes-to', 'depends-on', 'measures', 'member-of', 'replaces', 'implements'];

/** Renames in place: per type and file, the only node that left it and the only one that came into it. */
export function matchBySameFile(m: NodeMatching, types: (t: NodeType) => boolean): void {
  const byFile = (nodes: GraphNode[]) => {
    const groups = new Map<string, GraphNode[]>();
    for (const n of nodes) {
      const k = `${n.type}\u0000${n.source.file}`;
      groups.set(k, [...(groups.get(k) ?? []), n]);
    }
    return groups;
  };
  const head = byFile(m.unmatchedHead(types));
  for (const [k, list] of byFile(m.unmatchedBase(types))) {
    const other = head.get(k);
    if (list.length === 1 && other?.length === 1) m.match(list[0]!, other[0]!, 'same-file');
  }
}

/**
 * Renames by near-identical content, best pairs first, among the nodes not matched yet. With
 * `reconsiderKeyMatches`, a node matched by key whose two versions are less alike than RENAME_SIMILARITY
 * takes part too: if its content is found in another node, that pair wins and the id counts as reused; if
 * not, it stays matched by key (a node rewritten in place).
 */
export function matchByContent(m: NodeMatching, types: (t: NodeType) => boolean, options: { reconsiderKeyMatches: boolean }): void {
  const words = new ContentWords(m.bi, m.hi);
  const base = m.unmatchedBase(types);
  const head = m.unmatchedHead(types);
  const doubtful = options.reconsiderKeyMatches ? doubtfulKeyMatches(m, types, words) : [];
  if (doubtful.length === 0 && (base.length === 0 || head.length === 0)) return;
  const poolBase = [...base, ...doubtful.map((d) => d.b)];
  const poolHead = [...head, ...doubtful.map((d) => d.h)];
  if (poolBase.length * poolHead.length > MAX_PAIRS) return;

  const pairs: { b: GraphNode; h: GraphNode; score: number }[] = [];
  for (const b of poolBase) {
    for (const h of poolHead) {
      if (b.type !== h.type) continue;
      const score = similarity(words.base(b), words.head(h));
      if (score >= RENAME_SIMILARITY) pairs.push({ b, h, score });
    }
  }
  if (pairs.length === 0) return;
  pairs.sort((p, q) => q.score - p.score || naturalCompare(p.b.key, q.b.key) || naturalCompare(p.h.key, q.h.key));
  for (const d of doubtful) m.unmatch(d.b);
  const taken = new Set<string>();
  for (const p of pairs) {
    if (taken.has(`b\u0000${p.b.key}`) || taken.has(`h\u0000${p.h.key}`)) continue;
    taken.add(`b\u0000${p.b.key}`);
    taken.add(`h\u0000${p.h.key}`);
    m.match(p.b, p.h, 'same-content');
  }
  // A key match whose content went nowhere else stays a key match.
  for (const d of doubtful) if (!taken.has(`b\u0000${d.b.key}`) && !taken.has(`h\u0000${d.h.key}`)) m.match(d.b, d.h);
}

/** Matches by id (not renames) of the given types whose two versions are less alike than RENAME_SIMILARITY. */
function doubtfulKeyMatches(m: NodeMatching, types: (t: NodeType) => boolean, words: ContentWords): { b: GraphNode; h: GraphNode }[] {
  const renamed = new Set(m.renames.map((r) => r.from.key));
  const out: { b: GraphNode; h: GraphNode }[] = [];
  for (const b of m.base.nodes) {
    const hKey = m.toHead.get(b.key);
    if (!types(b.type) || hKey === undefined || renamed.has(b.key)) continue;
    const h = m.hi.node(hKey)!;
    if (b.title === h.title && b.body === h.body && sameValue(b.fields, h.fields)) continue;
    if (similarity(words.base(b), words.head(h)) < RENAME_SIMILARITY) out.push({ b, h });
  }
  return out;
}

/** The words of each node's content, made once per node and side. */
class ContentWords {
  private readonly memo = new Map<string, Set<string>>();
  constructor(
    private readonly bi: GraphIndex,
    private readonly hi: GraphIndex,
  ) {}

  base(node: GraphNode): Set<string> {
    return this.of('b', this.bi, node);
  }

  head(node: GraphNode): Set<string> {
    return this.of('h', this.hi, node);
  }

  private of(side: string, index: GraphIndex, node: GraphNode): Set<string> {
    const key = `${side}\u0000${node.key}`;
    let words = this.memo.get(key);
    if (words === undefined) {
      const links = CONTENT_EDGES.flatMap((type) => index.out(node.key, type)).map((k) => index.node(k)?.id ?? k);
      const text = [node.title, node.body, stableJson(node.fields), ...links].join(' ').toLowerCase();
      words = new Set(text.split(/[^\p{L}\p{N}.-]+/u).filter(Boolean));
      this.memo.set(key, words);
    }
    return words;
  }
}

/** Dice coefficient of two word sets. */
function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return (2 * common) / (a.size + b.size);
}
