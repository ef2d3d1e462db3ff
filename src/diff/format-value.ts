// A value read from a plan file as a person would write it (numbers with a decimal comma, money, periods,
// decisions), safe inside markdown: the one way the diff and the change history write values. Never JSON.

/** Text safe inside markdown: no emphasis, links, HTML or table breaks from titles people wrote. */
export function escapeMarkdown(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').replace(/[\\`*_{}[\]<>|#~!]/g, (c) => `\\${c}`);
}

/** A number with a decimal comma. */
export const num = (n: number) => String(n).replace('.', ',');
/** A map from year (ÅÅÅÅ) to number: målvärden, utfall, per_år. */
export const isYearMap = (v: unknown): v is Record<string, number> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).every((k) => /^\d{4}$/.test(k));
/** A date written ÅÅÅÅ-MM-DD. */
export const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** A value as a person would write it. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(inget)';
  if (typeof v === 'number') return num(v);
  if (typeof v === 'string') return escapeMarkdown(v);
  if (typeof v === 'boolean') return v ? 'ja' : 'nej';
  if (Array.isArray(v)) return v.length === 0 ? '(inget)' : v.map(formatValue).join(', ');
  const o = v as Record<string, unknown>;
  if (typeof o['belopp'] === 'number' && typeof o['enhet'] === 'string') {
    const extra = [o['slag'], o['år']].filter((x) => x !== undefined).map(formatValue).join(', ');
    return `${num(o['belopp'])} ${escapeMarkdown(o['enhet'])}${extra ? ` (${extra})` : ''}`;
  }
  if ('från' in o && 'till' in o) return `${formatValue(o['från'])}${typeof o['från'] === 'number' ? '–' : ' – '}${formatValue(o['till'])}`;
  if (typeof o['min'] === 'number' && typeof o['max'] === 'number') return `${num(o['min'])}–${num(o['max'])}`;
  if (typeof o['period'] === 'string' && typeof o['organ'] === 'string' && typeof o['datum'] === 'string')
    return `${o['period']}: ${escapeMarkdown(o['organ'])} ${o['datum']}${typeof o['paragraf'] === 'string' ? ` ${escapeMarkdown(o['paragraf'])}` : ''}`;
  if (typeof o['vad'] === 'string') return `${escapeMarkdown(o['vad'])}${[o['ansvarig'], o['senast']].some((x) => typeof x === 'string') ? ` (${[o['ansvarig'], o['senast']].filter((x) => typeof x === 'string').map(formatValue).join(', ')})` : ''}`;
  if (typeof o['titel'] === 'string' && ('adress' in o || 'fil' in o)) return escapeMarkdown(o['titel']);
  if (typeof o['datum'] === 'string' && typeof o['beskrivning'] === 'string') return `${o['datum']}: ${escapeMarkdown(o['beskrivning'])}`;
  if (isYearMap(o)) return Object.keys(o).sort().map((y) => `${y}: ${num(o[y]!)}`).join(', ');
  if (typeof o['id'] === 'string' && typeof o['titel'] === 'string') return `${escapeMarkdown(o['id'])} ${escapeMarkdown(o['titel'])}`;
  // Anything else in words, key by key: never the value as JSON.
  return Object.keys(o)
    .filter((k) => o[k] !== undefined && o[k] !== null)
    .map((k) => `${k.replace(/_/g, ' ')} ${formatValue(o[k])}`)
    .join(', ');
}
