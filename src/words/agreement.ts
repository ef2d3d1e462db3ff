// Swedish agreement: a count with its noun (1 aktivitet, 3 aktiviteter), an adjective that agrees with the
// noun's gender and the count (1 klar aktivitet, 1 uppfyllt mål, 3 uppfyllda mål), number words, lists.

/** A noun's singular and plural, and whether it takes `ett` (neuter: mål, fokusområde), for adjectives that agree. */
export interface Noun {
  one: string;
  many: string;
  ett: boolean;
}

/** An adjective or participle in the forms Swedish agreement needs: with an en-word, with an ett-word, in the plural. */
export interface Adjective {
  en: string;
  ett: string;
  many: string;
}

/** Nouns the interface counts (node types are in ./nodes.ts). */
export const NOUNS = {
  ändring: { one: 'ändring', many: 'ändringar', ett: false },
  uppföljning: { one: 'uppföljning', many: 'uppföljningar', ett: false },
  person: { one: 'person', many: 'personer', ett: false },
  fråga: { one: 'fråga', many: 'frågor', ett: false },
  'mål eller fokusområde': { one: 'mål eller fokusområde', many: 'mål och fokusområden', ett: true },
} as const satisfies Record<string, Noun>;

/** Adjectives the interface makes agree. */
export const ADJECTIVES = {
  ny: { en: 'ny', ett: 'nytt', many: 'nya' },
  ändrad: { en: 'ändrad', ett: 'ändrat', many: 'ändrade' },
  borttagen: { en: 'borttagen', ett: 'borttaget', many: 'borttagna' },
  tillagd: { en: 'tillagd', ett: 'tillagt', many: 'tillagda' },
  flyttad: { en: 'flyttad', ett: 'flyttat', many: 'flyttade' },
  klar: { en: 'klar', ett: 'klart', many: 'klara' },
  försenad: { en: 'försenad', ett: 'försenat', many: 'försenade' },
  'ej påbörjad': { en: 'ej påbörjad', ett: 'ej påbörjat', many: 'ej påbörjade' },
  uppfylld: { en: 'uppfylld', ett: 'uppfyllt', many: 'uppfyllda' },
  'delvis uppfylld': { en: 'delvis uppfylld', ett: 'delvis uppfyllt', many: 'delvis uppfyllda' },
  'ej uppfylld': { en: 'ej uppfylld', ett: 'ej uppfyllt', many: 'ej uppfyllda' },
  bedömd: { en: 'bedömd', ett: 'bedömt', many: 'bedömda' },
  'ej bedömd': { en: 'ej bedömd', ett: 'ej bedömt', many: 'ej bedömda' },
  'ej inlämnad': { en: 'ej inlämnad', ett: 'ej inlämnat', many: 'ej inlämnade' },
  ifylld: { en: 'ifylld', ett: 'ifyllt', many: 'ifyllda' },
} as const satisfies Record<string, Adjective>;

/** The noun in its definite singular: aktiviteten, målet, fokusområdet, indikatorn, policyn, delpunkten. */
export function definite(noun: Noun): string {
  const word = noun.one;
  // An adjective before the noun takes den/det and its weak form: den kritiska framgångsfaktorn.
  const space = word.lastIndexOf(' ');
  if (space > 0) return `${noun.ett ? 'det' : 'den'} ${word.slice(0, space)}a ${definite({ ...noun, one: word.slice(space + 1) })}`;
  if (/[aeiouyåäö]$/.test(word)) return `${word}${noun.ett ? 't' : 'n'}`;
  if (/(or|el|er)$/.test(word)) return `${word}n`;
  return `${word}${noun.ett ? 'et' : 'en'}`;
}

/** The noun in the number `n` asks for: `aktivitet` for 1, `aktiviteter` otherwise (0 too). */
export function nounFor(n: number, noun: Noun): string {
  return n === 1 ? noun.one : noun.many;
}

/** A count and its noun: `1 aktivitet`, `3 aktiviteter`, `0 aktiviteter`. */
export function counted(n: number, noun: Noun): string {
  return `${n} ${nounFor(n, noun)}`;
}

/** The adjective's form for `n` of `noun`: `klar` (1 aktivitet), `klart` (1 mål), `klara` (any other count). Without a noun, an en-word. */
export function agree(adjective: Adjective, n: number, noun?: Noun): string {
  if (n !== 1) return adjective.many;
  return noun?.ett ? adjective.ett : adjective.en;
}

/**
 * A count with an agreeing adjective and, if given, the noun: `1 klar`, `5 klara`, `1 uppfyllt mål`,
 * `3 uppfyllda mål`, `1 ny aktivitet`.
 */
export function countedWith(n: number, adjective: Adjective, noun?: Noun): string {
  const adj = agree(adjective, n, noun);
  return noun ? `${n} ${adj} ${nounFor(n, noun)}` : `${n} ${adj}`;
}

const NUMBER_WORDS = ['ingen', 'en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio'];

/** 0 to 10 in words (`ingen`, `en`, `två`, … `tio`: the en-word forms, as Swedish style writes small numbers in running text); other numbers in digits. */
export function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** `a`, `a och b`, `a, b och c` (no comma before och, as Swedish writes lists). */
export function joinSwedish(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

/** The text with its first letter in upper case. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const ORDINALS = ['', 'första', 'andra', 'tredje', 'fjärde', 'femte', 'sjätte', 'sjunde', 'åttonde', 'nionde', 'tionde'];

/** `för andra perioden i rad` for 2, `för tredje perioden i rad` for 3, `för 12:e perioden i rad`; empty for 1 (nothing in a row). */
export function inARow(periods: number): string {
  if (periods <= 1) return '';
  return `för ${ORDINALS[periods] ?? `${periods}:e`} perioden i rad`;
}
