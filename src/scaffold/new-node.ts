// `sparbar ny <typ>`: plans a new node file — where it goes, its next free id, its required keys and a short
// guide in YAML comments — from the graph of the plan. Pure: graph in, planned file (or a Swedish reason) out.
import path from 'node:path';
import { indexGraph, type GraphIndex } from '../graph/graph-index.js';
import type { Graph, GraphNode, NodeType } from '../graph/types.js';
import { slugify } from '../util/slug.js';
import { naturalCompare } from '../util/natural-compare.js';

/** The types `sparbar ny` writes (a follow-up is made per period by `sparbar uppfoljning ny`). */
export const NEW_NODE_TYPES = ['organisation', 'policy', 'styrprincip', 'plan', 'mål', 'fokusområde', 'aktivitet', 'indikator'] as const;
export type NewNodeType = (typeof NEW_NODE_TYPES)[number];

/**
 * The type a user typed, or undefined. Spelt exactly as `typ:` in a file, so `sparbar ny mal` is refused with
 * the same suggestion (`mål`) as `typ: mal` in a file: the format has one spelling of each type.
 */
export function parseNewNodeType(s: string): NewNodeType | undefined {
  return (NEW_NODE_TYPES as readonly string[]).includes(s) ? (s as NewNodeType) : undefined;
}

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

export interface PlannedNode {
  /** Path relative to the plans folder. */
  path: string;
  id: string;
  type: NewNodeType;
  content: string;
  /** Keys left for the user to fill in (they give warnings until then). */
  toFill: string[];
}

const quote = (s: string) => (/^[\p{L}\p{N}][\p{L}\p{N} ,.()–-]*$/u.test(s) && !/: /.test(s) ? s : JSON.stringify(s));
const list = (ids: readonly string[]) => `[${ids.join(', ')}]`;

/** True for a node written at the top level of its own file (not inline in another node's file). */
function isFileNode(n: GraphNode): boolean {
  return n.source.column === 1;
}

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

/** A Swedish reason why the node cannot be planned (a usage error). */
export class NewNodeError extends Error {}

const examples = (nodes: readonly GraphNode[]) => {
  const ids = nodes.map((n) => n.id).sort(naturalCompare);
  return ids.length === 0 ? '(inga)' : ids.length > 25 ? `${ids.slice(0, 25).join(', ')} …` : ids.join(', ');
};

/** Plans the new file; throws NewNodeError when the arguments do not say enough (with what to add). */
export function planNewNode(graph: Graph, type: NewNodeType, options: NewNodeOptions): PlannedNode {
  const index = indexGraph(graph.nodes, graph.edges, graph.followUps);
  const till = options.till ?? [];
  const year = Number(options.today.slice(0, 4));

  if (type === 'organisation') {
    const orgs = index.ofType('organisation');
    const id = freeDocumentId(graph, 'ny-organisation');
    const folder = commonFolder(orgs) ?? 'organisationer';
    const lines = [
      ...guide('Ny organisation: en kommun, ett kommunalförbund eller en annan organisation.', 'kommunkod är kommunens fyra siffror (används mot Kolada).'),
      'typ: organisation',
      `id: ${id}`,
      `titel: ${quote(options.titel ?? 'Ny organisation')}`,
      '# kommunkod: "0000"',
    ];
    return done(type, id, path.posix.join(folder, `${id}.md`), lines, []);
  }

  if (type === 'policy') {
    const orgs = till.length > 0 ? till : index.ofType('organisation').map((o) => o.id).slice(0, 1);
    if (orgs.length === 0) throw new NewNodeError('Planen har ingen organisation. Skapa den först: sparbar ny organisation.');
    for (const o of orgs) if (index.node(o)?.type !== 'organisation') throw new NewNodeError(`"${o}" är ingen organisation i planerna. Organisationer: ${examples(index.ofType('organisation'))}.`);
    const id = freeDocumentId(graph, 'ny-policy');
    const lines = [
      ...guide('Ny policy, antagen av kommunfullmäktige: områden med styrprinciper. Visionen skrivs i brödtexten.', 'Styrprinciper skrivs under sitt område eller i egna filer (sparbar ny styrprincip).'),
      'typ: policy',
      `id: ${id}`,
      `titel: ${quote(options.titel ?? 'Ny IT- och digitaliseringspolicy')}`,
      `organisationer: ${list(orgs)}`,
      '# När beslutet är fattat, eller om dokumentet anger dem (utelämnade ger en varning, aldrig ett påhittat värde):',
      '# antagen_av: Kommunfullmäktige',
      '# antagen: ÅÅÅÅ-MM-DD',
      '# giltighet: { från: ÅÅÅÅ-MM-DD, till: ÅÅÅÅ-MM-DD }',
      'områden:',
      '  - id: O1',
      '    titel: Nytt område',
      '    styrprinciper:',
      '      - id: SP1',
      '        titel: Ny styrprincip',
    ];
    return done(type, id, path.posix.join(`${id}`, 'policy.md'), lines, []);
  }

  if (type === 'plan') {
    const policies = index.ofType('policy');
    const policy = till[0] !== undefined ? index.node(till[0]) : policies.length === 1 ? policies[0] : undefined;
    if (!policy || policy.type !== 'policy') {
      throw new NewNodeError(`Ange vilken policy planen förverkligar med --till, t.ex. --till ${policies[0]?.id ?? 'kommunens-it-policy'}. Policyer: ${examples(policies)}.`);
    }
    const org = index.out(policy.key, 'belongs-to')[0];
    if (org === undefined) throw new NewNodeError(`Policyn ${policy.id} har ingen organisation.`);
    const id = freeDocumentId(graph, `${org}-plan-${year + 1}-${year + 4}`);
    const plans = index.ofType('plan').filter((p) => index.out(p.key, 'belongs-to').includes(org));
    const parent = plans.length > 0 ? path.posix.dirname(path.posix.dirname(plans[0]!.source.file)) : path.posix.dirname(path.posix.dirname(policy.source.file));
    const lines = [
      ...guide('Ny strategisk plan, antagen av kommunstyrelsen. Mål, fokusområden och aktiviteter läggs i mappar under den här filens mapp.', 'ersätter: id för en tidigare plan som den här ersätter (valfri).'),
      'typ: plan',
      `id: ${id}`,
      `titel: ${quote(options.titel ?? `Strategisk plan ${year + 1}–${year + 4}`)}`,
      `organisation: ${org}`,
      `policy: ${policy.id}`,
      '# När beslutet är fattat, eller om dokumentet anger dem (utelämnade ger en varning, aldrig ett påhittat värde):',
      '# antagen_av: Kommunstyrelsen',
      '# antagen: ÅÅÅÅ-MM-DD',
      `period: { från: ${year + 1}, till: ${year + 4} }   # ändra till planens period`,
    ];
    return done(type, id, path.posix.join(parent === '.' ? '' : parent, id, 'plan.md'), lines, []);
  }

  // Nodes inside a policy or plan.
  const documentType = type === 'styrprincip' ? 'policy' : 'plan';
  const doc = chooseDocument(index, documentType, options.document, till);
  const inDoc = (t: NodeType) => graph.nodes.filter((n) => n.document === doc.key && n.type === t);
  const docFolder = path.posix.dirname(doc.source.file);
  const taken = new Set(graph.nodes.filter((n) => n.document === doc.key).map((n) => n.id));
  const resolve = (id: string, allowed: NodeType[], what: string): GraphNode => {
    const key = id.includes(':') ? id : `${doc.key}:${id}`;
    let node = index.node(key);
    if (!node && documentType === 'plan') {
      const policy = index.out(doc.key, 'implements')[0];
      if (policy) node = index.node(`${policy}:${id}`);
    }
    if (!node || !allowed.includes(node.type)) {
      const candidates = graph.nodes.filter((n) => (n.document === doc.key || (documentType === 'plan' && n.document === index.out(doc.key, 'implements')[0])) && allowed.includes(n.type));
      throw new NewNodeError(`"${id}" är inte ${what} i ${doc.id}. Välj bland: ${examples(candidates)}.`);
    }
    return node;
  };
  const requireTill = (what: string, allowed: NodeType[], example: string): GraphNode[] => {
    if (till.length === 0) {
      const candidates = graph.nodes.filter((n) => n.document === doc.key && allowed.includes(n.type));
      throw new NewNodeError(`Ange ${what} med --till, t.ex. --till ${example}. Att välja bland i ${doc.id}: ${examples(candidates)}.`);
    }
    return till.map((t) => resolve(t, allowed, what));
  };
  /** The folder that holds every file of this type in the document (their common ancestor), else `fallback` under the document. */
  const folderFor = (t: NodeType, fallback: string): string => {
    const folders = inDoc(t)
      .filter(isFileNode)
      .map((n) => path.posix.dirname(n.source.file).split('/'));
    if (folders.length === 0) return path.posix.join(docFolder === '.' ? '' : docFolder, fallback);
    let common = folders[0]!;
    for (const f of folders.slice(1)) {
      let i = 0;
      while (i < common.length && i < f.length && common[i] === f[i]) i++;
      common = common.slice(0, i);
    }
    return common.join('/');
  };

  switch (type) {
    case 'styrprincip': {
      const [area] = requireTill('området som styrprincipen hör till', ['område'], inDoc('område')[0]?.id ?? 'O1');
      const id = nextId(inDoc('styrprincip').map((n) => n.id), 'SP', taken);
      const lines = [
        ...guide('Ny styrprincip i en egen fil (för en lång text). Underpunkter karaktäriserar principen.', 'Ett mål förverkligar principen genom att nämna den i sina styrprinciper.'),
        'typ: styrprincip',
        `id: ${id}`,
        `titel: ${quote(options.titel ?? 'Ny styrprincip')}`,
        `område: ${area!.id}`,
        '# underpunkter: [Första underpunkten, Andra underpunkten]',
      ];
      return done(type, id, path.posix.join(folderFor('styrprincip', 'styrprinciper'), `${id}.md`), lines, ['ett mål som förverkligar principen']);
    }
    case 'mål': {
      const principles = till.map((t) => resolve(t, ['styrprincip'], 'en styrprincip'));
      const id = nextId(inDoc('mål').map((n) => n.id), 'M', taken);
      const planPeriod = doc.type === 'plan' ? doc.fields.period : undefined;
      const lines = [
        ...guide('Nytt övergripande mål. Fokusområden skrivs under fokusområden: eller i egna filer (sparbar ny fokusområde --till ' + id + ').', 'styrprinciper: de styrprinciper i policyn som målet förverkligar.'),
        'typ: mål',
        `id: ${id}`,
        `titel: ${quote(options.titel ?? 'Nytt mål')}`,
        `styrprinciper: ${list(principles.map((p) => p.id))}`,
        '# förväntat_resultat: Vad som ska vara uppnått vid målåret.',
        `# målår: ${planPeriod?.till ?? 'ÅÅÅÅ'}`,
        ...(options.ansvarig ? [`ansvarig: ${quote(options.ansvarig)}`] : ['# ansvarig: Kommundirektören']),
        '# fokusområden:',
        `#   - { id: FO${/(\d+)$/.exec(id)?.[1] ?? ''}.1, titel: Första fokusområdet }`,
      ];
      return done(type, id, path.posix.join(folderFor('mål', 'mal'), `${id}.md`), lines, ['förväntat_resultat', 'målår', 'fokusområden']);
    }
    case 'fokusområde': {
      const [goal] = requireTill('målet som fokusområdet hör till', ['mål'], inDoc('mål')[0]?.id ?? 'M1');
      const siblings = index.in(goal!.key, 'part-of').map((k) => index.node(k)!).filter((n) => n.type === 'fokusområde');
      const goalNumber = /(\d+)$/.exec(goal!.id)?.[1] ?? '';
      const pattern = inDoc('fokusområde').map((n) => /^(.*?)\d+\.\d+$/.exec(n.id)?.[1]).find((p) => p !== undefined) ?? 'FO';
      const id = siblings.length > 0 ? nextId(siblings.map((n) => n.id), `${pattern}${goalNumber}.`, taken) : nextId([], `${pattern}${goalNumber}.`, taken);
      const lines = [
        ...guide(`Nytt fokusområde under målet ${goal!.id} ${goal!.title}.`, 'Aktiviteter bidrar till fokusområdet genom att nämna det i sina bidrar_till.'),
        'typ: fokusområde',
        `id: ${id}`,
        `titel: ${quote(options.titel ?? 'Nytt fokusområde')}`,
        `mål: ${goal!.id}`,
      ];
      return done(type, id, path.posix.join(folderFor('fokusområde', 'fokusomraden'), `${id}.md`), lines, ['en aktivitet som bidrar till fokusområdet']);
    }
    case 'aktivitet': {
      const targets = requireTill('fokusområdet (eller målet) som aktiviteten bidrar till', ['fokusområde', 'mål'], inDoc('fokusområde')[0]?.id ?? 'FO1.1');
      const id = nextId(inDoc('aktivitet').map((n) => n.id), 'A', taken);
      let folder = folderFor('aktivitet', 'aktiviteter');
      if (options.ansvarig) {
        const same = inDoc('aktivitet').filter((n) => n.type === 'aktivitet' && isFileNode(n) && n.fields.ansvarig === options.ansvarig).sort((a, b) => naturalCompare(a.id, b.id));
        folder = same.length > 0 ? path.posix.dirname(same[same.length - 1]!.source.file) : path.posix.join(docFolder === '.' ? '' : docFolder, 'aktiviteter', slugify(options.ansvarig, 'utan-ansvarig'));
      }
      const lines = [
        ...guide(
          'Ny aktivitet. Beskriv aktiviteten i brödtexten under ---.',
          'status: ej påbörjad | pågår | klar | försenad | pausad | avbruten',
          'budget (valfri): { belopp: 1.5, enhet: Mkr, slag: investering }  (enhet kr | tkr | Mkr, slag investering | drift)',
          'beroenden (valfri): aktiviteter som måste bli klara först, t.ex. [A02]',
        ),
        'typ: aktivitet',
        `id: ${id}`,
        `titel: ${quote(options.titel ?? 'Ny aktivitet')}`,
        `bidrar_till: ${list(targets.map((t) => t.id))}`,
        ...(options.ansvarig ? [`ansvarig: ${quote(options.ansvarig)}`] : ['# ansvarig: Förvaltningen eller enheten som äger aktiviteten']),
        `# start: ${options.today}`,
        `# slut: ${year + 1}-12-31`,
        'status: ej påbörjad',
      ];
      return done(type, id, path.posix.join(folder, `${id}.md`), lines, [...(options.ansvarig ? [] : ['ansvarig']), 'slut']);
    }
    case 'indikator': {
      const measures = till.map((t) => resolve(t, ['mål', 'fokusområde'], 'ett mål eller fokusområde'));
      const id = nextId(inDoc('indikator').map((n) => n.id), 'I', taken);
      const lines = [
        ...guide(
          'Ny indikator. Utfall per år skrivs i utfall: eller i årets uppföljning.',
          'riktning: högre | lägre (vilket som är bättre); källa: egen | kolada | enkät (kolada kräver kolada_kpi, t.ex. N07918)',
        ),
        'typ: indikator',
        `id: ${id}`,
        `titel: ${quote(options.titel ?? 'Ny indikator')}`,
        'enhet: "%"',
        'riktning: högre',
        'källa: egen',
        ...(measures.length > 0 ? [`mäter: ${list(measures.map((m) => m.id))}`] : ['# mäter: [M1]']),
        `# målvärden: { ${year + 1}: 80, ${year + 2}: 85 }`,
        `# utfall: { ${year - 1}: 70 }`,
      ];
      return done(type, id, path.posix.join(folderFor('indikator', 'indikatorer'), `${id}.md`), lines, ['målvärden', ...(measures.length > 0 ? [] : ['mäter'])]);
    }
  }
}

function guide(...lines: string[]): string[] {
  return lines.map((l) => `# ${l}`).concat('# Spara och kör: npx sparbar check');
}

function done(type: NewNodeType, id: string, file: string, lines: string[], toFill: string[]): PlannedNode {
  return { type, id, path: file.replace(/^\/+/, ''), toFill, content: ['---', ...lines, '---', '', ''].join('\n') };
}

function freeDocumentId(graph: Graph, wanted: string): string {
  const taken = new Set(graph.nodes.map((n) => n.key));
  if (!taken.has(wanted)) return wanted;
  let n = 2;
  while (taken.has(`${wanted}-${n}`)) n++;
  return `${wanted}-${n}`;
}

function commonFolder(nodes: readonly GraphNode[]): string | undefined {
  const counts = new Map<string, number>();
  for (const n of nodes) counts.set(path.posix.dirname(n.source.file), (counts.get(path.posix.dirname(n.source.file)) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || naturalCompare(a[0], b[0]))[0]?.[0];
  return best === '.' ? '' : best;
}

/** The policy or plan the node goes in: named, the one holding the --till node, or the only one. */
function chooseDocument(index: GraphIndex, type: 'policy' | 'plan', named: string | undefined, till: readonly string[]): GraphNode {
  const documents = index.ofType(type);
  const word = type === 'policy' ? 'policy' : 'plan';
  if (named !== undefined) {
    const doc = index.node(named);
    if (!doc || doc.type !== type) throw new NewNodeError(`"${named}" är ingen ${word}. ${type === 'policy' ? 'Policyer' : 'Planer'}: ${examples(documents)}.`);
    return doc;
  }
  if (documents.length === 1) return documents[0]!;
  if (documents.length === 0) throw new NewNodeError(`Det finns ingen ${word} i mappen. Skapa den först: sparbar ny ${word}.`);
  const holding = documents.filter((d) => till.some((t) => index.node(`${d.key}:${t}`)));
  if (holding.length === 1) return holding[0]!;
  throw new NewNodeError(`Mappen har flera ${type === 'policy' ? 'policyer' : 'planer'}; ange vilken med --plan, t.ex. --plan ${documents[0]!.id}. ${type === 'policy' ? 'Policyer' : 'Planer'}: ${examples(documents)}.`);
}
