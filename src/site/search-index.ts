// The offline search index, made from the graph instead of the built pages: one Pagefind record per node
// page with its kind, id, title, fields, text and follow-ups. `sparbar build` writes it while Astro renders
// the pages, on the other core; a plain `astro build` indexes the HTML instead (astro.config.mjs).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ElementContent, Root, RootContent } from 'hast';
import { withPath } from '../files/write-problem.js';
import { anyFields } from '../graph/node-fields.js';
import type { GraphNode } from '../graph/types.js';
import { formatPeriod } from './format.js';
import { TYPE_LABEL } from '../words/nodes.js';
import { treeKey } from './markdown.js';
import type { SiteModel } from './model.js';
import { PLAN_SEGMENTS } from './addresses.js';

export interface SearchRecord {
  /** Path of the page without the base: the search page's script adds the base. */
  url: string;
  title: string;
  content: string;
  kind: string;
}

/** Plain text of a sanitised markdown tree. */
export function treeText(tree: Root): string {
  const parts: string[] = [];
  const walk = (node: Root | RootContent | ElementContent) => {
    if (node.type === 'text') parts.push(node.value);
    else if ('children' in node) {
      for (const child of node.children) walk(child);
      if (node.type === 'element' && /^(p|h[1-6]|li|tr|td|th|blockquote|pre)$/.test(node.tagName)) parts.push('\n');
    }
  };
  walk(tree);
  return parts.join('').replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
}

function fieldText(node: GraphNode): string[] {
  const f = anyFields(node);
  const out: string[] = [];
  for (const key of ['ansvarig', 'förväntat_resultat', 'diarienummer', 'antagen_av', 'enhet', 'kolada_kpi', 'översyn'] as const) {
    const v = f[key];
    if (typeof v === 'string') out.push(v);
  }
  if (Array.isArray(f.underpunkter)) for (const u of f.underpunkter) if (typeof u === 'string') out.push(u);
  return out;
}

/** One record per node that has a page, in key order. `trees` holds the parsed texts (see `treeKey`). */
export function searchRecords(model: SiteModel, trees: ReadonlyMap<string, Root>): SearchRecord[] {
  const text = (markdown: string, file: string) => {
    const tree = trees.get(treeKey(file, markdown));
    return tree ? treeText(tree) : markdown;
  };
  const records: SearchRecord[] = [];
  for (const node of [...model.graph.nodes].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    const path = model.pathOf(node.key);
    if (path === undefined) continue;
    const inside = node.type !== 'organisation' && node.type !== 'policy' && node.type !== 'plan';
    const title = inside ? `${TYPE_LABEL[node.type]} ${node.id} ${node.title}` : node.title;
    const doc = node.document && node.document !== node.key ? model.node(node.document)?.title : undefined;
    const followUps = model.followUps(node.key).map((f) => `${f.period} ${f.assessment ?? f.status ?? ''} ${text(f.body, f.source.file)}`);
    const content = [title, doc, ...fieldText(node), text(node.body, node.source.file), ...followUps].filter((s) => s && s.trim() !== '').join('\n');
    records.push({ url: `/${path}`, title, content, kind: TYPE_LABEL[node.type] });
  }
  // The follow-up reports: one record per plan and period, with every assessment written for it.
  for (const plan of model.ofType('plan')) {
    for (const period of model.periods(plan.key)) {
      const title = `Uppföljning ${formatPeriod(period)}: ${plan.title}`;
      const written = model.graph.followUps
        .filter((f) => f.period === period && model.node(f.node)?.document !== undefined && (model.node(f.node)!.plan === plan.key || model.node(f.node)!.document === plan.key))
        .map((f) => `${model.node(f.node)!.id} ${f.assessment ?? f.status ?? ''} ${text(f.body, f.source.file)}`);
      records.push({ url: `/${model.docSlug(plan.key)}/${PLAN_SEGMENTS.followUp}/${period}/`, title, content: [title, ...written].join('\n'), kind: 'Uppföljning' });
    }
  }
  return records;
}

/**
 * Writes the Pagefind index of `records` to `outputPath` (a `pagefind` folder, made here); returns Pagefind's errors.
 *
 * The records are sent in batches of RECORD_BATCH without waiting in between: Pagefind's service reads its messages in
 * the order written and handles them one after the other (pagefind/src/service/mod.rs), so the index is the same as
 * when each record waits for the one before, without a round trip between the two processes per record.
 *
 * Pagefind's process only makes the files (getFiles); they are written here, through `write` (for tests), so a write
 * the disk refuses (full, read-only) is thrown as Node's error with the file's path. Pagefind's own writeFiles
 * unwrapped such an error in Rust: its process panicked and ended, and Pagefind's Node wrapper (pagefind/lib/service.js),
 * which listens for the process's 'error' but not for its end, never settled the promise; with the renderer done, the
 * event loop was empty and Node ended `sparbar build` with exit code 13 (an unsettled top-level await). Should
 * Pagefind's process end for another reason, untilEmptyLoop rejects instead.
 */
export async function writeSearchIndex(
  records: readonly SearchRecord[],
  outputPath: string,
  write: (file: string, content: Uint8Array) => void = writeIndexFile,
): Promise<string[]> {
  const pagefind = await import('pagefind');
  silenceServiceStopped();
  try {
    const { index, errors } = await untilEmptyLoop(pagefind.createIndex({ forceLanguage: 'sv' }));
    if (!index) return errors;
    const added: Awaited<ReturnType<typeof index.addCustomRecord>>[] = [];
    for (let start = 0; start < records.length; start += RECORD_BATCH) {
      const batch = records.slice(start, start + RECORD_BATCH);
      added.push(
        ...(await untilEmptyLoop(
          Promise.all(batch.map((r) => index.addCustomRecord({ url: r.url, content: r.content, language: 'sv', meta: { title: r.title }, filters: { typ: [r.kind] } }))),
        )),
      );
    }
    const made = await untilEmptyLoop(index.getFiles());
    const problems = [...added.flatMap((a) => a.errors), ...made.errors];
    if (problems.length > 0) return problems;
    mkdirSync(outputPath);
    for (const file of made.files) write(join(outputPath, file.path), file.content);
    return [];
  } catch (error) {
    if (error instanceof PagefindGoneError) return [error.message];
    // Pagefind's process ended while records were on their way (killed, or Ctrl+C to the terminal's process group).
    if (error instanceof Error && error.message === PAGEFIND_CLOSED) return [GONE];
    throw error;
  } finally {
    await pagefind.close();
  }
}

/**
 * How many records are sent to Pagefind before waiting for its answers. Not all at once: when its process ends, its
 * Node wrapper (pagefind/lib/service.js, close) answers every waiting request once for every write that failed, so n
 * waiting records cost n² rejections (3,000 records: 34 s of CPU after a Ctrl+C); and not one at a time, a round
 * trip each (580 records: 1.22 s against 0.79 s all at once, session 10).
 */
const RECORD_BATCH = 200;

/** What Pagefind's Node wrapper (pagefind/lib/service.js) rejects every waiting request with once its process has ended. */
const PAGEFIND_CLOSED = 'Pagefind backend closed';
/** What the build says when Pagefind's process ended without making the index. */
const GONE = 'Pagefinds process avslutades utan att svara';

let silenced = false;

/**
 * Keeps Pagefind's Node wrapper from printing "Service stopped" and a stack trace for every write its process did not
 * take: when the process ends while records are on their way (Ctrl+C in a terminal reaches it too), that was one
 * EPIPE per record, some 3,000 stack traces for 3,000 records, before `sparbar build` said it was interrupted. The
 * build reports the end of Pagefind's process itself (writeSearchIndex). Every other message goes to console.error as
 * before; the filter stays for the process's life, since the wrapper's write errors arrive after its promises settle.
 */
function silenceServiceStopped(): void {
  if (silenced) return;
  silenced = true;
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (args[0] === 'Service stopped') return;
    print(...args);
  };
}

/** Writes one file of the index, its folder made first; an error names the file (withPath). */
function writeIndexFile(file: string, content: Uint8Array): void {
  withPath(file, () => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  });
}

/** Pagefind's process ended without answering (untilEmptyLoop). */
export class PagefindGoneError extends Error {
  override name = 'PagefindGoneError';
}

/**
 * `promise`, or a rejection (PagefindGoneError) when the event loop empties before it settles: then nothing is left that could settle it
 * (Pagefind's process has ended without an answer), and Node would end the program with exit code 13.
 */
export function untilEmptyLoop<T>(promise: Promise<T>): Promise<T> {
  let onEmpty: () => void = () => undefined;
  const gone = new Promise<never>((_, reject) => {
    onEmpty = () => reject(new PagefindGoneError(GONE));
    process.once('beforeExit', onEmpty);
  });
  return Promise.race([promise, gone]).finally(() => process.off('beforeExit', onEmpty));
}
