// `check --require-period`: every active node of the period must have a filled-in follow-up. What is missing is
// worked out here; the rules that report it (followup-missing, followup-unfilled) live in src/rules/.
import type { Graph } from '../graph/types.js';
import { indexGraph, type GraphIndex } from '../graph/graph-index.js';
import { reportFor, type Report } from '../graph/rule-checks.js';
import { NO_BROKEN_LINKS, type BrokenLinks } from '../graph/shadows.js';
import { MessageSink, type RuleSettings, type Severity } from '../messages/report.js';
import { periodStatus, type OwnerStatus } from './period-status.js';

/** What a period check sees: per owner, what is still missing for the period. */
export interface PeriodContext {
  /** The period required, ÅÅÅÅ-MM. */
  readonly period: string;
  readonly owners: readonly OwnerStatus[];
  readonly index: GraphIndex;
  /** Links left out of the graph because one end lies in a file with errors (a broken follow-up is not a missing one). */
  readonly broken: BrokenLinks;
  readonly report: Report;
}

/** A rule as a period is checked with: its id, default severity and its period check. */
export interface PeriodRule {
  readonly id: string;
  readonly severity: Severity;
  /** The check of one follow-up period, run only with `--require-period`. */
  period?(context: PeriodContext): void;
}

/**
 * Messages of `rules`' period checks for `period` on the graph: errors (the period is required to be complete) unless
 * the configuration gives the rule another severity; `broken` from the graph's structure.
 */
export function requirePeriod(graph: Graph, period: string, rules: readonly PeriodRule[], settings?: RuleSettings, broken: BrokenLinks = NO_BROKEN_LINKS): MessageSink['messages'] {
  const sink = new MessageSink(settings);
  const context = { period, owners: periodStatus(graph, period), index: indexGraph(graph.nodes, graph.edges), broken };
  for (const rule of rules) if (rule.period && sink.isOn(rule.id)) rule.period({ ...context, report: reportFor({ id: rule.id, severity: 'error' }, sink) });
  for (const m of sink.messages) PERIOD_MESSAGES.add(m);
  return sink.messages;
}

const PERIOD_MESSAGES = new WeakSet<object>();

/** Whether `message` came from a period check (requirePeriod), not from the graph's own checks. */
export function isPeriodMessage(message: object): boolean {
  return PERIOD_MESSAGES.has(message);
}

/**
 * The graph's messages with the period's added: a file the period check reports as not filled in (an error) is not
 * also warned about by the graph's check of the same rule.
 */
export function withPeriodMessages<M extends { ruleId?: string | null; file?: string | undefined }>(messages: readonly M[], period: readonly M[]): M[] {
  const unfilled = new Set(period.filter((m) => m.ruleId === 'followup-unfilled').map((m) => m.file));
  return [...messages.filter((m) => m.ruleId !== 'followup-unfilled' || !unfilled.has(m.file)), ...period];
}
