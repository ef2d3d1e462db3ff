// Swedish words for node types in messages.
import type { NodeType } from './types.js';

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
