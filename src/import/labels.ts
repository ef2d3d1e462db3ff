// The words Swedish plans use to name their parts: section headings ("Vision", "Styrprinciper",
// "Övergripande mål", "Handlingsplan", "Ansvar och uppföljning") and the labels inside a goal or an area
// ("Fokusområden:", "Förväntat resultat 2018", "Styrprinciper för området:", "Förverkligar styrprinciperna:").

export type SectionKind =
  | 'vision'
  | 'effects'
  | 'principles'
  | 'goals'
  | 'actions'
  | 'responsibility'
  | 'current'
  | 'target'
  | 'success'
  | 'indicators'
  | 'revisions'
  | 'intro';

/** A heading without its section number ("2.1 Vision" → "Vision") and trailing colon. */
export function headingWords(text: string): string {
  return text
    .replace(/^(?:kapitel\s+)?\d+(?:\.\d+)*\.?\s+(?=\p{L})/iu, '')
    .replace(/[:.]\s*$/, '')
    .trim();
}

const SECTIONS: [RegExp, SectionKind][] = [
  [/^(vår |en gemensam |gemensam )?vision(en)?\b/i, 'vision'],
  [/^(effekter|effektmål|önskade effekter|vad (it|it och digitalisering|digitaliseringen|digitalisering) ska leda till)/i, 'effects'],
  [/^(strategiska |övergripande )?(styrprinciper|principer)\b(?! för området)/i, 'principles'],
  [/^(strategiska |prioriterade )?områden\b|^strategiska områden/i, 'principles'],
  [/^(övergripande |strategiska |långsiktiga )?mål(område(n)?)?( och fokusområden)?$|^mål för |^målen\b/i, 'goals'],
  [/^(handlingsplan|aktiviteter|åtgärder|åtgärdsplan|aktivitetsplan|insatser|uppdrag)\b/i, 'actions'],
  [/^(ansvar|ansvar och uppföljning|ansvarsfördelning|uppföljning|uppföljning och översyn|översyn|genomförande|roller och ansvar|organisation och ansvar)\b/i, 'responsibility'],
  [/^(nuläge|nulägesbeskrivning|nulägesanalys|utgångsläge)\b/i, 'current'],
  [/^(målbild|önskat läge|framtida läge)\b/i, 'target'],
  [/^(kritiska )?framgångsfaktorer\b/i, 'success'],
  [/^(indikatorer|nyckeltal|mått)\b/i, 'indicators'],
  [/^(revideringar|revisionshistorik|versionshistorik|ändringar)\b/i, 'revisions'],
  [/^(inledning|bakgrund|syfte|om (planen|policyn|strategin|dokumentet)|sammanfattning)\b/i, 'intro'],
];

/** The kind of section a heading opens, or null for a heading of its own (an area, a goal, a topic). */
export function sectionOf(heading: string): SectionKind | null {
  const words = headingWords(heading);
  for (const [re, kind] of SECTIONS) if (re.test(words)) return kind;
  return null;
}

/** "Fokusområden:" (alone). */
export const FOCUS_LABEL = /^(fokusområden|fokusområde|prioriterade områden|fokus)\s*:?\s*$/i;
/** "Förväntat resultat 2027", "Förväntat resultat år 2027:", with the text that may follow. */
export const RESULT_LABEL = /^(?:förväntat|förväntade) resultat(?:\s+(?:år\s+)?((?:19|20|21)\d{2}))?\s*:?\s*(.*)$/i;
/** "Styrprinciper för området:". */
export const AREA_PRINCIPLES_LABEL = /^(?:styrprinciper|principer)(?: för (?:området|detta område))?\s*:\s*$/i;
/** "Förverkligar styrprinciperna: SP7, SP8", "Målet bidrar till styrprincip 1, 4 och 7". */
export const REALISES_LABEL = /^(?:målet\s+)?(?:förverkligar|realiserar|bidrar till|kopplas till|stödjer|utgår från)\s+(?:styrprinciperna|styrprincipen|styrprinciper|styrprincip|principerna|principer)\s*:?\s*(.+)$/i;
/** "Ansvarig: Kommundirektören". */
export const OWNER_LABEL = /^(?:ansvarig|ansvar|ägare|målägare)\s*:\s*(.+)$/i;
/** "Målår: 2027". */
export const TARGET_YEAR_LABEL = /^målår\s*:?\s*((?:19|20|21)\d{2})\.?$/i;
/** "Mål:" inside an area (a shared policy's goals under its areas). */
export const GOALS_LABEL = /^(mål|målen|mål för området)\s*:\s*$/i;
/** "Aktiviteter:", "Genomfört 2024", "I fokus 2025", "Planerade åtgärder:" inside a goal or area. */
export const ACTIONS_LABEL = /^(aktiviteter|åtgärder|insatser|planerade (?:aktiviteter|åtgärder|insatser)|(?:i\s+)?fokus(?:\s+(?:under\s+)?((?:19|20|21)\d{2}))|genomfört(?:\s+(?:under\s+)?((?:19|20|21)\d{2}))?|planerat(?:\s+(?:för\s+)?((?:19|20|21)\d{2}))?)\s*:?\s*$/i;
/** "Ur policyn: …", "Förverkligar: …" (the policy a plan carries out). */
export const POLICY_LABEL = /^(?:ur policyn|förverkligar|policy)\s*:\s*(.+)$/i;

/** True for a line that is a label and so starts a block of its own. */
export function isLabel(text: string): boolean {
  const t = text.trim();
  return (
    FOCUS_LABEL.test(t) ||
    /^(?:förväntat|förväntade) resultat(?:\s+(?:år\s+)?(?:19|20|21)\d{2})?\s*:?\s*$/i.test(t) ||
    AREA_PRINCIPLES_LABEL.test(t) ||
    GOALS_LABEL.test(t) ||
    ACTIONS_LABEL.test(t) ||
    REALISES_LABEL.test(t) ||
    TARGET_YEAR_LABEL.test(t)
  );
}
