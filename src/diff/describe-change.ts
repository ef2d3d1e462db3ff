// What one changed value is, in plain Swedish: the words the plan diff (src/diff/format-markdown.ts), the page
// "Ändringar sedan antagandet" and the site's change history (src/history/describe-version.ts) all use. A value
// is written as a person would write it, never as JSON; a list of items (a policy's områden with their
// styrprinciper, a goal's fokusområden, budgets) is described item by item (./describe-list-change.ts).
import { capitalise } from '../words/agreement.js';
import type { FieldChange } from './diff-types.js';
import { describeInParts } from './describe-list-change.js';
import { formatValue, isDate, isYearMap } from './format-value.js';
import { stableJson } from './stable-json.js';

export { escapeMarkdown, formatValue, num } from './format-value.js';

/** The label of each field as the diff and the change history write it. */
export const FIELD_LABELS: Record<string, string> = {
  titel: 'Rubrik',
  text: 'Beskrivning',
  fil: 'Fil',
  id: 'Id',
  ansvarig: 'Ansvarig',
  start: 'Startdatum',
  slut: 'Slutdatum',
  status: 'Status',
  budget: 'Budget',
  diarienummer: 'Diarienummer',
  förväntat_resultat: 'Förväntat resultat',
  målår: 'Målår',
  målvärden: 'Målvärde',
  reviderade_målvärden: 'Reviderade målvärden',
  utfall: 'Utfall',
  enhet: 'Enhet',
  enhet_singular: 'Enhet i singular',
  riktning: 'Riktning (bättre är)',
  källa: 'Källa',
  kolada_kpi: 'Kolada-nyckeltal',
  skala: 'Skala',
  beräkning: 'Beräkning',
  antagen: 'Antagen',
  antagen_av: 'Antagen av',
  giltighet: 'Giltighet',
  period: 'Planperiod',
  revideringar: 'Revideringar',
  behandlingar: 'Behandlingar av uppföljningen',
  nytt_slutdatum: 'Nytt slutdatum',
  åtgärder: 'Åtgärder',
  underlag: 'Underlag',
  översyn: 'Översyn',
  underpunkter: 'Underpunkter',
  beskrivning: 'Beskrivning',
  kommunkod: 'Kommunkod',
  webbplats: 'Webbplats',
  bedömning: 'Bedömning',
  prognos: 'Prognos',
  författare: 'Författare',
  datum: 'Datum',
};


/** "(senareläggs 12 månader)" for a later date, "(tidigareläggs 10 dagar)" for an earlier one. */
function dateShift(before: string, after: string): string {
  const [y1, m1, d1] = before.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = after.split('-').map(Number) as [number, number, number];
  const later = after > before;
  let months = Math.abs((y2 - y1) * 12 + (m2 - m1) + (d2 - d1) / 31);
  const word = later ? 'senareläggs' : 'tidigareläggs';
  if (months >= 1) {
    months = Math.round(months);
    return ` (${word} ${months} ${months === 1 ? 'månad' : 'månader'})`;
  }
  const days = Math.round(Math.abs(Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
  return ` (${word} ${days} ${days === 1 ? 'dag' : 'dagar'})`;
}

const LONG_TEXT = new Set(['text', 'beskrivning', 'förväntat_resultat', 'översyn']);

/** Lines for one field change. */
export function describeChange(c: FieldChange): string[] {
  const label = FIELD_LABELS[c.field] ?? capitalise(c.field.replace(/_/g, ' '));
  if (c.field === 'text') {
    if (c.before === '' || c.before === null) return ['Beskrivningen har skrivits.'];
    if (c.after === '' || c.after === null) return ['Beskrivningen har tagits bort.'];
    return ['Beskrivningen har ändrats.'];
  }
  if (LONG_TEXT.has(c.field) && (String(c.before ?? '').length > 160 || String(c.after ?? '').length > 160)) return [`${label} har ändrats.`];
  if ((isYearMap(c.before) || c.before === null) && (isYearMap(c.after) || c.after === null) && (c.before !== null || c.after !== null)) {
    const b = (c.before ?? {}) as Record<string, number>;
    const a = (c.after ?? {}) as Record<string, number>;
    return [...new Set([...Object.keys(b), ...Object.keys(a)])]
      .sort()
      .filter((y) => b[y] !== a[y])
      .map((y) => `${label} ${y}: ${formatValue(b[y] ?? null)} → ${formatValue(a[y] ?? null)}`);
  }
  if (c.field === 'revideringar' && (Array.isArray(c.before) || Array.isArray(c.after))) {
    const before = new Set(((c.before ?? []) as unknown[]).map(stableJson));
    const after = new Set(((c.after ?? []) as unknown[]).map(stableJson));
    const lines = ((c.after ?? []) as unknown[]).filter((r) => !before.has(stableJson(r))).map((r) => `Ny revidering ${formatValue(r)}`);
    lines.push(...((c.before ?? []) as unknown[]).filter((r) => !after.has(stableJson(r))).map((r) => `Revideringen ${formatValue(r)} har tagits bort`));
    return lines;
  }
  const inParts = describeInParts(label, c.field, c.before, c.after);
  if (inParts !== null) return inParts;
  if (c.before === null) return [`${label}: ${formatValue(c.after)} (ny uppgift)`];
  if (c.after === null) return [`${label}: ${formatValue(c.before)} har tagits bort`];
  const shift = isDate(c.before) && isDate(c.after) ? dateShift(c.before, c.after) : '';
  return [`${label}: ${formatValue(c.before)} → ${formatValue(c.after)}${shift}`];
}
