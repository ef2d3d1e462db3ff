// Replaces what one node or follow-up file adds to a kept draft (its nodes, links, follow-up or shadow ids), so that
// `check --watch` resolves the links again without collecting 10,000 files again. Anything it cannot replace exactly
// as a full collection would (documents, duplicate ids, files outside a valid document) is left to a rebuild.
import type { CheckMessage } from '../messages/report.js';
import type { ReadPlanFile } from '../parse/read-plan-file.js';
import { applyInvalidFiles, type GraphDraft } from './build-graph.js';
import { draftFollowUpAt, itemOf, type Item, type PendingLink } from './collect-nodes.js';
import { documentOf, draftOwns, type CheckedFile } from './field-patch.js';
import type { DraftChange } from './resolve-links.js';
import { collectShadows } from './shadows.js';
import type { GraphNode } from './types.js';

const NODE_FILE_TYPES: ReadonlySet<unknown> = new Set(['styrprincip', 'mål', 'fokusområde', 'aktivitet', 'indikator', 'uppföljning']);

function itemsOf(item: Item): Item[] {
  return [item, ...item.children.flatMap(itemsOf)];
}

/** The items a valid node file adds, [] for a follow-up, null when the file is not one this module can replace. */
function contribution(check: CheckedFile, drafted: GraphDraft): Item[] | null {
  if (check.invalid) {
    // A broken file adds only shadow ids, unless it would have been a document (then it owns a folder).
    return NODE_FILE_TYPES.has(check.invalid.data.typ) && collectShadows([check.invalid]).documents.length === 0 ? [] : null;
  }
  const vf = check.valid;
  if (vf === undefined) return [];
  const doc = documentOf(vf, drafted.scopes);
  if (doc === undefined || drafted.draft.nodes.get(doc.value.id)?.source.file !== doc.file.path) return null;
  if (vf.typ === 'uppföljning') return [];
  if (vf.typ === 'organisation' || vf.typ === 'policy' || vf.typ === 'plan') return null;
  return itemsOf(itemOf(vf, doc.value.id, doc.typ));
}

/**
 * Replaces file `old`'s contribution to the draft with `now`'s (same path), in place; `invalid` are all files with
 * errors after the change, for their shadow ids. Gives the nodes that went (the draft's own objects), those that
 * came and their links (for relinkStructure). Undefined when only a rebuild can do it; the draft must then be
 * rebuilt, as it may be half changed. `draftMessages` are the messages collecting gave: with a duplicate id among
 * them, which node wins depends on file order, so that is left to a rebuild too.
 */
export function replaceFile(drafted: GraphDraft, old: CheckedFile, now: CheckedFile, invalid: readonly ReadPlanFile[], draftMessages: readonly CheckMessage[]): DraftChange | undefined {
  if (draftMessages.some((m) => m.ruleId === 'duplicate-id')) return undefined;
  const before = contribution(old, drafted);
  const after = contribution(now, drafted);
  if (before === null || after === null) return undefined;
  const { draft } = drafted;
  const path = now.path;

  // Out: the old nodes (they must be the draft's own), their links, the old follow-up.
  if (!before.every((item) => draftOwns(draft, item))) return undefined;
  const gone = new Set(before.map((item) => item.node.key));
  const removed: GraphNode[] = [];
  for (const key of gone) {
    removed.push(draft.nodes.get(key)!);
    draft.nodes.delete(key);
    draft.origins.delete(key);
  }
  if (gone.size > 0) draft.links = draft.links.filter((l) => !gone.has(l.from));
  // A new list only when the file was a follow-up: places in the follow-ups are looked up in a map made per list.
  if (draftFollowUpAt(draft, path) !== undefined) draft.followUps = draft.followUps.filter((f) => f.file.path !== path);

  // In: the new nodes, unless one of them would be a duplicate, and their links; the new follow-up.
  const keys = after.map((item) => item.node.key);
  if (new Set(keys).size !== keys.length || keys.some((k) => draft.nodes.has(k))) return undefined;
  const links: PendingLink[] = [];
  for (const item of after) {
    draft.nodes.set(item.node.key, item.node);
    draft.origins.set(item.node.key, item.origin);
    for (const l of item.links) {
      draft.links.push(l);
      links.push(l);
    }
  }
  if (now.valid?.typ === 'uppföljning') {
    const doc = documentOf(now.valid, drafted.scopes)!;
    draft.followUps = [...draft.followUps, { file: now.valid.file, document: doc.value.id, value: now.valid.value }];
  }

  // Shadow ids and links: the documents' own, and every broken file's.
  applyInvalidFiles(drafted, invalid);
  return { removed, added: after.map((item) => item.node), links };
}
