// What a rule is: its id, default severity, Swedish description and, for a rule that looks at the built graph, its
// check, side by side in one module (as ESLint keeps `meta` and `create` together). The checks get what the graph
// offers them (src/graph/rule-checks.ts, src/followup/require-period.ts). Problems found while files are read,
// validated and resolved are reported by those steps under their code (src/messages/problems.ts); their rules'
// modules describe them and have no check of their own, or one for what the schema cannot say.
import type { GraphRule } from '../graph/rule-checks.js';
import type { PeriodRule } from '../followup/require-period.js';
import { PROBLEM_CODES, type ProblemCode } from '../messages/problems.js';
import type { Severity } from '../messages/report.js';

export type { Severity };

/** Where in the chain from file to graph a rule belongs; the documentation groups rules by it. */
export type RuleCategory = 'files' | 'schema' | 'graph' | 'facts' | 'coverage' | 'follow-up' | 'configuration';

/**
 * A small plan for a rule's documentation: the files laid over the examples' base plan (five files: an organisation,
 * a policy with one principle, a plan, a goal with one focus area and an action; test/fixtures/rules/_base, shown on
 * docs/regler/README.md). A test checks each rule's examples: the failing one gives the rule's messages and no
 * others, the passing one gives none.
 */
export interface RuleExample {
  /** What the example shows, one Swedish sentence. */
  readonly title: string;
  /** Files by path in the plans folder, with their text (replacing the base plan's file of that path). */
  readonly files?: Readonly<Record<string, string>>;
  /** Paths among `files` saved in Windows-1252 instead of UTF-8 (every character must exist there). */
  readonly windows1252?: readonly string[];
  /** Symbolic links by path in the plans folder, with what they point at (relative to the link). */
  readonly links?: Readonly<Record<string, string>>;
  /** The text of sparbar.config.json in the plans folder. */
  readonly config?: string;
  /** The example is checked with `--require-period` and this period. */
  readonly requirePeriod?: string;
  /** For what files cannot show (a file that cannot be read): the situation, in Swedish markdown. Not checked. */
  readonly situation?: string;
}

/** A rule's documentation page, in Swedish markdown (generated into docs/regler/<id>.md). */
export interface RuleDocs {
  /** What the rule checks, in more words than the description. */
  readonly details: string;
  /** Why it matters: who is misled, what goes wrong in the published plan or its follow-up. */
  readonly why: string;
  /** How to fix it, step by step where there are steps. */
  readonly fix: string;
  readonly fail: RuleExample;
  readonly pass: RuleExample;
}

/** One rule of `sparbar check`. */
export interface Rule<Id extends string = string> extends GraphRule, PeriodRule {
  /** Stable id, kebab-case English, as in messages, configuration and documentation. */
  readonly id: Id;
  /** Severity unless the configuration says otherwise. */
  readonly severity: Severity;
  /** One Swedish line: what the rule checks. */
  readonly description: string;
  readonly category: RuleCategory;
  /**
   * True when a problem keeps what it is about (a file, a node, a link, a follow-up) out of the plan: always an
   * error, and its severity cannot be configured (the plan would be published without it and nobody told).
   */
  readonly blocking: boolean;
  /** Its documentation page. */
  readonly docs: RuleDocs;
}

/** A rule with its id kept as a literal type, so the catalogue's ids form the RuleId union. */
export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}

/** The id and severity of a problem code, for the module of the rule it is. */
export function problem<const C extends ProblemCode>(code: C): { id: C; severity: (typeof PROBLEM_CODES)[C] } {
  return { id: code, severity: PROBLEM_CODES[code] };
}
