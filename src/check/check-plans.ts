// The whole check: find files, read, validate, build the graph; returns the graph and every message, never throws on input.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { discoverFiles } from '../files/discover.js';
import { requirePeriod, withPeriodMessages } from '../followup/require-period.js';
import { buildGraph, buildStructure, completeGraph, type GraphStructure } from '../graph/build-graph.js';
import type { Graph } from '../graph/types.js';
import { MessageSink, sortMessages, type CheckMessage, type RuleSettings } from '../messages/report.js';
import { readPlanFile, type ReadPlanFile } from '../parse/read-plan-file.js';
import { validateFile, type ValidFile } from '../validate/validate-file.js';
import { RULES } from '../rules/index.js';
import { loadRuleSettings } from '../rules/settings.js';
import { PlansFolderError } from './plans-folder-error.js';
import { withoutDocument } from '../parse/yaml-frontmatter.js';
import { cacheFolder, CheckCache, type FileOutcome } from './check-cache.js';
import { outcomeThroughCache } from './check-files.js';
import type { DiscoveredFile } from '../files/discover.js';

export interface CheckResult {
  graph: Graph;
  /** Every message, sorted by file, line and column. */
  messages: CheckMessage[];
  /** Number of markdown files read. */
  fileCount: number;
}

export { PlansFolderError } from './plans-folder-error.js';

export interface CheckOptions {
  /** Require a complete follow-up for this period (ÅÅÅÅ-MM): missing or unfilled follow-ups are errors. */
  requirePeriod?: string;
  /**
   * The rules' severities (see src/rules/settings.ts). Without them checkPlans and CheckSession read `regler` in
   * the plans folder's sparbar.config.json, and report what is wrong in it; checkFiles reads it among its files.
   */
  rules?: RuleSettings;
  /**
   * Keep what reading and validating each file gave in the check cache (src/check/check-cache.ts) and use it for
   * files whose bytes have not changed: `true` for the plans folder's cache folder (cacheFolder: node_modules/.cache/sparbar
   * of the nearest package, or SPARBAR_CACHE_DIR; none when SPARBAR_CACHE=0), or a CheckCache. Off by default; the
   * messages and the graph are the same either way.
   */
  cache?: boolean | CheckCache;
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
  const cache = options.cache === true ? CheckCache.open(root, cacheFolder(root)) : options.cache || undefined;
  for (const file of files) {
    try {
      const { read, valid: v } = cache ? readCached(file, sink, cache) : readFile(file, sink);
      if (v) valid.push(v);
      else if (read) invalid.push(read);
    } catch (error) {
      reportInternal(sink, file.path, error);
    }
  }
  cache?.save();
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

function readFile(file: DiscoveredFile, sink: MessageSink): FileOutcome {
  const read = readPlanFile(file, sink);
  const valid = read && validateFile(read, sink);
  if (valid) read.parsed = withoutDocument(read.parsed);
  return { read, valid };
}

/** readFile through the cache: the stored outcome when the file's bytes are those stored, else read, validated and stored. */
function readCached(file: DiscoveredFile, sink: MessageSink, cache: CheckCache): FileOutcome {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file.absolutePath);
  } catch {
    // readPlanFile meets the same failure and reports it in the checker's own words.
    return readFile(file, sink);
  }
  return outcomeThroughCache(file.path, bytes, sink, cache);
}

function reportInternal(sink: MessageSink, file: string, error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  sink.report('internal-error', `Spårbar kunde inte läsa klart här (${detail}). Det är ett fel i Spårbar, inte nödvändigtvis i filen: rapportera det gärna med filen.`, {
    file,
    line: 1,
    column: 1,
  });
}
