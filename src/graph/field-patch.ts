// What `check --watch` needs to tell a field edit from a structural one, and to apply a field edit to a kept graph
// structure: a file's structural signature (everything the structure reads from it) and the patch itself.
import type { ReadPlanFile } from '../parse/read-plan-file.js';
import { locate } from '../parse/locate.js';
import type { ValidFile } from '../validate/validate-file.js';
import { belongsIn, itemOf, type Draft, type Item } from './collect-nodes.js';
import { isShadow, type DocumentFile, type DocumentScopes } from './documents.js';
import { collectShadows } from './shadows.js';

/** What the graph steps read of one checked file (check-files' FileCheck adds its messages): its frontmatter, validated or not. */
export interface CheckedFile {
  /** The file's path relative to the plans folder. */
  path: string;
  /** The validated file, when it passed. */
  valid?: ValidFile;
  /** The parsed file, when it parsed but did not pass validation. */
  invalid?: ReadPlanFile;
}

/** The document a node or follow-up file belongs to, when that is a valid one it may lie under. */
export function documentOf(vf: ValidFile, scopes: DocumentScopes): DocumentFile | undefined {
  if (vf.typ === 'organisation' || vf.typ === 'policy' || vf.typ === 'plan') return undefined;
  const doc = scopes.documentFor(vf.file.path);
  return doc === undefined || isShadow(doc) || !belongsIn(vf.typ, doc.typ) ? undefined : doc;
}

/** An item's ids, titles, links and their places: all of it except the nodes' fields and bodies. */
function itemShape(item: Item): unknown {
  const { fields: _fields, body: _body, organisations: _organisations, ...node } = item.node;
  const links = item.links.map(({ place, ...link }) => ({ ...link, place }));
  return { node, origin: item.origin.path, idPath: item.idPath, links, children: item.children.map(itemShape) };
}

/** True when the draft's node of the item's key is the one this item wrote (a duplicate id that lost is not). */
export function draftOwns(draft: Draft, item: Item): boolean {
  const node = draft.nodes.get(item.node.key);
  const s = item.node.source;
  return node !== undefined && node.source.file === s.file && node.source.line === s.line && node.source.column === s.column;
}

/**
 * Everything the graph's structure (nodes, links, documents, shadows) reads from one file's check, as a string:
 * two checks of a file with equal signatures differ at most in fields, bodies and follow-up values.
 * Undefined when the file takes part in the structure in a way only a full rebuild handles (documents, organisations,
 * files outside a valid document).
 */
export function structuralSignature(check: CheckedFile, scopes: DocumentScopes): string | undefined {
  if (check.invalid) return `shadow ${JSON.stringify(collectShadows([check.invalid]))}`;
  const vf = check.valid;
  if (vf === undefined) return 'none';
  const doc = documentOf(vf, scopes);
  if (doc === undefined) return undefined;
  const typAt = locate(vf.file.parsed, ['typ']);
  if (vf.typ === 'uppföljning') return `uppföljning ${doc.value.id} ${typAt.line}:${typAt.column}`;
  if (vf.typ === 'organisation' || vf.typ === 'policy' || vf.typ === 'plan') return undefined;
  return `${vf.typ} ${typAt.line}:${typAt.column} ${JSON.stringify(itemShape(itemOf(vf, doc.value.id, doc.typ)))}`;
}

/**
 * Puts one valid file's new fields, bodies and origins (or its follow-up values) into the draft, in place.
 * Call it only with a file whose structural signature is unchanged; false (and nothing changed) when the draft does
 * not hold the file's nodes or follow-up as its own, so the caller rebuilds instead.
 */
export function patchFileFields(draft: Draft, vf: ValidFile, scopes: DocumentScopes): boolean {
  const doc = documentOf(vf, scopes);
  if (doc === undefined || draft.nodes.get(doc.value.id)?.source.file !== doc.file.path) return false;
  if (vf.typ === 'uppföljning') {
    const i = draft.followUps.findIndex((f) => f.file.path === vf.file.path);
    if (i === -1) return false;
    // A new list, not a change to the old one: lookups made for the old list stay with it.
    draft.followUps = draft.followUps.with(i, { file: vf.file, document: draft.followUps[i]!.document, value: vf.value });
    return true;
  }
  if (vf.typ === 'organisation' || vf.typ === 'policy' || vf.typ === 'plan') return false;
  const items: Item[] = [];
  const collect = (item: Item) => {
    items.push(item);
    item.children.forEach(collect);
  };
  collect(itemOf(vf, doc.value.id, doc.typ));
  if (!items.every((item) => draftOwns(draft, item))) return false;
  for (const item of items) {
    const node = draft.nodes.get(item.node.key)!;
    node.fields = item.node.fields;
    node.body = item.node.body;
    draft.origins.set(item.node.key, item.origin);
  }
  return true;
}
