// Step three of the plan diff: the nodes added, removed, renamed and changed, with each changed field.
import { fieldRecord } from '../graph/node-fields.js';
import type { EdgeType, GraphNode } from '../graph/types.js';
import type { AddedNode, DocumentRef, FieldChange, NodeChange, PlanDiff, Rename } from './diff-types.js';
import type { NodeMatching } from './match-nodes.js';
import { byKey, type NodeRefs } from './node-refs.js';
import { sameValue } from './stable-json.js';

/** Links listed with an added node (belongs-to is implied by its document). */
const OWN_EDGES: readonly EdgeType[] = ['part-of', 'implements', 'replaces', 'realises', 'contributes-to', 'depends-on', 'measures', 'member-of'];

/** Field changes between two versions of one node: title, body, file and every frontmatter field. */
export function nodeChanges(before: GraphNode, after: GraphNode): FieldChange[] {
  const changes: FieldChange[] = [];
  if (before.title !== after.title) changes.push({ field: 'titel', before: before.title, after: after.title });
  const fieldsBefore = fieldRecord(before);
  const fieldsAfter = fieldRecord(after);
  const keys = [...new Set([...Object.keys(fieldsBefore), ...Object.keys(fieldsAfter)])].sort();
  for (const k of keys) {
    const b = fieldsBefore[k] ?? null;
    const a = fieldsAfter[k] ?? null;
    if (!sameValue(b, a)) changes.push({ field: k, before: b, after: a });
  }
  if (before.body !== after.body) changes.push({ field: 'text', before: before.body, after: after.body });
  if (before.source.file !== after.source.file) changes.push({ field: 'fil', before: before.source.file, after: after.source.file });
  return changes;
}

/** The documents a renamed node moved between, or null when it stayed in its own (a renamed document is the same one). */
function movedBetweenDocuments(m: NodeMatching, from: GraphNode, to: GraphNode): Rename['moved'] {
  if (from.document === null || to.document === null || from.document === from.key || m.toHead.get(from.document) === to.document) return null;
  const doc = (index: NodeMatching['bi'], key: string): DocumentRef | null => {
    const n = index.node(key);
    return n && (n.type === 'policy' || n.type === 'plan') ? { key: n.key, type: n.type, id: n.id, title: n.title } : null;
  };
  const before = doc(m.bi, from.document);
  const after = doc(m.hi, to.document);
  return before && after ? { from: before, to: after } : null;
}

/** The nodes section of the diff, from the matching. */
export function diffNodes(m: NodeMatching, refs: NodeRefs): PlanDiff['nodes'] {
  const added: AddedNode[] = m.head.nodes
    .filter((n) => !m.toBase.has(n.key))
    .map((n) => ({
      ...refs.head(n.key),
      fields: n.fields,
      links: OWN_EDGES.flatMap((type) => m.hi.out(n.key, type).map((to) => ({ type, to, title: m.hi.node(to)?.title ?? to }))),
    }))
    .sort(byKey);
  const removed = m.base.nodes
    .filter((n) => !m.toHead.has(n.key))
    .map((n) => refs.base(n.key))
    .sort(byKey);
  const renamed: Rename[] = m.renames
    .map((r) => {
      const moved = movedBetweenDocuments(m, r.from, r.to);
      return {
        from: refs.base(r.from.key),
        to: refs.head(r.to.key),
        reason: r.reason,
        reusedId: m.bi.node(r.to.key) !== undefined,
        moved,
        // The file follows from the move (or is the same file) and is not repeated.
        changes: nodeChanges(r.from, r.to).filter((c) => c.field !== 'fil' || (r.reason !== 'same-file' && moved === null)),
      };
    })
    .sort((a, b) => byKey(a.to, b.to));
  const renamedFrom = new Set(m.renames.map((r) => r.from.key));
  const changed: NodeChange[] = [];
  for (const [b, h] of m.toHead) {
    if (renamedFrom.has(b)) continue;
    const changes = nodeChanges(m.bi.node(b)!, m.hi.node(h)!);
    if (changes.length > 0) changed.push({ node: refs.head(h), changes });
  }
  changed.sort((a, b) => byKey(a.node, b.node));
  return { added, removed, renamed, changed };
}
