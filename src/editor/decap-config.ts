// The browser editor's configuration, generated from the zod schemas and the plan's own folders: a view per
// owning unit for the open follow-up period, a collection per node type and document, one for follow-ups.
import path from 'node:path';
import { SCHEMA_BY_TYPE, uppfoljningSchema, type NodeTypeName } from '../../schemas/plan-files.js';
import { planFollowUpFiles } from '../followup/open-period.js';
import { activeNodes, planCoversPeriod } from '../followup/active.js';
import { indexGraph, type GraphIndex } from '../graph/graph-index.js';
import { anyFields } from '../graph/node-fields.js';
import type { Graph, GraphNode } from '../graph/types.js';
import { NODE_WORDS } from '../words/nodes.js';
import { naturalCompare } from '../util/natural-compare.js';
import { slugify } from '../util/slug.js';
import { fieldsFor, type DecapField, type FieldContext, type LinkOptions } from './decap-fields.js';
import { BODY_KEY, type EditorFormat, type RecordField } from './frontmatter-edit.js';
import type { EditorBackend } from './settings.js';

/** The name of the editor's file format (registered by the browser script). */
export const FORMAT_NAME = 'sparbar';
const NO_OWNER = 'Utan ansvarig';
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const one = (typ: NodeTypeName) => (typ === 'plan' ? 'Strategisk plan' : typ === 'uppföljning' ? 'Uppföljning' : capital(NODE_WORDS[typ].one));
const many = (typ: Exclude<NodeTypeName, 'uppföljning'>) => capital(NODE_WORDS[typ].many);

export interface EditorConfigOptions {
  /** The plans folder's path from the repository's top, with `/` (for example `plans`); `''` when it is the top. */
  plansPath: string;
  backend: EditorBackend;
  /** The follow-up period the units fill in; default the latest period with follow-ups. */
  period?: string | undefined;
  /** The public site's address, linked from the editor. */
  siteUrl?: string | null;
}

export interface EditorConfig {
  /** Decap CMS's configuration (https://decapcms.org/docs/configuration-options/), as JSON. */
  decap: Record<string, unknown>;
  /** What the browser's file format needs: key order and per-year maps per type, and the files `uppfoljning ny` would write. */
  format: EditorFormat & { templates: Record<string, string> };
  /** The open period, or null when the plan has none. */
  period: string | null;
  /** The per-unit follow-up views: collection name, owner and number of entries. */
  units: { collection: string; owner: string; plan: string; entries: number }[];
}

/** The node types that live in files of their own under a policy (styrprincip) or a plan (the rest). */
const FILE_TYPES_UNDER: Record<'policy' | 'plan', readonly NodeTypeName[]> = {
  policy: ['styrprincip'],
  plan: ['mål', 'fokusområde', 'aktivitet', 'indikator'],
};
/** Folder for a type without any file yet, beside its document (as `sparbar ny` makes it). */
const DEFAULT_FOLDER: Partial<Record<NodeTypeName, string>> = { styrprincip: 'styrprinciper', mål: 'mal', fokusområde: 'fokusomraden', aktivitet: 'aktiviteter', indikator: 'indikatorer' };

/**
 * The editor configuration for `graph`. Collections, in the order the sidebar shows them:
 * - per plan and owning unit, `Uppföljning <period>: <enhet>`: one entry per goal, focus area and action the
 *   unit owns that is active in the period or has a follow-up for it (its file, or the file `uppfoljning ny`
 *   would write, created on first save), with the follow-up fields that fit the node's type;
 * - per document and node type that lives in files (`Aktiviteter`, `Mål`, …, and `Organisationer`, `Policy`,
 *   `Strategisk plan`): the files of that type under the folder that holds them all, every schema field;
 * - per document, `Uppföljningar`: every follow-up file, grouped by period.
 */
export function editorConfig(graph: Graph, options: EditorConfigOptions): EditorConfig {
  const index = indexGraph(graph.nodes, graph.edges, graph.followUps);
  const repoPath = (file: string) => path.posix.join(options.plansPath, file);
  const records: Record<string, RecordField[]> = {};
  const order: Record<string, string[]> = {};
  for (const [typ, schema] of Object.entries(SCHEMA_BY_TYPE)) order[typ] = Object.keys((schema as unknown as { shape: Record<string, unknown> }).shape);
  const fields = (typ: NodeTypeName, links: LinkOptions): DecapField[] => {
    const ctx: FieldContext = { links, records: [] };
    const list = fieldsFor(SCHEMA_BY_TYPE[typ as keyof typeof SCHEMA_BY_TYPE], ctx);
    records[typ] = ctx.records;
    return list;
  };
  const period = options.period ?? latestPeriod(graph);
  const collections: Record<string, unknown>[] = [];
  const templates: Record<string, string> = {};
  const units: EditorConfig['units'] = [];
  const plans = index.ofType('plan');
  const documents = [...index.ofType('policy'), ...plans];

  if (period !== null) {
    const planned = new Map(planFollowUpFiles(graph, period).map((f) => [f.nodeKey, f]));
    for (const plan of plans.filter((p) => planCoversPeriod(graph.derived.documentYears, p, period))) {
      const owned = new Map<string, GraphNode[]>();
      const add = (owner: string, node: GraphNode) => {
        const list = owned.get(owner) ?? [];
        if (!list.includes(node)) list.push(node);
        owned.set(owner, list);
      };
      for (const active of activeNodes(index, plan, period)) add(active.owner, active.node);
      for (const f of graph.followUps.filter((f) => f.period === period)) {
        const node = index.node(f.node);
        if (node && node.plan === plan.key && (node.type === 'mål' || node.type === 'fokusområde' || node.type === 'aktivitet')) add(ownerOf(index, node), node);
      }
      const prefix = plans.length > 1 ? `${slugify(plan.id)}-` : '';
      for (const [owner, nodes] of [...owned].sort((a, b) => naturalCompare(a[0], b[0]))) {
        const files = nodes
          .sort((a, b) => naturalCompare(a.id, b.id))
          .map((node) => {
            const existing = index.followUps(node.key).find((f) => f.period === period);
            const file = existing ? existing.source.file : planned.get(node.key)?.path;
            if (!file) return null;
            if (!existing) templates[repoPath(file)] = planned.get(node.key)!.content;
            return {
              name: slugify(node.id, 'nod'),
              label: `${node.id} ${node.title}`,
              file: repoPath(file),
              fields: followUpFields(node, period, existing ? null : 'ny'),
            };
          })
          .filter((f) => f !== null);
        const name = `${prefix}uppfoljning-${period}-${slugify(owner, 'utan-ansvarig')}`;
        collections.push({
          name,
          label: `Uppföljning ${period}: ${owner}`,
          label_singular: 'Uppföljning',
          description: `${owner}: uppföljningen ${period} av de mål, fokusområden och aktiviteter som ni ansvarar för i ${plan.title}. Välj en rad, fyll i och spara.`,
          format: FORMAT_NAME,
          extension: 'md',
          editor: { preview: false },
          files,
        });
        units.push({ collection: name, owner, plan: plan.id, entries: files.length });
      }
    }
  }

  const organisations = index.ofType('organisation');
  const orgOptions = organisations.map((o) => ({ label: `${o.id} ${o.title}`, value: o.id }));
  const globalLinks = (types: readonly NodeTypeName[]) =>
    types.includes('organisation') ? orgOptions : graph.nodes.filter((n) => types.includes(n.type as NodeTypeName) && n.document === n.key).map((n) => ({ label: `${n.id} ${n.title}`, value: n.id }));
  const linksIn = (doc: GraphNode | null): LinkOptions => (_key, types) => {
    if (types.some((t) => t === 'organisation' || t === 'policy' || t === 'plan')) return globalLinks(types);
    const visible = doc === null ? [] : [doc.key, ...index.out(doc.key, 'implements')];
    return graph.nodes.filter((n) => n.document !== null && visible.includes(n.document) && n.document !== n.key && types.includes(n.type as NodeTypeName)).map((n) => ({ label: `${n.id} ${n.title}`, value: n.id }));
  };

  const fileNodes = graph.nodes.filter((n) => n.source.column === 1);
  const folderCollection = (name: string, label: string, typ: NodeTypeName, files: string[], fallback: string, links: LinkOptions, extra: Record<string, unknown> = {}) => {
    const folders = files.map((f) => path.posix.dirname(f));
    const common = folders.length > 0 ? commonFolder(folders) : fallback;
    const depth = Math.max(1, ...folders.map((f) => (f === common ? 1 : path.posix.relative(common, f).split('/').length + 1)));
    return {
      name,
      label,
      label_singular: one(typ),
      folder: repoPath(common),
      format: FORMAT_NAME,
      extension: 'md',
      filter: { field: 'typ', value: typ },
      identifier_field: typ === 'uppföljning' ? 'avser' : 'id',
      summary: typ === 'uppföljning' ? '{{avser}} {{period}}' : '{{id}} {{titel}}',
      slug: typ === 'uppföljning' ? '{{avser}}' : '{{id}}',
      sortable_fields: typ === 'uppföljning' ? ['avser', 'period'] : ['id', 'titel'],
      create: typ !== 'uppföljning' && typ !== 'plan' && typ !== 'policy',
      ...(depth > 1 ? { nested: { depth, subfolders: false } } : {}),
      fields: [...fields(typ, links), bodyField(typ)],
      ...extra,
    };
  };

  collections.push(folderCollection('organisationer', many('organisation'), 'organisation', fileNodes.filter((n) => n.type === 'organisation').map((n) => n.source.file), 'organisationer', linksIn(null)));
  for (const doc of documents) {
    const kind = doc.type as 'policy' | 'plan';
    const several = documents.filter((d) => d.type === kind).length > 1;
    const docFolder = path.posix.dirname(doc.source.file);
    const suffix = several ? ` (${doc.id})` : '';
    const prefix = several ? `${slugify(doc.id)}-` : '';
    const links = linksIn(doc);
    collections.push(folderCollection(`${prefix}${kind}`, `${one(kind)}${suffix}`, kind, [doc.source.file], docFolder, links, { create: false }));
    for (const typ of FILE_TYPES_UNDER[kind]) {
      const files = fileNodes.filter((n) => n.type === typ && n.document === doc.key).map((n) => n.source.file);
      const name = `${prefix}${slugify(many(typ as Exclude<NodeTypeName, 'uppföljning'>))}`;
      collections.push(folderCollection(name, `${many(typ as Exclude<NodeTypeName, 'uppföljning'>)}${suffix}`, typ, files, path.posix.join(docFolder, DEFAULT_FOLDER[typ]!), links));
    }
    const followUpFiles = graph.followUps.filter((f) => index.node(f.node)?.document === doc.key).map((f) => f.source.file);
    if (followUpFiles.length > 0 || kind === 'plan') {
      collections.push(
        folderCollection(`${prefix}uppfoljningar`, `Uppföljningar${suffix}`, 'uppföljning', followUpFiles, path.posix.join(docFolder, 'uppfoljning'), links, {
          view_groups: [{ label: 'Period', field: 'period' }],
        }),
      );
    }
  }

  const decap: Record<string, unknown> = {
    load_config_file: false,
    locale: 'sv',
    backend: backendConfig(options.backend),
    publish_mode: options.backend.kind === 'local' && !options.backend.workflow ? 'simple' : 'editorial_workflow',
    media_folder: repoPath('bilder'),
    ...(options.siteUrl ? { site_url: options.siteUrl, display_url: options.siteUrl } : {}),
    slug: { encoding: 'ascii', clean_accents: true },
    collections,
  };
  return { decap, format: { order, records, templates }, period, units };
}

/** The latest follow-up period of the plan, or null when it has none. */
export function latestPeriod(graph: Graph): string | null {
  return graph.followUps.reduce<string | null>((latest, f) => (latest === null || f.period > latest ? f.period : latest), null);
}

/** The unit that writes a node's follow-up: an action's `ansvarig`; for a goal, and a focus area through its goal, the goal's. */
function ownerOf(index: GraphIndex, node: GraphNode): string {
  if (node.type === 'fokusområde') {
    const goal = index.out(node.key, 'part-of').map((k) => index.node(k)).find((n) => n?.type === 'mål');
    return goal ? ownerOf(index, goal) : NO_OWNER;
  }
  return anyFields(node).ansvarig ?? NO_OWNER;
}

/** The follow-up fields that fit a node's type, with the node's id and the period fixed. */
function followUpFields(node: GraphNode, period: string, state: 'ny' | null): DecapField[] {
  const keep: Record<string, readonly string[]> = {
    aktivitet: ['status'],
    mål: ['bedömning', 'prognos'],
    fokusområde: ['bedömning', 'prognos'],
    indikator: ['utfall'],
    styrprincip: ['bedömning', 'prognos'],
  };
  const own = keep[node.type] ?? [];
  const all = fieldsFor(uppfoljningSchema, { links: () => [], records: [] });
  const fixed: Record<string, unknown> = { typ: 'uppföljning', avser: node.id, period };
  const out: DecapField[] = [];
  for (const f of all) {
    if (f.name in fixed) out.push({ name: f.name, label: f.label, widget: 'hidden', default: fixed[f.name] });
    else if (own.includes(f.name)) out.push({ ...f, required: f.name !== 'prognos' });
    else if (f.name === 'författare' || f.name === 'datum') out.push(f);
  }
  out.push({
    ...bodyField('uppföljning'),
    hint: `${state === 'ny' ? 'Filen skapas när du sparar. ' : ''}Skriv analysen för ${period}: vad som har gjorts, hur det går och vad som återstår.`,
  });
  return out;
}

function bodyField(typ: NodeTypeName): DecapField {
  const label = typ === 'uppföljning' ? 'Analys' : typ === 'policy' ? 'Vision och text' : 'Beskrivning';
  return { name: BODY_KEY, label, widget: 'markdown', required: false, modes: ['raw', 'rich_text'], buttons: ['bold', 'italic', 'link', 'heading-three', 'bulleted-list', 'numbered-list'], editor_components: [] };
}

function backendConfig(backend: EditorBackend): Record<string, unknown> {
  switch (backend.kind) {
    case 'local':
      return { name: 'proxy', proxy_url: backend.url, branch: backend.branch };
    case 'github':
      return { name: 'github', repo: backend.repo, branch: backend.branch, ...(backend.authUrl ? { base_url: backend.authUrl } : {}), squash_merges: true };
    case 'gitlab':
      return { name: 'gitlab', repo: backend.repo, branch: backend.branch, auth_type: 'pkce', app_id: backend.appId, base_url: backend.address, api_root: `${backend.address}/api/v4`, auth_endpoint: 'oauth/authorize', squash_merges: true };
  }
}

function commonFolder(folders: readonly string[]): string {
  let common = folders[0]!.split('/');
  for (const f of folders.slice(1)) {
    const parts = f.split('/');
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join('/') || '.';
}
