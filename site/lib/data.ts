// The site's data: the graph of the plans folder, read once per build (module-level cache), with the
// view model, the site configuration and a cached markdown renderer. Every page imports `site()`.
import { existsSync, readFileSync } from 'node:fs';
import type { Root } from 'hast';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Graph, GraphNode } from '@src/graph/types.js';
import { createMarkdownRenderer } from '@src/site/markdown.js';
import { SiteModel } from '@src/site/model.js';
import { withoutBidiControls } from '@src/site/published-text.js';
import { normaliseBase } from '@src/site/addresses.js';
import { textsToParse } from '@src/site/parse-texts.js';
import { ChunkedTrees, type ChunkSide, chunksInPageOrder, parseUnclaimedChunks, takeChunksParsedAhead } from '@src/site/text-queue.js';
import { ParsedAhead } from '@src/site/parse-ahead.js';
import type { SiteConfig } from '@src/site/site-config.js';

export interface Site {
  model: SiteModel;
  config: SiteConfig;
  plansDir: string;
  /** Safe HTML of a node's markdown body; `minHeading` keeps the page's heading outline. */
  body(node: GraphNode, minHeading?: number, idPrefix?: string): string;
  /** Safe HTML of any markdown written in the file `sourceFile` (follow-up comments and the like). */
  markdown(text: string, sourceFile: string, minHeading?: number, idPrefix?: string): string;
}

let cached: Site | undefined;

/** The graph's JSON Schema file, if it exists (SPARBAR_SCHEMA, else schemas/graph.schema.json from here). */
export function graphSchemaPath(): string | null {
  const file = process.env.SPARBAR_SCHEMA || path.resolve('schemas/graph.schema.json');
  return existsSync(file) ? file : null;
}

/**
 * Waits (blocking; the build is synchronous here) until `file` exists: the parent process writes it. The time
 * waited is added up in globalThis[Symbol.for('sparbar.waitedMs')], which the renderer reports to `sparbar build`.
 */
export function waitForFile(file: string, what: string): void {
  const started = performance.now();
  const deadline = Date.now() + WAIT_LIMIT_MS;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  while (!existsSync(file)) {
    stopWhenOrphaned(what);
    if (Date.now() > deadline) throw new Error(`Väntade förgäves på ${what} (${file}).`);
    Atomics.wait(sleeper, 0, 0, 20);
  }
  addWaited(started);
}

/**
 * The process that started this one: `sparbar build` names itself in SPARBAR_PARENT_PID when it runs the renderer
 * (so that a parent gone before this line ran still counts as gone), else the parent this process had at its start.
 */
const startedBy = Number(process.env.SPARBAR_PARENT_PID) || process.ppid;

/**
 * Throws when the process that started this one has ended (the renderer's parent, `sparbar build`, killed without a
 * chance to stop it): nothing will write what is waited for, and the pages must not be written into its staging folder.
 */
function stopWhenOrphaned(what: string): void {
  if (process.ppid !== startedBy) throw new Error(`Slutar vänta på ${what}: sparbar build, som startade renderingen, har avslutats.`);
}

/** How long the renderer waits for a file `sparbar build` writes before it gives up. */
const WAIT_LIMIT_MS = 10 * 60_000;

function addWaited(started: number): void {
  const waited = globalThis as { [key: symbol]: number | undefined };
  const key = Symbol.for('sparbar.waitedMs');
  waited[key] = (waited[key] ?? 0) + performance.now() - started;
}

/**
 * Resolves once `file` exists, as waitForFile but without blocking: while the site's data module waits for the graph
 * or the history, the renderer goes on loading and compiling the pages' other modules (render-precompiled.ts loads
 * them all at its start). Meanwhile `work()` is called, one piece at a time, until it says there is no more (returns
 * false); only the time after that counts as waited. Rejects after the same limit.
 */
export async function fileWritten(file: string, what: string, work: () => boolean = () => false): Promise<void> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  let working = true;
  while (!existsSync(file)) {
    stopWhenOrphaned(what);
    if (Date.now() > deadline) throw new Error(`Väntade förgäves på ${what} (${file}).`);
    working &&= work();
    if (working) {
      await new Promise((resolve) => setImmediate(resolve));
      continue;
    }
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
    addWaited(started);
  }
}

/**
 * The plan's markdown parsed while the renderer waits for the graph (src/site/parse-ahead.ts), when `sparbar build`
 * runs the compiled site (SPARBAR_PRECOMPILED) and shares the texts (SPARBAR_TEXTS). How many texts were parsed and
 * used is reported with the time waited (globalThis[Symbol.for('sparbar.parsedAhead')]).
 */
let ahead: ParsedAhead | undefined;
function parseAheadStep(plansDir: string): boolean {
  if (!process.env.SPARBAR_PRECOMPILED || !process.env.SPARBAR_TEXTS) return false;
  if (!ahead) {
    ahead = new ParsedAhead(plansDir);
    (globalThis as { [key: symbol]: unknown })[Symbol.for('sparbar.parsedAhead')] = ahead;
  }
  return ahead.step();
}

/** What `sparbar build` hands over in SPARBAR_GRAPH: the checked graph and the resolved site configuration. */
export interface BuildInput {
  graph: Graph;
  config: SiteConfig;
}

/**
 * The graph and configuration: from SPARBAR_GRAPH when `sparbar build` runs us (it has checked the plans
 * already and writes them while Astro bundles the site), else by checking SPARBAR_PLANS here with the
 * compiled checker in lib/ (a plain `astro build` or `astro dev`; run `npm run build:cli` first). The
 * checker is loaded at run time so that it is not bundled into the site.
 */
async function loadInput(plansDir: string): Promise<BuildInput> {
  const file = process.env.SPARBAR_GRAPH;
  if (file) {
    await fileWritten(file, 'grafen', () => parseAheadStep(plansDir));
    return JSON.parse(readFileSync(file, 'utf8')) as BuildInput;
  }
  const lib = (name: string) => pathToFileURL(path.resolve(process.env.SPARBAR_LIB || 'lib', name)).href;
  const { checkPlans } = (await import(/* @vite-ignore */ lib('src/check/check-plans.js'))) as typeof import('@src/check/check-plans.js');
  const { loadSiteConfig, resolveSiteConfig, statementProblems } = (await import(/* @vite-ignore */ lib('src/site/site-config.js'))) as typeof import('@src/site/site-config.js');
  const result = checkPlans(plansDir);
  const errors = result.messages.filter((m) => m.fatal === true);
  if (errors.length > 0) {
    const lines = errors.slice(0, 20).map((m) => `  ${m.file}:${m.line}:${m.column} ${m.reason}`);
    throw new Error(`Planen i ${plansDir} har ${errors.length} fel; webbplatsen byggs inte. Kör sparbar check ${plansDir}.\n${lines.join('\n')}`);
  }
  const loaded = loadSiteConfig(plansDir, process.env.SPARBAR_CONFIG || undefined);
  if (loaded.errors.length > 0) throw new Error(`Webbplatsens konfiguration har fel:\n${loaded.errors.join('\n')}`);
  const statement = statementProblems(loaded.config, loaded.file);
  if (statement.length > 0) throw new Error(`Tillgänglighetsredogörelsen är inte komplett:\n${statement.join('\n')}`);
  const organisations = new SiteModel(result.graph).organisations().map((o) => o.title);
  return { graph: result.graph, config: resolveSiteConfig(loaded.config, organisations) };
}

// Direction controls never reach a page (rule bidi-control): `sparbar build` has removed them from what it writes
// to SPARBAR_GRAPH already (build-site.ts); a plain `astro build` or `astro dev` removes them here.
const loaded = await loadInput(process.env.SPARBAR_PLANS || 'plans');
const input = process.env.SPARBAR_GRAPH ? loaded : withoutBidiControls(loaded);

/**
 * The plan's markdown parsed and sanitised, keyed by `treeKey`. With SPARBAR_TEXTS (`sparbar build`, see
 * src/site/text-queue.ts): this process first takes the chunks whose texts it parsed while it waited for the graph
 * (parseAheadStep), then parses chunks of texts no one has taken yet, beside `sparbar build`, until
 * `sparbar build` has written the history (SPARBAR_HISTORY, that site/lib/history.ts, importing this module, waits
 * for next). Then the pages are rendered while `sparbar build` parses the chunks left: each chunk is read when a page
 * first asks for one of its trees, or parsed here if no one has taken it yet, so neither process waits for the other.
 */
function loadTrees(): Map<string, Root> {
  const dir = process.env.SPARBAR_TEXTS;
  if (!dir) return new Map();
  const texts = textsToParse(input.graph);
  const base = normaliseBase(process.env.SPARBAR_BASE);
  const history = process.env.SPARBAR_HISTORY;
  const side: ChunkSide = { ahead, parsed: new Map(), order: chunksInPageOrder(input.graph, texts) };
  if (ahead) takeChunksParsedAhead(dir, texts, input.graph.nodes, base, { ...side, ahead });
  parseUnclaimedChunks(dir, texts, input.graph.nodes, base, history ? () => existsSync(history) : undefined, side);
  return new ChunkedTrees(dir, texts, input.graph.nodes, base, (file) => waitForFile(file, 'texterna'), side);
}

const trees = loadTrees();

export function site(): Site {
  if (cached) return cached;
  const plansDir = process.env.SPARBAR_PLANS || 'plans';
  const model = new SiteModel(input.graph, { base: normaliseBase(process.env.SPARBAR_BASE) });
  const config = input.config;
  const render = createMarkdownRenderer(trees);
  const markdown = (text: string, sourceFile: string, minHeading = 2, idPrefix = 'md') =>
    render(text, { minHeading, idPrefix, resolveLink: (href) => model.resolveSourceLink(href, sourceFile) }, sourceFile);
  cached = {
    model,
    config,
    plansDir,
    markdown,
    body: (node, minHeading = 2, idPrefix = 'text') => markdown(node.body, node.source.file, minHeading, idPrefix),
  };
  return cached;
}
