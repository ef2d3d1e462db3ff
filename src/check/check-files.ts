// The check over files already in memory (a git revision, an editor's buffers) and the per-file steps that
// `check --watch` caches: the same parse → validate → graph pipeline as checkPlans, without touching the disk.
import { readFileSync } from 'node:fs';
import { comparePlanPaths, type DiscoveredFile } from '../files/discover.js';
import { buildGraph, buildStructure, completeGraph, draftStructure, linkStructure, type GraphDraft, type GraphSince, type GraphStructure } from '../graph/build-graph.js';
import type { CheckedFile } from '../graph/field-patch.js';
import type { Graph } from '../graph/types.js';
import { requirePeriod, withPeriodMessages } from '../followup/require-period.js';
import { MessageSink, sortMessages, type CheckMessage, type RuleSettings } from '../messages/report.js';
import { readPlanFile, readPlanText, type ReadPlanFile } from '../parse/read-plan-file.js';
import { validateFile, type ValidFile } from '../validate/validate-file.js';
import { RULES } from '../rules/index.js';
import { ruleSettingsOf } from '../rules/settings.js';
import { CONFIG_FILE, parseConfigText } from '../config/config-file.js';
import type { CheckOptions, CheckResult } from './check-plans.js';
import { CheckCache, digestOf, RecordingSink, type FileOutcome } from './check-cache.js';

/** One file of a plans folder: its path relative to the folder (forward slashes) and its bytes. */
export interface PlanFileBytes {
  path: string;
  bytes: Uint8Array;
}

/** What one file contributes to a check: its own messages and its parsed (and, if it passed, validated) frontmatter. */
export interface FileCheck extends CheckedFile {
  /** Messages about this file alone (encoding, YAML, schema). */
  messages: CheckMessage[];
}

/** Parses and validates one file with the rules' `settings`; never throws (an unexpected failure becomes an internal-error message). */
export function checkFileBytes(path: string, bytes: Uint8Array, settings?: RuleSettings): FileCheck {
  const sink = new MessageSink(settings);
  try {
    const read = readPlanText(bytes, path, sink);
    const valid = read && validateFile(read, sink);
    if (valid) return { path, messages: sink.messages, valid };
    if (read) return { path, messages: sink.messages, invalid: read };
  } catch (error) {
    reportInternal(sink, path, error);
  }
  return { path, messages: sink.messages };
}

/** Reads one file from disk and checks it like checkPlans does (an unreadable file gets the same message). */
export function checkDiskFile(file: DiscoveredFile, settings?: RuleSettings): FileCheck & { bytes?: Uint8Array } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file.absolutePath);
  } catch {
    // readPlanFile meets the same failure and reports it in the checker's own words.
    const sink = new MessageSink(settings);
    try {
      readPlanFile(file, sink);
    } catch (error) {
      reportInternal(sink, file.path, error);
    }
    return { path: file.path, messages: sink.messages };
  }
  return { ...checkFileBytes(file.path, bytes, settings), bytes };
}

/** The graph built from per-file results (in the order checkPlans reads files), and the graph's own messages. */
export function graphFromChecks(files: readonly FileCheck[], options: CheckOptions = {}): { graph: Graph; messages: CheckMessage[] } {
  const structure = structureFromChecks(files, options.rules);
  const complete = completeFromStructure(structure.structure, options);
  return { graph: complete.graph, messages: [...structure.messages, ...complete.messages] };
}

/** The graph's structure from per-file results (in checkPlans' order), and the messages about it. */
export function structureFromChecks(files: readonly FileCheck[], settings?: RuleSettings): { structure: GraphStructure; messages: CheckMessage[] } {
  const drafted = draftFromChecks(files, settings);
  const linked = linkFromDraft(drafted.draft, settings);
  return { structure: linked.structure, messages: [...drafted.messages, ...linked.messages] };
}

/** The valid files' documents, nodes and links collected, and the invalid files' shadows, with the messages on the way. */
export function draftFromChecks(files: readonly FileCheck[], settings?: RuleSettings): { draft: GraphDraft; messages: CheckMessage[] } {
  const valid: ValidFile[] = [];
  const invalid: ReadPlanFile[] = [];
  for (const f of files) {
    if (f.valid) valid.push(f.valid);
    else if (f.invalid) invalid.push(f.invalid);
  }
  const sink = new MessageSink(settings);
  try {
    return { draft: draftStructure(valid, invalid, sink), messages: sink.messages };
  } catch (error) {
    reportInternal(sink, '.', error);
    return { draft: draftStructure([], [], new MessageSink()), messages: sink.messages };
  }
}

/** The draft's links resolved and checked, and the messages about them. */
export function linkFromDraft(draft: GraphDraft, settings?: RuleSettings): { structure: GraphStructure; messages: CheckMessage[] } {
  const sink = new MessageSink(settings);
  try {
    return { structure: linkStructure(draft, sink, RULES), messages: sink.messages };
  } catch (error) {
    reportInternal(sink, '.', error);
    return { structure: buildStructure([], [], new MessageSink(), RULES), messages: sink.messages };
  }
}

/**
 * The whole graph on a structure, and the messages of its field checks, follow-ups and --require-period. With `since`
 * (check --watch), node-local checks run only where the change can reach (completeGraph).
 */
export function completeFromStructure(structure: GraphStructure, options: CheckOptions = {}, since?: GraphSince): { graph: Graph; messages: CheckMessage[] } {
  const sink = new MessageSink(options.rules);
  let graph: Graph;
  try {
    graph = completeGraph(structure, sink, RULES, since);
  } catch (error) {
    reportInternal(sink, '.', error);
    graph = buildGraph([], [], new MessageSink(), RULES);
  }
  const messages = options.requirePeriod === undefined ? [...sink.messages] : withPeriodMessages(sink.messages, requirePeriod(graph, options.requirePeriod, RULES, options.rules, structure.broken));
  return { graph, messages };
}

/**
 * Builds the graph from per-file results (in path order, as checkPlans reads them) and returns every message:
 * `extra` (folder-level messages such as unreadable folders), each file's, and the graph's, sorted.
 */
export function assembleCheck(files: readonly FileCheck[], extra: readonly CheckMessage[], options: CheckOptions = {}): CheckResult {
  const { graph, messages: graphMessages } = graphFromChecks(files, options);
  const messages: CheckMessage[] = [...extra];
  for (const f of files) messages.push(...f.messages);
  messages.push(...graphMessages);
  return { graph, messages: sortMessages(messages), fileCount: files.length };
}

/**
 * What reading and validating the file at `path` with `bytes` gives, through the check cache: the outcome `cache` has
 * for this path and these bytes (also one stored earlier in the same run), its reports replayed into `sink`; else the
 * file read and validated into `sink` and the outcome stored. Throws what reading or validating throws.
 */
export function outcomeThroughCache(path: string, bytes: Uint8Array, sink: MessageSink, cache: CheckCache): FileOutcome {
  const digest = digestOf(bytes);
  const stored = cache.use(path, digest, sink);
  if (stored) return stored;
  const recorder = new RecordingSink(sink);
  const read = readPlanText(bytes, path, recorder);
  const outcome = { read, valid: read && validateFile(read, recorder) };
  cache.store(path, digest, recorder.reports, outcome);
  return outcome;
}

/** checkFileBytes through the check cache (outcomeThroughCache). */
function checkFileBytesCached(path: string, bytes: Uint8Array, settings: RuleSettings | undefined, cache: CheckCache): FileCheck {
  const sink = new MessageSink(settings);
  try {
    const { read, valid } = outcomeThroughCache(path, bytes, sink, cache);
    if (valid) return { path, messages: sink.messages, valid };
    if (read) return { path, messages: sink.messages, invalid: read };
  } catch (error) {
    reportInternal(sink, path, error);
  }
  return { path, messages: sink.messages };
}

/**
 * Checks a plans folder given as files in memory; the same messages and graph as checkPlans on the same files. Its
 * `.md` files are checked; a `sparbar.config.json` among them sets the rules' severities unless `options.rules` does.
 * With a CheckCache in `options.cache`, files whose path and bytes it has an outcome for are not read again (`sparbar
 * build` passes the cache its check of the work tree used, for the adopted revision).
 */
export function checkFiles(files: readonly PlanFileBytes[], options: CheckOptions = {}, extra: readonly CheckMessage[] = []): CheckResult {
  const config = options.rules === undefined ? files.find((f) => f.path === CONFIG_FILE) : undefined;
  const loaded = config ? ruleSettingsOf(parseConfigText(new TextDecoder().decode(config.bytes), CONFIG_FILE)) : undefined;
  const settled = loaded ? { ...options, rules: loaded.settings } : options;
  const sorted = [...files].filter((f) => f.path.endsWith('.md')).sort((a, b) => comparePlanPaths(a.path, b.path));
  const cache = options.cache instanceof CheckCache ? options.cache : undefined;
  return assembleCheck(
    sorted.map((f) => (cache ? checkFileBytesCached(f.path, f.bytes, settled.rules, cache) : checkFileBytes(f.path, f.bytes, settled.rules))),
    loaded ? [...loaded.messages, ...extra] : extra,
    settled,
  );
}

function reportInternal(sink: MessageSink, file: string, error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  sink.report('internal-error', `Spårbar kunde inte läsa klart här (${detail}). Det är ett fel i Spårbar, inte nödvändigtvis i filen: rapportera det gärna med filen.`, {
    file,
    line: 1,
    column: 1,
  });
}
