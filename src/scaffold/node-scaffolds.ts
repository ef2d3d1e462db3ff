// The table of `sparbar ny`: one entry per node type, saying where its new file goes, its next free id, its
// required keys (values, not YAML text: src/parse/write-frontmatter.ts writes them) and a short guide.
import path from 'node:path';
import type { FrontmatterEntry } from '../parse/write-frontmatter.js';
import { naturalCompare } from '../util/natural-compare.js';
import { slugify } from '../util/slug.js';
import { commonFolder, examples, freeDocumentId, isFileNode, NewNodeError, nextId, type NewNodeType, type ScaffoldContext } from './context.js';

/** A new node file before it is written: its id and path, its keys, comments and what is left to fill in. */
export interface NodeDraft {
  id: string;
  /** Path relative to the plans folder. */
  file: string;
  /** Comment lines at the top. */
  guide: string[];
  entries: FrontmatterEntry[];
  /** Comment lines after the last key: optional keys left for the user. */
  after?: string[];
  /** Keys left for the user to fill in (they give warnings until then). */
  toFill: string[];
}

const title = (ctx: ScaffoldContext, fallback: string): FrontmatterEntry => ({ key: 'titel', value: ctx.options.titel ?? fallback, text: true });
const ids = (key: string, nodes: readonly { id: string }[]): FrontmatterEntry => ({ key, value: nodes.map((n) => n.id), flow: true });
/** The decision's keys as comments to fill in: Spårbar never invents a fact the documents do not give. */
const adoptedLater = (by: string, more: readonly string[] = []): string[] => [
  'När beslutet är fattat, eller om dokumentet anger dem (utelämnade ger en varning, aldrig ett påhittat värde):',
  `antagen_av: ${by}`,
  'antagen: ÅÅÅÅ-MM-DD',
  ...more,
];

export const NODE_SCAFFOLDS: Record<NewNodeType, (ctx: ScaffoldContext) => NodeDraft> = {
  organisation(ctx) {
    const id = freeDocumentId(ctx.graph, 'ny-organisation');
    return {
      id,
      file: path.posix.join(commonFolder(ctx.index.ofType('organisation')) ?? 'organisationer', `${id}.md`),
      guide: ['Ny organisation: en kommun, ett kommunalförbund eller en annan organisation.', 'kommunkod är kommunens fyra siffror (används mot Kolada).'],
      entries: [{ key: 'typ', value: 'organisation' }, { key: 'id', value: id }, title(ctx, 'Ny organisation')],
      after: ['kommunkod: "0000"'],
      toFill: [],
    };
  },

  policy(ctx) {
    const { index, till } = ctx;
    const orgs = till.length > 0 ? till : index.ofType('organisation').map((o) => o.id).slice(0, 1);
    if (orgs.length === 0) throw new NewNodeError('Planen har ingen organisation. Skapa den först: sparbar ny organisation.');
    for (const o of orgs) if (index.node(o)?.type !== 'organisation') throw new NewNodeError(`"${o}" är ingen organisation i planerna. Organisationer: ${examples(index.ofType('organisation'))}.`);
    const id = freeDocumentId(ctx.graph, 'ny-policy');
    return {
      id,
      file: path.posix.join(id, 'policy.md'),
      guide: ['Ny policy, antagen av kommunfullmäktige: områden med styrprinciper. Visionen skrivs i brödtexten.', 'Styrprinciper skrivs under sitt område eller i egna filer (sparbar ny styrprincip).'],
      entries: [
        { key: 'typ', value: 'policy' },
        { key: 'id', value: id },
        title(ctx, 'Ny IT- och digitaliseringspolicy'),
        { key: 'organisationer', value: [...orgs], flow: true },
        { key: 'områden', before: adoptedLater('Kommunfullmäktige', ['giltighet: { från: ÅÅÅÅ-MM-DD, till: ÅÅÅÅ-MM-DD }']), value: [{ id: 'O1', titel: 'Nytt område', styrprinciper: [{ id: 'SP1', titel: 'Ny styrprincip' }] }] },
      ],
      toFill: [],
    };
  },

  plan(ctx) {
    const { index, till, year } = ctx;
    const policies = index.ofType('policy');
    const policy = till[0] !== undefined ? index.node(till[0]) : policies.length === 1 ? policies[0] : undefined;
    if (policy?.type !== 'policy') {
      throw new NewNodeError(`Ange vilken policy planen förverkligar med --till, t.ex. --till ${policies[0]?.id ?? 'kommunens-it-policy'}. Policyer: ${examples(policies)}.`);
    }
    const org = index.out(policy.key, 'belongs-to')[0];
    if (org === undefined) throw new NewNodeError(`Policyn ${policy.id} har ingen organisation.`);
    const id = freeDocumentId(ctx.graph, `${org}-plan-${year + 1}-${year + 4}`);
    const plans = index.ofType('plan').filter((p) => index.out(p.key, 'belongs-to').includes(org));
    const parent = path.posix.dirname(path.posix.dirname((plans[0] ?? policy).source.file));
    return {
      id,
      file: path.posix.join(parent === '.' ? '' : parent, id, 'plan.md'),
      guide: ['Ny strategisk plan, antagen av kommunstyrelsen. Mål, fokusområden och aktiviteter läggs i mappar under den här filens mapp.', 'ersätter: id för en tidigare plan som den här ersätter (valfri).'],
      entries: [
        { key: 'typ', value: 'plan' },
        { key: 'id', value: id },
        title(ctx, `Strategisk plan ${year + 1}–${year + 4}`),
        { key: 'organisation', value: org },
        { key: 'policy', value: policy.id },
        { key: 'period', value: { från: year + 1, till: year + 4 }, flow: true, comment: 'ändra till planens period', before: adoptedLater('Kommunstyrelsen') },
      ],
      toFill: [],
    };
  },

  styrprincip(ctx) {
    const d = ctx.inDocument('policy');
    const [area] = d.requireTill('området som styrprincipen hör till', ['område'], d.nodes('område')[0]?.id ?? 'O1');
    const id = nextId(d.nodes('styrprincip').map((n) => n.id), 'SP', d.taken);
    return {
      id,
      file: path.posix.join(d.folderFor('styrprincip', 'styrprinciper'), `${id}.md`),
      guide: ['Ny styrprincip i en egen fil (för en lång text). Underpunkter karaktäriserar principen.', 'Ett mål förverkligar principen genom att nämna den i sina styrprinciper.'],
      entries: [{ key: 'typ', value: 'styrprincip' }, { key: 'id', value: id }, title(ctx, 'Ny styrprincip'), { key: 'område', value: area!.id }],
      after: ['underpunkter: [Första underpunkten, Andra underpunkten]'],
      toFill: ['ett mål som förverkligar principen'],
    };
  },

  mål(ctx) {
    const d = ctx.inDocument('plan');
    // --till names the principles the goal realises, or areas of a policy that has areas and goals without principles.
    const realised = ctx.till.map((t) => d.resolve(t, ['styrprincip', 'område'], 'en styrprincip eller ett område'));
    const principles = realised.filter((n) => n.type === 'styrprincip');
    const areas = realised.filter((n) => n.type === 'område');
    const id = nextId(d.nodes('mål').map((n) => n.id), 'M', d.taken);
    const planPeriod = d.doc.type === 'plan' ? d.doc.fields.period : undefined;
    const owner = ctx.options.ansvarig;
    return {
      id,
      file: path.posix.join(d.folderFor('mål', 'mal'), `${id}.md`),
      guide: [`Nytt övergripande mål. Fokusområden skrivs under fokusområden: eller i egna filer (sparbar ny fokusområde --till ${id}).`, 'styrprinciper: de styrprinciper i policyn som målet förverkligar.'],
      entries: [
        { key: 'typ', value: 'mål' },
        { key: 'id', value: id },
        title(ctx, 'Nytt mål'),
        ...(areas.length > 0 && principles.length === 0 ? [] : [ids('styrprinciper', principles)]),
        ...(areas.length > 0 ? [ids('områden', areas)] : []),
        ...(owner ? [{ key: 'ansvarig', value: owner, text: true }] : []),
      ],
      after: [
        'förväntat_resultat: Vad som ska vara uppnått vid målåret.',
        `målår: ${planPeriod?.till ?? 'ÅÅÅÅ'}`,
        ...(owner ? [] : ['ansvarig: Kommundirektören']),
        'fokusområden:', `  - { id: FO${/(\d+)$/.exec(id)?.[1] ?? ''}.1, titel: Första fokusområdet }`],
      toFill: ['förväntat_resultat', 'målår', 'fokusområden'],
    };
  },

  fokusområde(ctx) {
    const d = ctx.inDocument('plan');
    const [goal] = d.requireTill('målet som fokusområdet hör till', ['mål'], d.nodes('mål')[0]?.id ?? 'M1');
    const siblings = ctx.index.in(goal!.key, 'part-of').map((k) => ctx.index.node(k)!).filter((n) => n.type === 'fokusområde');
    const goalNumber = /(\d+)$/.exec(goal!.id)?.[1] ?? '';
    const pattern = d.nodes('fokusområde').map((n) => /^(.*?)\d+\.\d+$/.exec(n.id)?.[1]).find((p) => p !== undefined) ?? 'FO';
    const id = nextId(siblings.map((n) => n.id), `${pattern}${goalNumber}.`, d.taken);
    return {
      id,
      file: path.posix.join(d.folderFor('fokusområde', 'fokusomraden'), `${id}.md`),
      guide: [`Nytt fokusområde under målet ${goal!.id} ${goal!.title}.`, 'Aktiviteter bidrar till fokusområdet genom att nämna det i sina bidrar_till.'],
      entries: [{ key: 'typ', value: 'fokusområde' }, { key: 'id', value: id }, title(ctx, 'Nytt fokusområde'), { key: 'mål', value: goal!.id }],
      toFill: ['en aktivitet som bidrar till fokusområdet'],
    };
  },

  aktivitet(ctx) {
    const d = ctx.inDocument('plan');
    const targets = d.requireTill('fokusområdet (eller målet) som aktiviteten bidrar till', ['fokusområde', 'mål'], d.nodes('fokusområde')[0]?.id ?? 'FO1.1');
    const id = nextId(d.nodes('aktivitet').map((n) => n.id), 'A', d.taken);
    const owner = ctx.options.ansvarig;
    let folder = d.folderFor('aktivitet', 'aktiviteter');
    if (owner) {
      const same = d.nodes('aktivitet').filter((n) => n.type === 'aktivitet' && isFileNode(n) && n.fields.ansvarig === owner).sort((a, b) => naturalCompare(a.id, b.id));
      folder = same.length > 0 ? path.posix.dirname(same[same.length - 1]!.source.file) : path.posix.join(d.folder === '.' ? '' : d.folder, 'aktiviteter', slugify(owner, 'utan-ansvarig'));
    }
    return {
      id,
      file: path.posix.join(folder, `${id}.md`),
      guide: [
        'Ny aktivitet. Beskriv aktiviteten i brödtexten under ---.',
        'status: ej påbörjad | pågår | klar | försenad | pausad | avbruten',
        'budget (valfri): { belopp: 1.5, enhet: Mkr, slag: investering }  (enhet kr | tkr | Mkr, slag investering | drift)',
        'beroenden (valfri): aktiviteter som måste bli klara först, t.ex. [A02]',
      ],
      entries: [
        { key: 'typ', value: 'aktivitet' },
        { key: 'id', value: id },
        title(ctx, 'Ny aktivitet'),
        ids('bidrar_till', targets),
        ...(owner ? [{ key: 'ansvarig', value: owner, text: true }] : []),
        {
          key: 'status',
          value: 'ej påbörjad',
          before: [...(owner ? [] : ['ansvarig: Förvaltningen eller enheten som äger aktiviteten']), `start: ${ctx.options.today}`, `slut: ${ctx.year + 1}-12-31`],
        },
      ],
      toFill: [...(owner ? [] : ['ansvarig']), 'slut'],
    };
  },

  indikator(ctx) {
    const d = ctx.inDocument('plan');
    const measures = ctx.till.map((t) => d.resolve(t, ['mål', 'fokusområde'], 'ett mål eller fokusområde'));
    const id = nextId(d.nodes('indikator').map((n) => n.id), 'I', d.taken);
    return {
      id,
      file: path.posix.join(d.folderFor('indikator', 'indikatorer'), `${id}.md`),
      guide: [
        'Ny indikator. Utfall per år skrivs i utfall: eller i årets uppföljning.',
        'riktning: högre | lägre (vilket som är bättre); källa: egen | kolada | enkät (kolada kräver kolada_kpi, t.ex. N07918)',
      ],
      entries: [
        { key: 'typ', value: 'indikator' },
        { key: 'id', value: id },
        title(ctx, 'Ny indikator'),
        { key: 'enhet', value: '%' },
        { key: 'riktning', value: 'högre' },
        { key: 'källa', value: 'egen' },
        ...(measures.length > 0 ? [ids('mäter', measures)] : []),
      ],
      after: [...(measures.length > 0 ? [] : ['mäter: [M1]']), `målvärden: { ${ctx.year + 1}: 80, ${ctx.year + 2}: 85 }`, `utfall: { ${ctx.year - 1}: 70 }`],
      toFill: ['målvärden', ...(measures.length > 0 ? [] : ['mäter'])],
    };
  },
};
