// The whole check: find files, read, validate, build the graph; returns the graph and every message, never throws on input.
import { existsSync, statSync } from 'node:fs';
import { discoverFiles } from '../files/discover.js';
import { requirePeriod, withPeriodMessages } from '../followup/require-period.js';
import { buildGraph, buildStructure, completeGraph, type GraphStructure } from '../graph/build-graph.js';
import type { Graph } from '../graph/types.js';
import { MessageSink, sortMessages, type CheckMessage, type RuleSettings } from '../messages/report.js';
import { readPlanFile, type ReadPlanFile } from '../parse/read-plan-file.js';
import { validateFile, type ValidFile } from '../validate/validate-file.js';
import { RULES } from '../rules/index.js';
import { loadRuleSettings } from '../rules/settings.js';

export interface CheckResult {
  graph: Graph;
  /** Every message, sorted by file, line and column. */
  messages: CheckMessage[];
  /** Number of markdown files read. */
  fileCount: number;
}

/** Thrown only when the plans folder itself is missing or not a folder (a usage error, exit 2). */
export class PlansFolderError extends Error {}

export interface CheckOptions {
  /** Require a complete follow-up for this period (ÅÅÅÅ-MM): missing or unfilled follow-ups are errors. */
  requirePeriod?: string;
  /**
   * The rules' severities (see src/rules/settings.ts). Without them checkPlans and CheckSession read `regler` in
   * the plans folder's sparbar.config.json, and report what is wrong in it; checkFiles reads it among its files.
   */
  rules?: RuleSettings;
}

/** Checks the plans folder at `root` and builds its graph. */
export function checkPlans(root: string, options: CheckOptions = {}): CheckResult {
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new PlansFolderError(`Planmappen "${root}" finns inte eller är ingen mapp.`);
  }
  const config = options.rules === undefined ? loadRuleSettings(root) : { settings: options.rules, messages: [] };
  const sink = new MessageSink(config.settings);
  sink.messages.push(...config.messages);
  const files = discoverFiles(root, sink);
  const valid: ValidFile[] = [];
  const invalid: ReadPlanFile[] = [];
  for (const file of files) {
    try {
      const read = readPlanFile(file, sink);
      const v = read && validateFile(read, sink);
      if (v) valid.push(v);
      else if (read) invalid.push(read);
    } catch (error) {
      reportInternal(sink, file.path, error);
    }
  }
  let graph: Graph;
  let structure: GraphStructure | undefined;
  try {
    structure = buildStructure(valid, invalid, sink, RULES);
    graph = completeGraph(structure, sink, RULES);
  } catch (error) {
    reportInternal(sink, '.', error);
    graph = buildGraph([], [], new MessageSink(), RULES);
  }
  const messages = options.requirePeriod === undefined ? sink.messages : withPeriodMessages(sink.messages, requirePeriod(graph, options.requirePeriod, RULES, config.settings, structure?.broken));
  return { graph, messages: sortMessages(messages), fileCount: files.length };
}

function reportInternal(sink: MessageSink, file: string, error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  sink.report('internal-error', `Spårbar kunde inte läsa klart här (${detail}). Det är ett fel i Spårbar, inte nödvändigtvis i filen: rapportera det gärna med filen.`, {
    file,
    line: 1,
    column: 1,
  });
}
