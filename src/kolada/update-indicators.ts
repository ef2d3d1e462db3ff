// Fills indicator outcomes from Kolada: fetches everything first, then writes only when every fetch succeeded.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, type YAMLMap } from 'yaml';
import type { Graph } from '../graph/types.js';
import { indexGraph } from '../graph/graph-index.js';
import { MessageSink } from '../messages/report.js';
import { parsePlanText } from '../parse/read-plan-file.js';
import { validateFile } from '../validate/validate-file.js';
import { fetchKpiValues, KoladaError, type KoladaOptions } from './client.js';

export interface IndicatorUpdate {
  /** File relative to the plans folder. */
  file: string;
  indicator: string;
  kpi: string;
  /** Years and values that are new or changed. */
  changes: { year: number; before: number | null; after: number }[];
  /** Years that Kolada has but a follow-up already gives a value for; left as they are. */
  keptFromFollowUps: number[];
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
export async function planKoladaUpdates(root: string, graph: Graph, options: KoladaOptions = {}): Promise<KoladaPlan> {
  const index = indexGraph(graph.nodes, graph.edges, graph.followUps);
  const plan: KoladaPlan = { updates: [], errors: [], unchanged: [] };
  const jobs = index
    .ofType('indikator')
    .flatMap((node) => (node.fields.källa === 'kolada' && node.fields.kolada_kpi !== undefined ? [{ node, kpi: node.fields.kolada_kpi }] : []))
    .map(({ node, kpi }) => {
      const org = node.organisations.map((k) => index.nodeOf(k, 'organisation')).find((o) => o?.fields.kommunkod !== undefined);
      return { node, kpi, kommunkod: org?.fields.kommunkod };
    });
  const results = await Promise.all(
    jobs.map(async (job) => {
      if (!job.kommunkod) return { job, error: `${job.node.id}: organisationen saknar kommunkod. Lägg till kommunkod i organisationens fil.` };
      try {
        return { job, values: await fetchKpiValues(job.kpi, job.kommunkod, options) };
      } catch (error) {
        if (error instanceof KoladaError) return { job, error: `${job.node.id}: ${error.message}` };
        throw error;
      }
    }),
  );
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
    const merged = new Map(fromFile);
    for (const c of changes) merged.set(c.year, c.after);
    const newText = rewriteOutcomes(path.join(root, node.source.file), merged);
    if (typeof newText !== 'string') {
      plan.errors.push(`${node.id}: ${newText.error}`);
      continue;
    }
    plan.updates.push({ file: node.source.file, indicator: node.id, kpi, changes, keptFromFollowUps: kept, newText });
  }
  plan.updates.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  plan.errors.sort();
  plan.unchanged.sort();
  return plan;
}

/** Writes every update through a temporary file and a rename, so no file is ever half written. */
export function writeKoladaUpdates(root: string, updates: readonly IndicatorUpdate[]): void {
  const temps = updates.map((u) => {
    const target = path.join(root, u.file);
    const temp = `${target}.sparbar-tmp`;
    writeFileSync(temp, u.newText);
    return { temp, target };
  });
  for (const { temp, target } of temps) renameSync(temp, target);
}

/** The file's text with `utfall` replaced by `values`, everything else byte for byte; or why it cannot be done. */
export function rewriteOutcomes(file: string, values: ReadonlyMap<number, number>): string | { error: string } {
  const raw = readFileSync(file);
  let text = raw.toString('utf8');
  const bom = text.startsWith('\uFEFF');
  const crlf = text.includes('\r\n');
  if (bom) text = text.slice(1);
  if (crlf) text = text.replace(/\r\n/g, '\n');
  const sink = new MessageSink();
  const read = parsePlanText(new TextEncoder().encode(text), file, sink);
  if (!read) return { error: 'filen kunde inte läsas; kör sparbar check.' };
  const yamlStart = text.indexOf('\n') + 1;
  const yamlEnd = yamlStart + (read.parsed.document.range?.[2] ?? 0);
  const years = [...values.keys()].sort((a, b) => a - b);
  const contents = read.parsed.document.contents;
  const node = isMap(contents) ? (contents.get('utfall', true) as YAMLMap | undefined) : undefined;
  let next: string;
  if (node && isMap(node) && node.range) {
    const [start, end] = node.range;
    const block = !node.flow;
    const indent = block ? ' '.repeat(Math.max(0, read.parsed.lineCounter.linePos(start).col - 1)) : '';
    const rendered = block ? years.map((y, i) => `${i === 0 ? '' : indent}${y}: ${values.get(y)}`).join('\n') : `{${years.map((y) => `${y}: ${values.get(y)}`).join(', ')}}`;
    let stop = yamlStart + end;
    while (stop > yamlStart + start && /\s/.test(text[stop - 1]!)) stop--; // a block map's range ends after its newline
    next = text.slice(0, yamlStart + start) + rendered + text.slice(stop);
  } else if (node === undefined) {
    const closing = text.indexOf('\n---', yamlStart - 1);
    if (closing === -1 || closing > yamlEnd + 1) return { error: 'hittar inte slutet på frontmatter.' };
    next = `${text.slice(0, closing + 1)}utfall: {${years.map((y) => `${y}: ${values.get(y)}`).join(', ')}}${text.slice(closing)}`;
  } else {
    return { error: '"utfall" är inte en samling år: värde. Rätta filen först.' };
  }
  // The new text must be a valid indicator with exactly the intended outcomes.
  const check = new MessageSink();
  const reread = parsePlanText(new TextEncoder().encode(next), file, check);
  const valid = reread ? validateFile(reread, check) : undefined;
  const got = valid?.typ === 'indikator' ? (valid.value.utfall ?? {}) : undefined;
  const same = got !== undefined && Object.keys(got).length === years.length && years.every((y) => got[String(y)] === values.get(y));
  if (!same) return { error: 'den uppdaterade filen blev inte som väntat; filen lämnas orörd. Lägg in värdena för hand.' };
  if (crlf) next = next.replace(/\n/g, '\r\n');
  return bom ? `\uFEFF${next}` : next;
}
