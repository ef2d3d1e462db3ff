// The catalogue of every rule `sparbar check` reports: stable id, default severity, what it checks.
export type Severity = 'error' | 'warning';

export interface Rule {
  readonly id: string;
  readonly severity: Severity;
  /** One Swedish line describing what the rule checks. */
  readonly description: string;
}

const rules = [
  // files
  { id: 'invalid-utf8', severity: 'error', description: 'Filen är inte giltig UTF-8.' },
  { id: 'empty-file', severity: 'warning', description: 'Filen är tom.' },
  { id: 'unreadable-file', severity: 'error', description: 'Filen eller mappen gick inte att läsa.' },
  { id: 'internal-error', severity: 'error', description: 'Ett oväntat fel i Spårbar när filen lästes.' },
  { id: 'symlink-outside', severity: 'error', description: 'En symbolisk länk pekar ut ur planmappen.' },
  { id: 'frontmatter-missing', severity: 'error', description: 'Filen ser ut som en planfil men saknar frontmatter-block mellan två rader ---.' },
  { id: 'frontmatter-unclosed', severity: 'error', description: 'Frontmatter-blocket avslutas inte med en rad ---.' },
  { id: 'not-a-plan-file', severity: 'warning', description: 'Filen har ingen typ och ingår inte i planen.' },
  { id: 'yaml-syntax', severity: 'error', description: 'Frontmatter är inte giltig YAML.' },
  { id: 'duplicate-key', severity: 'error', description: 'Samma nyckel förekommer två gånger.' },
  // schema
  { id: 'unknown-key', severity: 'error', description: 'Nyckeln finns inte i filformatet.' },
  { id: 'missing-key', severity: 'error', description: 'En obligatorisk nyckel saknas.' },
  { id: 'wrong-type', severity: 'error', description: 'Värdet har fel typ (text, tal, lista, …).' },
  { id: 'invalid-value', severity: 'error', description: 'Värdet är inte ett av de tillåtna.' },
  { id: 'invalid-date', severity: 'error', description: 'Datumet är inte ett verkligt datum på formen ÅÅÅÅ-MM-DD.' },
  { id: 'invalid-period', severity: 'error', description: 'Perioden är inte på formen ÅÅÅÅ-MM.' },
  { id: 'invalid-format', severity: 'error', description: 'Värdet har fel form (id, kommunkod, Kolada-id, …).' },
  { id: 'end-before-start', severity: 'error', description: 'Ett slut ligger före sin start.' },
  { id: 'scale-out-of-range', severity: 'error', description: 'Ett värde ligger utanför indikatorns skala.' },
  // graph
  { id: 'duplicate-id', severity: 'error', description: 'Samma id används två gånger.' },
  { id: 'unknown-reference', severity: 'error', description: 'En hänvisning pekar på ett id som inte finns.' },
  { id: 'wrong-reference-type', severity: 'error', description: 'En hänvisning pekar på en nod av fel typ.' },
  { id: 'reference-cycle', severity: 'error', description: 'Hänvisningar bildar en cirkel.' },
  { id: 'no-document', severity: 'error', description: 'Noden ligger inte under någon policy eller plan.' },
  { id: 'multiple-documents', severity: 'error', description: 'Två policy- eller planfiler i samma mapp.' },
  // coverage
  { id: 'principle-uncovered', severity: 'warning', description: 'Inget mål förverkligar styrprincipen.' },
  { id: 'goal-without-focus-area', severity: 'warning', description: 'Målet har inga fokusområden.' },
  { id: 'focus-area-without-action', severity: 'warning', description: 'Ingen aktivitet bidrar till fokusområdet.' },
  { id: 'action-without-owner', severity: 'warning', description: 'Aktiviteten saknar ansvarig.' },
  { id: 'action-without-due-date', severity: 'warning', description: 'Aktiviteten saknar slutdatum.' },
  { id: 'indicator-without-target', severity: 'warning', description: 'Indikatorn saknar målvärden.' },
  // follow-up
  { id: 'followup-unknown-node', severity: 'error', description: 'Uppföljningen avser en nod som inte finns.' },
  { id: 'followup-unknown-period', severity: 'error', description: 'Uppföljningens period ligger utanför planens eller policyns period.' },
  { id: 'followup-duplicate', severity: 'error', description: 'Två uppföljningar för samma nod och period.' },
  { id: 'followup-wrong-fields', severity: 'error', description: 'Uppföljningen saknar eller har fel fält för nodens typ.' },
  { id: 'followup-missing', severity: 'error', description: 'En aktiv nod saknar uppföljning för perioden (med --require-period).' },
  { id: 'followup-unfilled', severity: 'error', description: 'Uppföljningen är skapad men inte ifylld (med --require-period).' },
  { id: 'assessment-disagrees-with-rollup', severity: 'warning', description: 'Bedömningen går emot statusen för aktiviteterna under.' },
  { id: 'indicator-value-conflict', severity: 'error', description: 'Två olika utfall för samma indikator och år.' },
] as const satisfies readonly Rule[];

export type RuleId = (typeof rules)[number]['id'];

/** Every rule, in catalogue order. */
export const RULES: readonly Rule[] = rules;

const byId = new Map<string, Rule>(rules.map((r) => [r.id, r]));

/** The rule with this id; throws only on a programming error (an id not in the catalogue). */
export function ruleById(id: RuleId): Rule {
  const rule = byId.get(id);
  if (!rule) throw new Error(`unknown rule id ${id}`);
  return rule;
}
