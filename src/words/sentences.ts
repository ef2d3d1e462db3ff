// The site's counted phrases and sentences: a count of actions by status, of goals or focus areas by assessment,
// the actions with a budget, and what changed since the last follow-up. Each agrees with its number (1 klar,
// 5 klara; 1 uppfyllt mål, 3 uppfyllda mål) and puts the verb second in a main clause that starts with
// something else than its subject (V2: "Sedan augusti 2025 har 14 aktiviteter blivit klara"), as Svenska
// Akademiens språklära describes. test/words/sentences.test.ts renders each with 0, 1 and 2.
import type { AKTIVITET_STATUS, BEDOMNING } from '../../schemas/plan-files.js';
import { ADJECTIVES, agree, capitalise, counted, joinSwedish, NOUNS, nounFor, type Adjective, type Noun } from './agreement.js';
import { NODE_WORDS } from './nodes.js';

/** An action's status and an assessment, as the file format spells them (the graph's ActionStatus and Assessment). */
type ActionStatus = (typeof AKTIVITET_STATUS)[number];
type Assessment = (typeof BEDOMNING)[number];

/** An action status as a word that agrees: `1 klar`, `2 klara`; `pågår` is a verb and stays as it is (`2 pågår`). */
export const STATUS_WORDS: Record<ActionStatus, Adjective> = {
  'ej påbörjad': { en: 'ej påbörjad', ett: 'ej påbörjat', many: 'ej påbörjade' },
  pågår: { en: 'pågår', ett: 'pågår', many: 'pågår' },
  klar: ADJECTIVES.klar,
  försenad: ADJECTIVES.försenad,
  pausad: { en: 'pausad', ett: 'pausat', many: 'pausade' },
  avbruten: { en: 'avbruten', ett: 'avbrutet', many: 'avbrutna' },
};

/**
 * An assessment (stored in its neuter form, as in "målet är uppfyllt") as a word that agrees; `saknas` is "ej bedömd",
 * `ej inlämnad` a follow-up opened but not filled in.
 */
export const ASSESSMENT_WORDS: Record<Assessment | 'saknas' | 'ej inlämnad', Adjective> = {
  uppfyllt: ADJECTIVES.uppfylld,
  'delvis uppfyllt': ADJECTIVES['delvis uppfylld'],
  'ej uppfyllt': ADJECTIVES['ej uppfylld'],
  saknas: { en: 'ej bedömd', ett: 'ej bedömt', many: 'ej bedömda' },
  'ej inlämnad': { en: 'ej inlämnad', ett: 'ej inlämnat', many: 'ej inlämnade' },
};

/** The word for `n` actions with `status`, without the number: `klar` for 1, `klara` otherwise, `pågår` always. */
export function statusWord(n: number, status: ActionStatus): string {
  return agree(STATUS_WORDS[status], n, NODE_WORDS.aktivitet);
}

/** `n` actions with `status`, the noun understood from the column: `0 klara`, `1 klar`, `2 klara`, `2 pågår`. */
export function statusCount(n: number, status: ActionStatus): string {
  return `${n} ${statusWord(n, status)}`;
}

/**
 * `n` goals, focus areas or principles with `assessment`: `1 uppfyllt mål`, `3 uppfyllda mål`,
 * `2 delvis uppfyllda fokusområden`, `1 ej bedömt fokusområde`. Without the noun (`withNoun: false`, where a column
 * heading names it) the adjective still agrees with it: `1 uppfyllt`, `5 uppfyllda`.
 */
export function assessmentCount(n: number, assessment: Assessment | 'saknas' | 'ej inlämnad', noun: Noun, withNoun = true): string {
  const adjective = agree(ASSESSMENT_WORDS[assessment], n, noun);
  return withNoun ? `${n} ${adjective} ${nounFor(n, noun)}` : `${n} ${adjective}`;
}

/**
 * `part` of `total` actions that are `adjectives` (joined by "eller"), with a `verb` before them if given: the noun
 * agrees with the total, the adjectives with the part (with the total when the part is 0), as the part is the
 * subject: `1 av 1 aktivitet klar`, `0 av 1 aktivitet klar`,
 * `1 av 3 aktiviteter klar`, `2 av 3 aktiviteter klara`, `1 av 2 aktiviteter är ej påbörjad eller försenad`.
 */
export function actionsShare(part: number, total: number, adjectives: readonly Adjective[], verb?: string): string {
  // None of them agrees with the total instead: "0 av 1 aktivitet klar", "0 av 2 aktiviteter klara".
  const words = adjectives.map((a) => agree(a, part === 0 ? total : part, NODE_WORDS.aktivitet)).join(' eller ');
  return `${part} av ${counted(total, NODE_WORDS.aktivitet)} ${verb ? `${verb} ` : ''}${words}`;
}

/** Every one of `total` actions done: `den enda aktiviteten är klar` for 1, `alla 3 aktiviteter är klara` otherwise. */
export function allActionsDone(total: number): string {
  return total === 1 ? 'den enda aktiviteten är klar' : `alla ${counted(total, NODE_WORDS.aktivitet)} är klara`;
}

/** `(1 av 1 aktivitet har en budget)`'s words: `withBudget av total aktivitet(er) har en budget`; the noun agrees with the total. */
export function budgetShare(withBudget: number, total: number, noun: Noun = NODE_WORDS.aktivitet): string {
  return `${withBudget} av ${counted(total, noun)} har en budget`;
}

/** A main clause in parts, so that a sentence can put its verb second after an adverbial: subject, finite verb, the rest. */
export interface Clause {
  subject: string;
  verb: string;
  rest: string;
}

/**
 * Main clauses after a leading adverbial, joined as a Swedish list: the first with the verb second (`Sedan augusti
 * 2025 har 14 aktiviteter blivit klara`), the others in their own order (`3 aktiviteter har tillkommit och 1 är
 * försenad`). Ends with a full stop.
 */
export function afterAdverbial(adverbial: string, clauses: readonly Clause[]): string {
  const [first, ...others] = clauses;
  if (!first) return '';
  const head = `${capitalise(adverbial)} ${first.verb} ${first.subject} ${first.rest}`;
  return `${joinSwedish([head, ...others.map((c) => `${c.subject} ${c.verb} ${c.rest}`)])}.`;
}

/** What changed in a plan's actions and assessments between two follow-ups, as counts. */
export interface ChangeCounts {
  finished: number;
  added: number;
  cancelled: number;
  late: number;
  reassessed: number;
}

/**
 * The report's summary of what changed since the previous follow-up (`since`: `augusti 2025`), verb second:
 * `Sedan augusti 2025 har 14 aktiviteter blivit klara, 3 aktiviteter har tillkommit, 1 har avbrutits och 1 är
 * försenad.` With nothing changed: `Inget har ändrats sedan augusti 2025.`
 */
export function changesSince(since: string, c: ChangeCounts): string {
  const actions = (n: number, first: boolean) => (first ? counted(n, NODE_WORDS.aktivitet) : String(n));
  const clauses: Clause[] = [];
  const add = (n: number, make: (first: boolean) => Clause) => {
    if (n > 0) clauses.push(make(clauses.length === 0));
  };
  add(c.finished, () => ({ subject: counted(c.finished, NODE_WORDS.aktivitet), verb: 'har', rest: `blivit ${agree(ADJECTIVES.klar, c.finished)}` }));
  add(c.added, () => ({ subject: counted(c.added, NODE_WORDS.aktivitet), verb: 'har', rest: 'tillkommit' }));
  add(c.cancelled, (first) => ({ subject: actions(c.cancelled, first), verb: 'har', rest: 'avbrutits' }));
  add(c.late, (first) => ({ subject: actions(c.late, first), verb: 'är', rest: agree(ADJECTIVES.försenad, c.late) }));
  add(c.reassessed, () => ({ subject: counted(c.reassessed, NOUNS['mål eller fokusområde']), verb: 'har', rest: 'fått en ny bedömning' }));
  return clauses.length === 0 ? `Inget har ändrats sedan ${since}.` : afterAdverbial(`sedan ${since}`, clauses);
}
