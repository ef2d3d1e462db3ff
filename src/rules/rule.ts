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
export type RuleCategory = 'files' | 'schema' | 'graph' | 'coverage' | 'follow-up' | 'configuration';

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
}

/** A rule with its id kept as a literal type, so the catalogue's ids form the RuleId union. */
export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}

/** The id and severity of a problem code, for the module of the rule it is. */
export function problem<const C extends ProblemCode>(code: C): { id: C; severity: (typeof PROBLEM_CODES)[C] } {
  return { id: code, severity: PROBLEM_CODES[code] };
}
