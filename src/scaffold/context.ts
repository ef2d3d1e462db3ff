// What every node type's scaffold needs to plan a new file: the graph and its index, the options, and for a
// node inside a policy or plan its document, the ids it may reference and the folder its kind lives in.
import path from 'node:path';
import { indexGraph, type GraphIndex } from '../graph/graph-index.js';
import type { Graph, GraphNode, NodeType } from '../graph/types.js';
import { naturalCompare } from '../util/natural-compare.js';
import { closest } from '../util/suggest.js';
import { withArticle } from '../words/nodes.js';

export { NEW_NODE_TYPES, type NewNodeType } from './new-node-types.js';

export interface NewNodeOptions {
  /** Id of the policy or plan the node goes in, when the folder has several. */
  document?: string;
  /** The parent: focus areas or goal an action contributes to, the goal of a focus area, the area of a principle, goals or focus areas an indicator measures, principles a goal realises, the policy of a plan, organisations of a policy. */
  till?: string[];
  titel?: string;
  ansvarig?: string;
  /** Today, ÅÅÅÅ-MM-DD (given, so the output is testable). */
  today: string;
}

/** A Swedish reason why the node cannot be planned (a usage error). */
export class NewNodeError extends Error {}

/**
 * The next free id after the ids of a sequence: the most common `prefix + number` form, one past the
 * highest number, zero-padded like the others (A01 … A36 → A37, M4 → M5, SP12 → SP13).
 */
export function nextId(existing: readonly string[], fallbackPrefix: string, taken: ReadonlySet<string> = new Set(existing)): string {
  const forms = new Map<string, { max: number; width: number; count: number }>();
  for (const id of existing) {
    const m = /^(.*?)(\d+)$/.exec(id);
    if (!m) continue;
    const [, prefix = '', digits = ''] = m;
    const f = forms.get(prefix) ?? { max: 0, width: 1, count: 0 };
    f.count++;
    if (Number(digits) >= f.max) {
      f.max = Number(digits);
      f.width = digits.startsWith('0') ? digits.length : Math.max(f.width, 1);
    }
    forms.set(prefix, f);
  }
  const best = [...forms].sort((a, b) => b[1].count - a[1].count || naturalCompare(a[0], b[0]))[0];
  const prefix = best?.[0] ?? fallbackPrefix;
  let n = (best?.[1].max ?? 0) + 1;
  const width = best?.[1].width ?? 1;
  const make = () => `${prefix}${String(n).padStart(width, '0')}`;
  while (taken.has(make())) n++;
  return make();
}

/** Up to 25 ids of `nodes`, naturally sorted, for a message. */
export function examples(nodes: readonly GraphNode[]): string {
  const ids = nodes.map((n) => n.id).sort(naturalCompare);
  return ids.length === 0 ? '(inga)' : ids.length > 25 ? `${ids.slice(0, 25).join(', ')} …` : ids.join(', ');
}

/** True for a node written at the top level of its own file (not inline in another node's file). */
export function isFileNode(n: GraphNode): boolean {
  return n.source.column === 1;
}

/** What every scaffold gets. */
export interface ScaffoldContext {
  graph: Graph;
  index: GraphIndex;
  options: NewNodeOptions;
  /** The `--till` ids. */
  till: readonly string[];
  /** The year of `options.today`. */
  year: number;
  /** The node's policy or plan and what goes with it (throws NewNodeError when it cannot be chosen). */
  inDocument(type: 'policy' | 'plan'): DocumentContext;
}

/** A node inside a policy or plan: its document and helpers to resolve `--till` and place the file. */
export interface DocumentContext {
  doc: GraphNode;
  /** The folder of the document's file ('.' at the top). */
  folder: string;
  /** Ids used in the document. */
  taken: ReadonlySet<string>;
  /** The document's nodes of a type. */
  nodes(type: NodeType): GraphNode[];
  /** The node `id` names (in the document, or for a plan in its policy), of one of `allowed` types. */
  resolve(id: string, allowed: NodeType[], what: string): GraphNode;
  /** The `--till` nodes, required. */
  requireTill(what: string, allowed: NodeType[], example: string): GraphNode[];
  /** The folder that holds every file of this type in the document (their common ancestor), else `fallback` under it. */
  folderFor(type: NodeType, fallback: string): string;
}

export function scaffoldContext(graph: Graph, given: NewNodeOptions): ScaffoldContext {
  // Typed text is written in NFC, the form the check expects (rule not-nfc): a Mac may hand us NFD.
  const options: NewNodeOptions = { ...given, titel: given.titel?.normalize('NFC'), ansvarig: given.ansvarig?.normalize('NFC') };
  const index = indexGraph(graph.nodes, graph.edges, graph.followUps);
  const till = options.till ?? [];
  const context: ScaffoldContext = {
    graph,
    index,
    options,
    till,
    year: Number(options.today.slice(0, 4)),
    inDocument: (type) => documentContext(context, chooseDocument(index, type, options.document, till), type),
  };
  return context;
}

function documentContext(ctx: ScaffoldContext, doc: GraphNode, documentType: 'policy' | 'plan'): DocumentContext {
  const { graph, index, till } = ctx;
  const nodes = (t: NodeType) => graph.nodes.filter((n) => n.document === doc.key && n.type === t);
  const folder = path.posix.dirname(doc.source.file);
  const policyOfPlan = documentType === 'plan' ? index.out(doc.key, 'implements')[0] : undefined;
  const resolve = (id: string, allowed: NodeType[], what: string): GraphNode => {
    let node = index.node(id.includes(':') ? id : `${doc.key}:${id}`);
    if (!node && policyOfPlan) node = index.node(`${policyOfPlan}:${id}`);
    if (!node || !allowed.includes(node.type)) {
      const candidates = graph.nodes.filter((n) => (n.document === doc.key || (policyOfPlan !== undefined && n.document === policyOfPlan)) && allowed.includes(n.type));
      // An id that does not exist is said so (with the closest one); an id of another type is told what it is.
      const hit = node ? undefined : closest(id, candidates.map((n) => n.id));
      const why = node ? `"${id}" är ${withArticle(node.type)}, inte ${what}.` : `"${id}" finns inte i ${doc.id}.${hit ? ` Menade du "${hit}"?` : ''}`;
      throw new NewNodeError(`${why} Välj bland: ${examples(candidates)}.`);
    }
    return node;
  };
  return {
    doc,
    folder,
    taken: new Set(graph.nodes.filter((n) => n.document === doc.key).map((n) => n.id)),
    nodes,
    resolve,
    requireTill: (what, allowed, example) => {
      if (till.length === 0) {
        const candidates = graph.nodes.filter((n) => n.document === doc.key && allowed.includes(n.type));
        throw new NewNodeError(`Ange ${what} med --till, t.ex. --till ${example}. Att välja bland i ${doc.id}: ${examples(candidates)}.`);
      }
      return till.map((t) => resolve(t, allowed, what));
    },
    folderFor: (t, fallback) => {
      const folders = nodes(t)
        .filter(isFileNode)
        .map((n) => path.posix.dirname(n.source.file).split('/'));
      if (folders.length === 0) return path.posix.join(folder === '.' ? '' : folder, fallback);
      let common = folders[0]!;
      for (const f of folders.slice(1)) {
        let i = 0;
        while (i < common.length && i < f.length && common[i] === f[i]) i++;
        common = common.slice(0, i);
      }
      return common.join('/');
    },
  };
}

/** `wanted`, or `wanted-2`, `wanted-3`, … : an id no document or organisation has. */
export function freeDocumentId(graph: Graph, wanted: string): string {
  const taken = new Set(graph.nodes.map((n) => n.key));
  if (!taken.has(wanted)) return wanted;
  let n = 2;
  while (taken.has(`${wanted}-${n}`)) n++;
  return `${wanted}-${n}`;
}

/** The folder most of `nodes` are in ('' for the top), or undefined when there are none. */
export function commonFolder(nodes: readonly GraphNode[]): string | undefined {
  const counts = new Map<string, number>();
  for (const n of nodes) counts.set(path.posix.dirname(n.source.file), (counts.get(path.posix.dirname(n.source.file)) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || naturalCompare(a[0], b[0]))[0]?.[0];
  return best === '.' ? '' : best;
}

/** The policy or plan the node goes in: named, the one holding the --till node, or the only one. */
function chooseDocument(index: GraphIndex, type: 'policy' | 'plan', named: string | undefined, till: readonly string[]): GraphNode {
  const documents = index.ofType(type);
  const word = type === 'policy' ? 'policy' : 'plan';
  const plural = type === 'policy' ? 'Policyer' : 'Planer';
  if (named !== undefined) {
    const doc = index.node(named);
    if (!doc || doc.type !== type) throw new NewNodeError(`"${named}" är ingen ${word}. ${plural}: ${examples(documents)}.`);
    return doc;
  }
  if (documents.length === 1) return documents[0]!;
  if (documents.length === 0) throw new NewNodeError(`Det finns ingen ${word} i mappen. Skapa den först: sparbar ny ${word}.`);
  const holding = documents.filter((d) => till.some((t) => index.node(`${d.key}:${t}`)));
  if (holding.length === 1) return holding[0]!;
  throw new NewNodeError(`Mappen har flera ${type === 'policy' ? 'policyer' : 'planer'}; ange vilken med --plan, t.ex. --plan ${documents[0]!.id}. ${plural}: ${examples(documents)}.`);
}
