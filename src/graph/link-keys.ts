// The link keys of the file format: for each type of file, the keys that name other nodes, the edge each makes and
// the node types it may name. The graph makes its links from this table (collect-nodes), reads the links of files
// with errors with it (shadows) and the editor offers these types in its pickers (src/editor/decap-fields.ts).
import type { EdgeType, NodeType } from './types.js';

/** A link key: the edge its links make and the node types they may name. */
export interface LinkKey {
  edge: EdgeType;
  allowed: readonly NodeType[];
}

/** What a goal's or focus area's `styrprinciper` may name: a principle, or a sub-point of one (SP12.a). */
const PRINCIPLES: LinkKey = { edge: 'realises', allowed: ['styrprincip', 'underpunkt'] };
const ORGANISATIONS: LinkKey = { edge: 'belongs-to', allowed: ['organisation'] };
/** A goal's or focus area's links to the vision: `effektmål` (serves) and `framgångsfaktorer` (relies-on). */
const VISION = { effektmål: { edge: 'serves', allowed: ['effektmål'] }, framgångsfaktorer: { edge: 'relies-on', allowed: ['framgångsfaktor'] } } as const satisfies Record<string, LinkKey>;

/** The link keys of each type of file, by key. A follow-up's `avser` makes no edge: see FOLLOWED_UP. */
export const LINK_KEYS = {
  plan: { organisationer: ORGANISATIONS, organisation: ORGANISATIONS, policy: { edge: 'implements', allowed: ['policy'] }, ersätter: { edge: 'replaces', allowed: ['plan'] } },
  policy: { organisationer: ORGANISATIONS, ersätter: { edge: 'replaces', allowed: ['policy'] } },
  styrprincip: { område: { edge: 'part-of', allowed: ['område'] } },
  mål: { styrprinciper: PRINCIPLES, områden: { edge: 'realises', allowed: ['område'] }, ...VISION },
  fokusområde: { mål: { edge: 'part-of', allowed: ['mål'] }, styrprinciper: PRINCIPLES, ...VISION },
  aktivitet: { bidrar_till: { edge: 'contributes-to', allowed: ['fokusområde', 'mål'] }, beroenden: { edge: 'depends-on', allowed: ['aktivitet'] } },
  indikator: { mäter: { edge: 'measures', allowed: ['mål', 'fokusområde'] }, grupp: { edge: 'member-of', allowed: ['indikator'] } },
} as const satisfies Record<string, Record<string, LinkKey>>;

/**
 * The node types a follow-up may be written for (`avser`): an area, where a policy has areas instead of principles,
 * and an effect (effektmål) among them. The follow-up is attached to that node (src/graph/follow-ups.ts).
 */
export const FOLLOWED_UP: readonly NodeType[] = ['område', 'styrprincip', 'effektmål', 'mål', 'fokusområde', 'aktivitet', 'indikator'];
