// Turns validated files into graph nodes, the links still to resolve, and the follow-ups.
import type { StyrprincipFile, UppfoljningFile } from '../../schemas/plan-files.js';
import type { MessageSink, Place } from '../messages/report.js';
import type { ReadPlanFile } from '../parse/read-plan-file.js';
import { locate, startOf, type YamlPath } from '../parse/locate.js';
import type { ValidFile } from '../validate/validate-file.js';
import { isShadow, type DocumentScopes } from './documents.js';
import { fileFields } from './node-fields.js';
import type { ShadowLink } from './shadows.js';
import type { EdgeType, GraphNode, NodeFields, NodeType } from './types.js';
import { capitalise } from '../words/agreement.js';
import { withArticle } from '../words/nodes.js';
import { replacedEntries, type EarlierDocument } from '../../schemas/adoption.js';
import { adopterPaths } from '../validate/adopters.js';
import { LINK_KEYS, type LinkKey } from './link-keys.js';

/** A link written in a file, waiting to be resolved to a node key. */
export interface PendingLink {
  from: string;
  /** Document key to resolve unqualified targets in; null resolves among organisations, policies and plans. */
  scope: string | null;
  field: string;
  target: string;
  allowed: readonly NodeType[];
  edge: EdgeType;
  readonly place: Place;
}

/** Where a node was written, so later checks can point at its fields. */
export interface NodeOrigin {
  file: ReadPlanFile;
  /** Path of the node's own map inside the frontmatter ([] for a whole file). */
  path: YamlPath;
}

export interface DraftFollowUp {
  file: ReadPlanFile;
  document: string | null;
  value: UppfoljningFile;
}

export interface Draft {
  /** Keys that files with errors would have defined: links to them are not reported again. */
  shadowKeys: Set<string>;
  /** Links that files with errors in valid documents would write: the gaps they leave are not reported. */
  shadowLinks: ShadowLink[];
  /**
   * The links of nodes left out as duplicate ids (and of their inline nodes): like a file with errors, such a node
   * leaves no gap elsewhere (a focus area only it measures is not "without indicator"). Part of `shadowLinks`.
   */
  duplicateLinks: ShadowLink[];
  nodes: Map<string, GraphNode>;
  origins: Map<string, NodeOrigin>;
  links: PendingLink[];
  followUps: DraftFollowUp[];
}

const followUpsByPath = new WeakMap<readonly DraftFollowUp[], Map<string, DraftFollowUp>>();

/** The draft's follow-up read from the file at `path` (for pointing into it), looked up in a map made once per list. */
export function draftFollowUpAt(draft: Draft, path: string): DraftFollowUp | undefined {
  let byPath = followUpsByPath.get(draft.followUps);
  if (byPath === undefined) followUpsByPath.set(draft.followUps, (byPath = new Map(draft.followUps.map((f) => [f.file.path, f]))));
  return byPath.get(path);
}


const PLAN_ONLY: ReadonlySet<string> = new Set(['mål', 'fokusområde', 'aktivitet', 'indikator']);

/** True when a file of type `typ` may lie under a document of type `docTyp` (principles under policies, the rest under plans). */
export function belongsIn(typ: string, docTyp: 'policy' | 'plan'): boolean {
  return !((typ === 'styrprincip' && docTyp !== 'policy') || (PLAN_ONLY.has(typ) && docTyp !== 'plan'));
}

/** Keys made so far, by document and id: the same key string every time, so maps need not hash a new one. */
const keys = new Map<string, Map<string, string>>();

/** The node key of `id` inside document `doc` (or the id itself for documents and organisations). */
export function nodeKey(doc: string | null, id: string): string {
  if (doc === null) return id;
  let byId = keys.get(doc);
  if (byId === undefined) keys.set(doc, (byId = new Map()));
  let key = byId.get(id);
  if (key === undefined) byId.set(id, (key = `${doc}:${id}`));
  return key;
}

/** Collects nodes, links and follow-ups; duplicate ids and misplaced files are reported here. */
export function collectNodes(files: readonly ValidFile[], scopes: DocumentScopes, sink: MessageSink): Draft {
  const draft: Draft = { shadowKeys: new Set(), shadowLinks: [], duplicateLinks: [], nodes: new Map(), origins: new Map(), links: [], followUps: [] };
  const planOfDocument = new Map<string, string | null>();

  const addNode = (node: GraphNode, origin: NodeOrigin, idPath: YamlPath): boolean => {
    const existing = draft.nodes.get(node.key);
    if (existing) {
      const where = node.document ? ` i ${node.document}` : '';
      sink.report(
        'duplicate-id',
        `Id "${node.id}" används redan${where} av ${existing.type} "${existing.title}". Ge den här noden ett eget id.`,
        { file: origin.file.path, ...locate(origin.file.parsed, idPath) },
        { actual: node.id, related: [{ ...existing.source, note: `här används id "${node.id}" först, av ${existing.type} "${existing.title}"` }] },
      );
      return false;
    }
    draft.nodes.set(node.key, node);
    draft.origins.set(node.key, origin);
    return true;
  };

  const link = (from: string, scope: string | null, file: ReadPlanFile, path: YamlPath, target: string, allowed: readonly NodeType[], edge: EdgeType): void => {
    draft.links.push(pendingLink(from, scope, file, path, target, allowed, edge));
  };

  const base: Base = (file, path, type, id, title, doc, body, fields) => makeNode(file, path, type, id, title, doc, doc === null ? null : (planOfDocument.get(doc) ?? null), body, fields);

  // Documents and organisations first: they are the namespaces everything else resolves in.
  for (const vf of files) {
    if (vf.typ !== 'organisation' && vf.typ !== 'policy' && vf.typ !== 'plan') continue;
    if (vf.typ !== 'organisation' && scopes.byFolder.get(folderOf(vf.file.path)) !== vf) continue;
    const key = vf.value.id;
    if (vf.typ === 'plan') planOfDocument.set(key, key);
    if (vf.typ === 'policy') planOfDocument.set(key, null);
    const node = base(vf.file, [], vf.typ, vf.value.id, vf.value.titel, null, vf.file.body.trim(), fileFields(vf.value, vf.typ));
    node.document = vf.typ === 'organisation' ? null : key;
    node.plan = vf.typ === 'plan' ? key : null;
    if (!addNode(node, { file: vf.file, path: [] }, ['id'])) continue;
    if (vf.typ === 'organisation') continue;
    for (const a of adopterPaths(vf)) link(key, null, vf.file, a.path, a.id, ...keyOf(LINK_KEYS.plan.organisationer));
    if (vf.typ === 'plan') link(key, null, vf.file, ['policy'], vf.value.policy, ...keyOf(LINK_KEYS.plan.policy));
    const replaced = vf.value.ersätter;
    const earlier: EarlierDocument[] = [];
    replacedEntries(replaced).forEach((entry, i) => {
      if (typeof entry !== 'string') earlier.push(entry);
      else link(key, null, vf.file, Array.isArray(replaced) ? ['ersätter', i] : ['ersätter'], entry, ...keyOf(LINK_KEYS[vf.typ].ersätter));
    });
    if (earlier.length > 0) node.fields = sortedFields({ ...node.fields, ersätter: earlier });
  }

  for (const vf of files) {
    if (vf.typ === 'organisation') continue;
    const docFile = scopes.documentFor(vf.file.path);
    if (isShadow(docFile)) {
      // Its policy or plan file has errors of its own; they are reported there, and this node waits for them.
      if (docFile.id !== null && 'id' in vf.value && vf.value.id) draft.shadowKeys.add(nodeKey(docFile.id, vf.value.id));
      if (docFile.id !== null && vf.typ === 'mål') for (const fo of vf.value.fokusområden ?? []) draft.shadowKeys.add(nodeKey(docFile.id, fo.id));
      continue;
    }
    if (vf.typ === 'policy' || vf.typ === 'plan') {
      if (docFile !== vf) continue;
      if (vf.typ === 'policy') collectPolicyAreas(vf, draft, addNode, link, base);
      for (const item of visionItems(vf, base)) mergeItem(item, draft, addNode);
      continue;
    }
    if (!docFile || !draft.nodes.has(docFile.value.id)) {
      sink.report('no-document', `Filen ligger inte i någon mapp med en policy eller plan. Flytta den till mappen för den ${vf.typ === 'styrprincip' ? 'policy' : 'plan'} den hör till.`, {
        file: vf.file.path,
        ...locate(vf.file.parsed, ['typ']),
      });
      continue;
    }
    const doc = docFile.value.id;
    if (!belongsIn(vf.typ, docFile.typ)) {
      sink.report(
        'no-document',
        `${capitalise(withArticle(vf.typ))} hör till en ${vf.typ === 'styrprincip' ? 'policy' : 'plan'}, men filen ligger under ${docFile.typ === 'policy' ? 'policyn' : 'planen'} ${docFile.file.path}. Flytta filen till mappen för ${vf.typ === 'styrprincip' ? 'policyn' : 'planen'}.`,
        { file: vf.file.path, ...locate(vf.file.parsed, ['typ']) },
      );
      continue;
    }
    if (vf.typ === 'uppföljning') {
      draft.followUps.push({ file: vf.file, document: doc, value: vf.value });
      continue;
    }
    mergeItem(itemOf(vf, doc, docFile.typ), draft, addNode);
  }
  return draft;
}

type AddNode = (node: GraphNode, origin: NodeOrigin, idPath: YamlPath) => boolean;

/** A node of one file, ready to add: its links and inline children are added only when it is (not a duplicate). */
export interface Item {
  node: GraphNode;
  origin: NodeOrigin;
  idPath: YamlPath;
  links: PendingLink[];
  children: Item[];
}

/** Each file's items, kept while the file's validated value lives (`check --watch` reuses it for unchanged files). */
const itemCache = new WeakMap<ValidFile, { context: string; item: Item }>();

/** The item of a node file inside document `doc` of type `docTyp`, from the cache when it is there. */
export function itemOf(vf: NodeFile, doc: string, docTyp: 'policy' | 'plan'): Item {
  const context = `${doc}\u0000${docTyp}`;
  let cached = itemCache.get(vf);
  if (cached?.context !== context) {
    const plan = docTyp === 'plan' ? doc : null;
    const base: Base = (file, path, type, id, title, d, body, fields) => makeNode(file, path, type, id, title, d, plan, body, fields);
    cached = { context, item: fileItem(vf, doc, base, pendingLink) };
    itemCache.set(vf, cached);
  }
  return cached.item;
}

function makeNode(file: ReadPlanFile, path: YamlPath, type: NodeType, id: string, title: string, doc: string | null, plan: string | null, body: string, fields: NodeFields): GraphNode {
  // The callers pass the fields of `type` (fileFields of the same file, or an inline node's own): a type and its fields go together.
  return {
    key: nodeKey(doc, id),
    type,
    id,
    title,
    document: doc,
    plan,
    organisations: [],
    source: { file: file.path, ...startOf(locate(file.parsed, [...path, 'id'], 'key')) },
    body,
    fields,
  } as GraphNode;
}

function mergeItem(item: Item, draft: Draft, addNode: AddNode): void {
  if (!addNode(item.node, item.origin, item.idPath)) {
    shadowDuplicate(item, draft, false);
    return;
  }
  for (const l of item.links) draft.links.push(l);
  for (const child of item.children) mergeItem(child, draft, addNode);
}

/**
 * A node left out as a duplicate id is treated as a file with errors (shadows.ts): its links and its inline nodes'
 * count as broken links, and its inline nodes' ids as known, so the one mistake is reported once, where the id is.
 */
function shadowDuplicate(item: Item, draft: Draft, inline: boolean): void {
  if (inline) draft.shadowKeys.add(item.node.key);
  for (const l of item.links) draft.duplicateLinks.push({ scope: l.scope, target: l.target, edge: l.edge });
  for (const child of item.children) shadowDuplicate(child, draft, true);
}

/** A link written at `path` of `file`; its place is worked out only when a message needs it. */
function pendingLink(from: string, scope: string | null, file: ReadPlanFile, path: YamlPath, target: string, allowed: readonly NodeType[], edge: EdgeType): PendingLink {
  return {
    from,
    scope,
    field: String(path[0] ?? 'dokument'),
    target,
    allowed,
    edge,
    get place(): Place {
      return { file: file.path, ...locate(file.parsed, path) };
    },
  };
}

export type NodeFile = Extract<ValidFile, { typ: 'styrprincip' | 'mål' | 'fokusområde' | 'aktivitet' | 'indikator' }>;

/** The node (and inline nodes) one file defines inside document `doc`, with their links. */
function fileItem(vf: NodeFile, doc: string, base: Base, link: typeof pendingLink): Item {
  const fields = fileFields(vf.value, vf.typ);
  // A principle's sub-points are kept as their texts; those with ids are nodes of their own (below).
  if (vf.typ === 'styrprincip' && vf.value.underpunkter) (fields as { underpunkter?: string[] }).underpunkter = subPointTexts(vf.value.underpunkter);
  const node = base(vf.file, [], vf.typ, vf.value.id, vf.value.titel, doc, vf.file.body.trim(), fields);
  const key = node.key;
  const item: Item = { node, origin: { file: vf.file, path: [] }, idPath: ['id'], links: [], children: [] };
  const add = (path: YamlPath, target: string, { allowed, edge }: LinkKey, scope: string | null = doc) => item.links.push(link(key, scope, vf.file, path, target, allowed, edge));
  switch (vf.typ) {
    case 'styrprincip':
      add(['område'], vf.value.område, LINK_KEYS.styrprincip.område);
      item.children.push(...subPointItems(vf.file, [], vf.value.id, vf.value.underpunkter, doc, base));
      break;
    case 'mål':
      add([], doc, IN_PLAN, null);
      (vf.value.styrprinciper ?? []).forEach((p, i) => add(['styrprinciper', i], p, LINK_KEYS.mål.styrprinciper));
      (vf.value.områden ?? []).forEach((a, i) => add(['områden', i], a, LINK_KEYS.mål.områden));
      item.links.push(...visionLinks(vf.value, (p, target, allowed, edge) => link(key, doc, vf.file, p, target, allowed, edge)));
      (vf.value.fokusområden ?? []).forEach((fo, i) => {
        const path = ['fokusområden', i];
        const child = base(vf.file, path, 'fokusområde', fo.id, fo.titel, doc, fo.beskrivning?.trim() ?? '', inlineBudgets(fo));
        item.children.push({
          node: child,
          origin: { file: vf.file, path },
          idPath: [...path, 'id'],
          links: [
            { from: child.key, scope: doc, field: 'fokusområden', target: vf.value.id, allowed: ['mål'], edge: 'part-of', place: child.source },
            ...(fo.styrprinciper ?? []).map((p, j) => link(child.key, doc, vf.file, [...path, 'styrprinciper', j], p, ...keyOf(LINK_KEYS.fokusområde.styrprinciper))),
            ...visionLinks(fo, (p, target, allowed, edge) => link(child.key, doc, vf.file, [...path, ...p], target, allowed, edge)),
          ],
          children: [],
        });
      });
      break;
    case 'fokusområde':
      add(['mål'], vf.value.mål, LINK_KEYS.fokusområde.mål);
      (vf.value.styrprinciper ?? []).forEach((p, i) => add(['styrprinciper', i], p, LINK_KEYS.mål.styrprinciper));
      item.links.push(...visionLinks(vf.value, (p, target, allowed, edge) => link(key, doc, vf.file, p, target, allowed, edge)));
      break;
    case 'aktivitet':
      add([], doc, IN_PLAN, null);
      vf.value.bidrar_till.forEach((t, i) => add(['bidrar_till', i], t, LINK_KEYS.aktivitet.bidrar_till));
      (vf.value.beroenden ?? []).forEach((t, i) => add(['beroenden', i], t, LINK_KEYS.aktivitet.beroenden));
      break;
    case 'indikator':
      add([], doc, IN_PLAN, null);
      (vf.value.mäter ?? []).forEach((t, i) => add(['mäter', i], t, LINK_KEYS.indikator.mäter));
      if (vf.value.grupp !== undefined) add(['grupp'], vf.value.grupp, LINK_KEYS.indikator.grupp);
      break;
  }
  return item;
}
type Link = (from: string, scope: string | null, file: ReadPlanFile, path: YamlPath, target: string, allowed: readonly NodeType[], edge: EdgeType) => void;
type Base = (file: ReadPlanFile, path: YamlPath, type: NodeType, id: string, title: string, doc: string | null, body: string, fields: NodeFields) => GraphNode;

function collectPolicyAreas(vf: Extract<ValidFile, { typ: 'policy' }>, draft: Draft, addNode: AddNode, _link: Link, base: Base): void {
  const doc = vf.value.id;
  (vf.value.områden ?? []).forEach((area, i) => {
    const areaPath = ['områden', i];
    const areaNode = base(vf.file, areaPath, 'område', area.id, area.titel, doc, area.beskrivning?.trim() ?? '', {});
    if (!addNode(areaNode, { file: vf.file, path: areaPath }, [...areaPath, 'id'])) return;
    draft.links.push({ from: areaNode.key, scope: null, field: 'områden', target: doc, allowed: ['policy'], edge: 'part-of', place: areaNode.source });
    (area.styrprinciper ?? []).forEach((p, j) => {
      const path = [...areaPath, 'styrprinciper', j];
      const fields = p.underpunkter ? { underpunkter: subPointTexts(p.underpunkter) } : {};
      const node = base(vf.file, path, 'styrprincip', p.id, p.titel, doc, p.beskrivning?.trim() ?? '', fields);
      if (addNode(node, { file: vf.file, path }, [...path, 'id'])) {
        draft.links.push({ from: node.key, scope: doc, field: 'styrprinciper', target: area.id, allowed: ['område'], edge: 'part-of', place: node.source });
        for (const sub of subPointItems(vf.file, path, p.id, p.underpunkter, doc, base)) mergeItem(sub, draft, addNode);
      }
    });
  });
}

/**
 * The effects (effektmål) and critical success factors (framgångsfaktorer) a policy or plan lists, each a node part
 * of its document; a `beskrivning` is the node's body.
 */
function visionItems(vf: Extract<ValidFile, { typ: 'policy' | 'plan' }>, base: Base): Item[] {
  const doc = vf.value.id;
  const lists = [
    ['effektmål', 'effektmål', vf.value.effektmål],
    ['framgångsfaktorer', 'framgångsfaktor', vf.value.framgångsfaktorer],
  ] as const;
  return lists.flatMap(([key, type, list]) =>
    (list ?? []).map((entry, i): Item => {
      const path = [key, i];
      const node = base(vf.file, path, type, entry.id, entry.titel, doc, entry.beskrivning?.trim() ?? '', {});
      return {
        node,
        origin: { file: vf.file, path },
        idPath: [...path, 'id'],
        links: [{ from: node.key, scope: null, field: key, target: doc, allowed: [vf.typ], edge: 'part-of', place: node.source }],
        children: [],
      };
    }),
  );
}

/** The links a goal's or focus area's `effektmål` (serves) and `framgångsfaktorer` (relies-on) make, at their paths. */
function visionLinks(
  value: { effektmål?: string[] | undefined; framgångsfaktorer?: string[] | undefined },
  make: (path: YamlPath, target: string, allowed: readonly NodeType[], edge: EdgeType) => PendingLink,
): PendingLink[] {
  return [
    ...(value.effektmål ?? []).map((t, i) => make(['effektmål', i], t, LINK_KEYS.mål.effektmål.allowed, LINK_KEYS.mål.effektmål.edge)),
    ...(value.framgångsfaktorer ?? []).map((t, i) => make(['framgångsfaktorer', i], t, LINK_KEYS.mål.framgångsfaktorer.allowed, LINK_KEYS.mål.framgångsfaktorer.edge)),
  ];
}

/** A node file's link to the plan its folder belongs to. */
const IN_PLAN: LinkKey = { edge: 'part-of', allowed: ['plan'] };

/** A link key as `link` takes it after the target: the types it may name, then its edge. */
const keyOf = ({ allowed, edge }: LinkKey): [readonly NodeType[], EdgeType] => [allowed, edge];

type SubPoints = StyrprincipFile['underpunkter'];

/** A principle's sub-points as the texts they say, in order (the `underpunkter` field of its node). */
export function subPointTexts(list: NonNullable<SubPoints>): string[] {
  return list.map((u) => (typeof u === 'string' ? u : u.titel));
}

/** The nodes of a principle's sub-points that have ids (`{ id: SP12.a, titel: … }`), each part of the principle. */
function subPointItems(file: ReadPlanFile, principlePath: YamlPath, principleId: string, list: SubPoints, doc: string, base: Base): Item[] {
  const items: Item[] = [];
  (list ?? []).forEach((u, k) => {
    if (typeof u === 'string') return;
    const path = [...principlePath, 'underpunkter', k];
    const node = base(file, path, 'underpunkt', u.id, u.titel, doc, '', {});
    items.push({
      node,
      origin: { file, path },
      idPath: [...path, 'id'],
      links: [{ from: node.key, scope: doc, field: 'underpunkter', target: principleId, allowed: ['styrprincip'], edge: 'part-of', place: node.source }],
      children: [],
    });
  });
  return items;
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** `fields` with its keys in sorted order, as fileFields makes them (the graph JSON's order does not depend on the file's). */
function sortedFields(fields: Record<string, unknown>): NodeFields {
  return Object.fromEntries(Object.keys(fields).sort().map((k) => [k, fields[k]])) as NodeFields;
}

/** The money an inline focus area (a programme) states, as its fields: `budget` and `budgetar` in key order. */
function inlineBudgets(fo: { budget?: unknown; budgetar?: unknown }): Record<string, unknown> {
  return { ...(fo.budget !== undefined ? { budget: fo.budget } : {}), ...(fo.budgetar !== undefined ? { budgetar: fo.budgetar } : {}) };
}
