// Swedish words for node types in messages.
import type { EdgeType, NodeType } from './types.js';

const WITH_ARTICLE: Record<NodeType, string> = {
  organisation: 'en organisation',
  policy: 'en policy',
  område: 'ett område',
  styrprincip: 'en styrprincip',
  plan: 'en plan',
  mål: 'ett mål',
  fokusområde: 'ett fokusområde',
  aktivitet: 'en aktivitet',
  indikator: 'en indikator',
};

/** "ett mål", "en aktivitet", … (lowercase). */
export function withArticle(type: NodeType | 'uppföljning'): string {
  return type === 'uppföljning' ? 'en uppföljning' : WITH_ARTICLE[type];
}

/** The text with its first letter in upper case. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Singular and plural of each node type, and whether it takes "ett" (for agreeing adjectives). */
export const NODE_WORDS: Record<NodeType, { one: string; many: string; ett: boolean }> = {
  organisation: { one: 'organisation', many: 'organisationer', ett: false },
  policy: { one: 'policy', many: 'policyer', ett: false },
  område: { one: 'område', many: 'områden', ett: true },
  styrprincip: { one: 'styrprincip', many: 'styrprinciper', ett: false },
  plan: { one: 'plan', many: 'planer', ett: false },
  mål: { one: 'mål', many: 'mål', ett: true },
  fokusområde: { one: 'fokusområde', many: 'fokusområden', ett: true },
  aktivitet: { one: 'aktivitet', many: 'aktiviteter', ett: false },
  indikator: { one: 'indikator', many: 'indikatorer', ett: false },
};

/** "ny aktivitet", "nytt mål", "nya aktiviteter": the adjective agreeing with the type and count. */
export function countedAdjective(kind: 'ny' | 'ändrad' | 'borttagen', type: NodeType, n: number): string {
  const w = NODE_WORDS[type];
  const forms = { ny: ['ny', 'nytt', 'nya'], ändrad: ['ändrad', 'ändrat', 'ändrade'], borttagen: ['borttagen', 'borttaget', 'borttagna'] }[kind];
  return `${n === 1 ? forms[w.ett ? 1 : 0] : forms[2]} ${n === 1 ? w.one : w.many}`;
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
};
