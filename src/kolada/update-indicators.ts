// Fills indicator outcomes from Kolada: fetches everything first (at most KOLADA_MAX_IN_FLIGHT requests at a
// time), works out each file's new text with minimal edits, and writes only when every fetch succeeded,
// all files or none (src/files/file-transaction.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { writeAllOrNothing } from '../files/file-transaction.js';
import type { Graph } from '../graph/types.js';
import { indexGraph } from '../graph/graph-index.js';
import { MessageSink } from '../messages/report.js';
import { parsePlanText } from '../parse/read-plan-file.js';
import { validateFile } from '../validate/validate-file.js';
import { fetchKpiValues, KOLADA_MAX_IN_FLIGHT, KoladaError, mapWithLimit, type KoladaOptions } from './client.js';
import { editOutcomes } from './edit-outcomes.js';

export interface IndicatorUpdate {
  /** File relative to the plans folder. */
  file: string;
  indicator: string;
  kpi: string;
  /** Years and values that are new or changed. */
  changes: { year: number; before: number | null; after: number }[];
  /** Years that Kolada has but a follow-up already gives a value for; left as they are. */
  keptFromFollowUps: number[];
  /** The file's bytes as read, and as they will be written. */
  oldBytes: Uint8Array;
  newText: string;
}

export interface KoladaPlan {
  updates: IndicatorUpdate[];
  /** Why nothing may be written: every failed fetch or file, in Swedish. */
  errors: string[];
  /** Indicators fetched with nothing new. */
  unchanged: string[];
}

/** Fetches every Kolada indicator of the graph and works out the new file texts; writes nothing. */
export async function planKoladaUpdates(root: string, graph: Graph, options: KoladaOptions & { maxInFlight?: number } = {}): Promise<KoladaPlan> {
  const index = indexGraph(graph.nodes, graph.edges, graph.followUps);
  const plan: KoladaPlan = { updates: [], errors: [], unchanged: [] };
  const jobs = index
    .ofType('indikator')
    .flatMap((node) => (node.fields.källa === 'kolada' && node.fields.kolada_kpi !== undefined ? [{ node, kpi: node.fields.kolada_kpi }] : []))
    .map(({ node, kpi }) => {
      const org = node.organisations.map((k) => index.nodeOf(k, 'organisation')).find((o) => o?.fields.kommunkod !== undefined);
      return { node, kpi, kommunkod: org?.fields.kommunkod };
    });
  const results = await mapWithLimit(jobs, options.maxInFlight ?? KOLADA_MAX_IN_FLIGHT, async (job) => {
    if (!job.kommunkod) return { job, error: `${job.node.id}: organisationen saknar kommunkod. Lägg till kommunkod i organisationens fil.` };
    try {
      return { job, values: await fetchKpiValues(job.kpi, job.kommunkod, options) };
    } catch (error) {
      if (error instanceof KoladaError) return { job, error: `${job.node.id}: ${error.message}` };
      throw error;
    }
  });
  for (const r of results) {
    if ('error' in r) {
      plan.errors.push(r.error!);
      continue;
    }
    const { node, kpi } = r.job;
    const fromFile = new Map(Object.entries(node.fields.utfall ?? {}).map(([y, v]) => [Number(y), v]));
    const followUpYears = new Set(index.followUps(node.key).filter((f) => f.value !== null).map((f) => Number(f.period.slice(0, 4))));
    const changes: IndicatorUpdate['changes'] = [];
    const kept: number[] = [];
    for (const [year, value] of [...r.values!].sort((a, b) => a[0] - b[0])) {
      if (followUpYears.has(year)) kept.push(year);
      else if (fromFile.get(year) !== value) changes.push({ year, before: fromFile.get(year) ?? null, after: value });
    }
    if (changes.length === 0) {
      plan.unchanged.push(node.id);
      continue;
    }
    const oldBytes = readFileSync(path.join(root, node.source.file));
    const newText = rewriteOutcomes(oldBytes, new Map(changes.map((c) => [c.year, c.after])), node.source.file);
    if (typeof newText !== 'string') {
      plan.errors.push(`${node.id}: ${newText.error}`);
      continue;
    }
    plan.updates.push({ file: node.source.file, indicator: node.id, kpi, changes, keptFromFollowUps: kept, oldBytes, newText });
  }
  plan.updates.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  plan.errors.sort();
  plan.unchanged.sort();
  return plan;
}

/** Writes every update, all or nothing (see src/files/file-transaction.ts). */
export function writeKoladaUpdates(root: string, updates: readonly IndicatorUpdate[]): void {
  writeAllOrNothing(
    root,
    updates.map((u) => ({ file: u.file, before: u.oldBytes, after: Buffer.from(u.newText, 'utf8') })),
    'sparbar kolada hamta',
  );
}

/**
 * The file's text with the outcomes in `changes` (year → value) set in `utfall`, everything else byte for
 * byte (editOutcomes); or why it cannot be done. The result is read back: it must be a valid indicator whose
 * `utfall` is the old one with the changes, and every other key must read as before.
 */
export function rewriteOutcomes(bytes: Uint8Array, changes: ReadonlyMap<number, number>, file: string): string | { error: string } {
  const text = Buffer.from(bytes).toString('utf8');
  const before = readIndicator(bytes, file);
  if (!before) return { error: 'filen kunde inte läsas; kör sparbar check.' };
  const edited = editOutcomes(text, changes);
  if ('error' in edited) return edited;
  const after = readIndicator(Buffer.from(edited.text, 'utf8'), file);
  const expected: Record<string, number> = { ...((before['utfall'] ?? {}) as Record<string, number>) };
  for (const [year, value] of changes) expected[String(year)] = value;
  const { utfall: newOutcomes, ...newRest } = after ?? {};
  const { utfall: _oldOutcomes, ...oldRest } = before;
  if (!after || !isDeepStrictEqual(newOutcomes, expected) || !isDeepStrictEqual(newRest, oldRest)) {
    return { error: 'den uppdaterade filen blev inte som väntat; filen lämnas orörd. Lägg in värdena för hand.' };
  }
  return edited.text;
}

/** The validated frontmatter of an indicator file, or null. */
function readIndicator(bytes: Uint8Array, file: string): Record<string, unknown> | null {
  const sink = new MessageSink();
  const read = parsePlanText(bytes, file, sink);
  const valid = read ? validateFile(read, sink) : undefined;
  return valid?.typ === 'indikator' ? (valid.value as Record<string, unknown>) : null;
}
