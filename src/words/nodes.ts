// Swedish words for the node types and the links between them: nouns, labels, articles and link verbs.
import type { EDGE_TYPES, NODE_TYPE_NAMES } from '../../schemas/graph.js';
import { ADJECTIVES, agree, nounFor, type Noun } from './agreement.js';

type NodeType = (typeof NODE_TYPE_NAMES)[number];
type EdgeType = (typeof EDGE_TYPES)[number];

/** Singular and plural of each node type, and whether it takes "ett" (for agreeing adjectives). */
export const NODE_WORDS: Record<NodeType, Noun> = {
  organisation: { one: 'organisation', many: 'organisationer', ett: false },
  policy: { one: 'policy', many: 'policyer', ett: false },
  område: { one: 'område', many: 'områden', ett: true },
  styrprincip: { one: 'styrprincip', many: 'styrprinciper', ett: false },
  underpunkt: { one: 'delpunkt', many: 'delpunkter', ett: false },
  effektmål: { one: 'effektmål', many: 'effektmål', ett: true },
  framgångsfaktor: { one: 'kritisk framgångsfaktor', many: 'kritiska framgångsfaktorer', ett: false },
  plan: { one: 'plan', many: 'planer', ett: false },
  mål: { one: 'mål', many: 'mål', ett: true },
  fokusområde: { one: 'fokusområde', many: 'fokusområden', ett: true },
  aktivitet: { one: 'aktivitet', many: 'aktiviteter', ett: false },
  indikator: { one: 'indikator', many: 'indikatorer', ett: false },
};

/** A node type as the site names it: the kicker above a node's title, a column of the open data. */
export const TYPE_LABEL: Record<NodeType, string> = {
  organisation: 'Organisation',
  policy: 'Policy',
  område: 'Område',
  styrprincip: 'Styrprincip',
  underpunkt: 'Delpunkt',
  effektmål: 'Effektmål',
  framgångsfaktor: 'Kritisk framgångsfaktor',
  plan: 'Strategisk plan',
  mål: 'Mål',
  fokusområde: 'Fokusområde',
  aktivitet: 'Aktivitet',
  indikator: 'Indikator',
};

/** A node type in the plural as the site names it: the heading of a list of them. */
export const TYPE_LABEL_PLURAL: Record<NodeType, string> = {
  organisation: 'Organisationer',
  policy: 'Policyer',
  område: 'Områden',
  styrprincip: 'Styrprinciper',
  underpunkt: 'Delpunkter',
  effektmål: 'Effektmål',
  framgångsfaktor: 'Kritiska framgångsfaktorer',
  plan: 'Strategiska planer',
  mål: 'Mål',
  fokusområde: 'Fokusområden',
  aktivitet: 'Aktiviteter',
  indikator: 'Indikatorer',
};

/** "ett mål", "en aktivitet", "en uppföljning", … (lowercase). */
export function withArticle(type: NodeType | 'uppföljning'): string {
  if (type === 'uppföljning') return 'en uppföljning';
  const w = NODE_WORDS[type];
  return `${w.ett ? 'ett' : 'en'} ${w.one}`;
}

/** "ny aktivitet", "nytt mål", "nya aktiviteter": the adjective agreeing with the type and count, and the noun. */
export function countedAdjective(kind: 'ny' | 'ändrad' | 'borttagen', type: NodeType, n: number): string {
  const noun = NODE_WORDS[type];
  return `${agree(ADJECTIVES[kind], n, noun)} ${nounFor(n, noun)}`;
}

/** What each kind of link says, as a verb phrase: "bidrar till", "förverkligar", … */
export const LINK_VERBS: Record<EdgeType, string> = {
  'contributes-to': 'bidrar till',
  realises: 'förverkligar',
  'part-of': 'hör till',
  'depends-on': 'är beroende av',
  measures: 'mäter',
  'member-of': 'ingår i',
  'belongs-to': 'gäller',
  implements: 'genomför',
  replaces: 'ersätter',
  serves: 'bidrar till effektmålet',
  'relies-on': 'förutsätter',
};
