// Facts as Swedish documents write them, read into the file format's values: dates ("27 november 2023",
// "2023-11-27", "27/11 2023"), year spans ("2024–2027"), decision-making bodies, case numbers, action
// status words, and money ("4,5 Mkr", "350 tkr", "5 miljoner kronor"). Each returns null when the text does
// not say it plainly: nothing is guessed.
import { isRealDate } from '../../schemas/plan-files.js';

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const pad = (n: number) => String(n).padStart(2, '0');

/** Every date written in the text, as ÅÅÅÅ-MM-DD, in order. */
export function findDates(text: string): string[] {
  const found: { at: number; date: string }[] = [];
  for (const m of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) found.push({ at: m.index, date: `${m[1]}-${m[2]}-${m[3]}` });
  const months = MONTHS.join('|');
  for (const m of text.matchAll(new RegExp(`\\b(\\d{1,2})(?::e|:a)?\\s+(${months})\\s+(\\d{4})\\b`, 'giu'))) {
    found.push({ at: m.index, date: `${m[3]}-${pad(MONTHS.indexOf(m[2]!.toLowerCase()) + 1)}-${pad(Number(m[1]))}` });
  }
  for (const m of text.matchAll(/\b(\d{1,2})\/(\d{1,2})\s+(\d{4})\b/g)) found.push({ at: m.index, date: `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}` });
  return found
    .filter((f) => isRealDate(f.date))
    .sort((a, b) => a.at - b.at)
    .map((f) => f.date);
}

/** The first date in the text, or null. */
export function findDate(text: string): string | null {
  return findDates(text)[0] ?? null;
}

/** A span of years: "2024–2027", "2024-2027", "2024 till 2027", "2024/2027"; a single year gives from = to. */
export function findYearSpan(text: string): { från: number; till: number } | null {
  const m = /\b((?:19|20|21)\d{2})\s*(?:[–—-]|till|\/)\s*((?:19|20|21)\d{2})\b/.exec(text);
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2]);
  return to >= from ? { från: from, till: to } : null;
}

/** A year on its own (1900–2199), the first one. */
export function findYear(text: string): number | null {
  const m = /\b((?:19|20|21)\d{2})\b/.exec(text);
  return m ? Number(m[1]) : null;
}

const BODIES: [RegExp, string][] = [
  [/kommunfullmäktige|\bKF\b/i, 'Kommunfullmäktige'],
  [/kommunstyrelsen|\bKS\b/i, 'Kommunstyrelsen'],
  [/regionfullmäktige/i, 'Regionfullmäktige'],
  [/regionstyrelsen/i, 'Regionstyrelsen'],
  [/förbundsfullmäktige/i, 'Förbundsfullmäktige'],
  [/förbundsstyrelsen/i, 'Förbundsstyrelsen'],
  [/förbundsdirektionen|direktionen/i, 'Direktionen'],
];

/** The deciding body named in the text (Kommunfullmäktige, Kommunstyrelsen, …), or another "…nämnden", or null. */
export function findBody(text: string): string | null {
  for (const [re, name] of BODIES) if (re.test(text)) return name;
  const board = /\b(\p{L}+nämnden)\b/iu.exec(text);
  return board ? board[1]!.charAt(0).toUpperCase() + board[1]!.slice(1) : null;
}

/** A case number: "Dnr KS 2023/412", "Diarienummer: KS 2023/412", "KS 2023/412". */
export function findCaseNumber(text: string): string | null {
  const labelled = /\b(?:diarienummer|dnr|diarienr)\.?\s*:?\s*([\p{L}]{0,6}\s*\d{2,4}\s*[/.:-]\s*\d{1,5}(?:[.:-]\d+)*)/iu.exec(text);
  if (labelled) return labelled[1]!.replace(/\s+/g, ' ').trim();
  return null;
}

const STATUS: [RegExp, string][] = [
  [/^(ej|inte)\s+(påbörjad|påbörjat|startad|startat)$|^ej startad$|^planerad$/i, 'ej påbörjad'],
  [/^(pågår|pågående|påbörjad|påbörjat|startad|under arbete|i gång|igång)$/i, 'pågår'],
  [/^(klar|klart|genomförd|genomfört|avslutad|avslutat|slutförd|färdig)$/i, 'klar'],
  [/^(försenad|försenat|fördröjd)$/i, 'försenad'],
  [/^(pausad|pausat|vilande|vilar)$/i, 'pausad'],
  [/^(avbruten|avbrutet|utgår|struken|stoppad)$/i, 'avbruten'],
];

/** An action status word as the format spells it (ej påbörjad | pågår | klar | försenad | pausad | avbruten), or null. */
export function readStatus(text: string): string | null {
  const t = text.trim().replace(/[.]$/, '');
  for (const [re, status] of STATUS) if (re.test(t)) return status;
  return null;
}

export interface Money {
  belopp: number;
  enhet: 'kr' | 'tkr' | 'Mkr';
  /** investering | drift when the text says so. */
  slag?: 'investering' | 'drift';
  /** The year the money is for, when the text gives one in brackets: "250 tkr drift (2024)". */
  år?: number;
  /** The words it was read from. */
  text: string;
}

/** The first amount of money in the text: "4,5 Mkr", "350 tkr", "12 000 kr", "5 miljoner kronor", "2 MSEK". */
export function findMoney(text: string): Money | null {
  // An amount starts where a number starts: never inside another number, a date ("2025-02-30 800 000 kr" is
  // 800 000 kr, not 30 800 000 kr) or a word.
  const m = /(?<![\p{L}\p{N}.,/–-])(\d{1,3}(?:[  ]\d{3})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?)\s*(Mkr|mkr|MSEK|miljoner kronor|milj\.? kr|mnkr|tkr|tusen kronor|kSEK|kr|kronor|SEK)\b/u.exec(text);
  if (!m) return null;
  const amount = Number(m[1]!.replace(/[  ]/g, '').replace(',', '.'));
  if (!Number.isFinite(amount)) return null;
  const unitWord = m[2]!.toLowerCase();
  const enhet = /^(mkr|msek|miljoner kronor|milj\.? kr|mnkr)$/.test(unitWord) ? 'Mkr' : /^(tkr|tusen kronor|ksek)$/.test(unitWord) ? 'tkr' : 'kr';
  const kind = /investering/i.test(text) ? 'investering' : /\bdrift/i.test(text) ? 'drift' : undefined;
  const year = /\(((?:19|20|21)\d{2})\)/.exec(text.slice(m.index));
  return { belopp: amount, enhet, ...(kind ? { slag: kind } : {}), ...(year ? { år: Number(year[1]) } : {}), text: m[0] };
}
