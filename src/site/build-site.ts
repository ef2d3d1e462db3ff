// Builds the published site for a plans folder: checks the plans first and refuses to build when they have
// errors, then renders the pages from the site's code compiled when Spårbar was built (lib/site-render/, see
// precompiled-site.ts) or, when that is missing or stale, runs the full Astro build (astro.config.mjs, srcDir
// site/), and writes the offline search index.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'hast';
import type { CheckResult } from '../check/check-plans.js';
import { PlansFolderError } from '../check/plans-folder-error.js';
import { EXIT_OK, EXIT_PLAN_ERRORS, EXIT_USAGE } from '../util/exit-codes.js';
import { moveFolder } from '../files/move-folder.js';
import { type FileSystemError, isWriteRefusal, refusalFromOutput, siteWriteProblem, withPath } from '../files/write-problem.js';
import { makeTemporaryFolder, temporaryFolder } from '../files/temporary-folder.js';
import { checkOutputFolder, createStagingFolder, INNER_BUILD_RANDOM, isInnerBuildFolder, OUTPUT_MARKER, outputStaging, replaceOutputFolder, WriteRefusedError } from '../files/write-safety.js';
import { buildFolderPrefix, MKDTEMP_RANDOM, removeStaleBuildFolders } from '../files/build-folders.js';
import { onInterrupt } from '../util/interrupt.js';
import type { CheckMessage } from '../messages/report.js';
import type { LinkAnswer } from './text-cache.js';
import { baseProblem, normaliseBase } from './addresses.js';
import type { WriteEditorInput } from '../editor/write-editor.js';
import { precompiledSite, RENDER_MODULE } from './precompiled-site.js';
import type { RendererStats } from './render-precompiled.js';
import { copySiteFiles, filesOnlyIn, removedByHand, SITE_FILES_FOLDER } from './site-files.js';

export { normaliseBase };

export interface BuildSiteOptions {
  /** The plans folder (default `plans`). */
  plansDir?: string;
  /**
   * Where the site is written (default `dist`): a new folder, an empty one, or one that an earlier
   * `sparbar build` made (it holds `.sparbar-webbplats`), which is replaced as a whole. Anything else is
   * refused (exit 2) and left untouched; so is a folder in the plans folder, also through a symbolic link.
   */
  outDir?: string;
  /** Base path when the site is published under a sub-path, for example `/plan/` (default `/`). */
  base?: string;
  /** A site configuration file to use instead of `sparbar.config.json` in the plans folder. */
  configFile?: string;
  /** How much Astro prints (default `warn`). */
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /**
   * Build with Astro's full build (bundling site/ with Vite) even when the site's compiled code is fresh: the
   * way every build went before lib/site-render/, kept for comparing the two (tests, the bench).
   */
  fullAstroBuild?: boolean;
  /**
   * Render with the renderer's module (lib/src/site/render-precompiled.js, loading the compiled site module by module)
   * even when its bundle is usable (precompiled-site.ts): the same pages, kept for comparing the two (tests).
   */
  rendererModule?: boolean;
  /** `sparbar redigera`: write the editor under /admin/ with this local backend, whatever `redigering` says. */
  editorLocal?: WriteEditorInput['local'];
  /**
   * Use the check cache as `sparbar check` does (src/check/check-cache.ts), and keep each markdown text's tree in the
   * text cache (src/site/text-cache.ts, in the check cache's folder) and use it for texts that have not changed and
   * whose links resolve as before (default true; false: `--no-cache`).
   */
  cache?: boolean;
  /**
   * The output folder is a command's own folder in the temporary folder (`sparbar rapport`): a write refused there
   * (a full disk) is said as the temporary folder's, not as an output folder the user chose.
   */
  outIsTemporary?: boolean;
}

export interface BuildSiteResult {
  /** 0 built; 1 the plans (or the site configuration) have errors, nothing built; 2 usage error or internal failure. */
  exitCode: number;
  /** The check's messages (errors and warnings), for the caller to print as `sparbar check` does. */
  messages: CheckMessage[];
  /** Why the build was refused or failed, as Swedish sentences; empty on success, and when it was interrupted (exit code 2). */
  errors: string[];
  /** Absolute path of the output folder. */
  outDir: string;
  /** Number of HTML pages written. */
  pageCount: number;
  /** Where the time went, when the build got as far as rendering (the bench's figures). */
  timings?: BuildTimings;
  /**
   * On success, the files (relative paths with `/`) of the output folder the build replaced that the new site does
   * not have: pages of nodes that are gone, and files put there by hand (site-files.ts), for the caller to name.
   */
  removed?: string[];
}

/** Where a build's time went, in ms (performance.now() differences). */
export interface BuildTimings {
  /** From the start of buildSite to the site in place. */
  totalMs: number;
  /** Checking the plans, in this process. */
  checkMs: number;
  /** Parsing the plan's markdown texts: from the graph written until every tree is read here (the renderer parses too). */
  markdownMs: number;
  /** Writing the search index, in this process (Pagefind's own process included). */
  searchMs: number;
  /** This process idle, waiting for the renderer after its own work. */
  waitedMs: number;
  /**
   * The renderer (the child process) blocked waiting for the graph, the texts and the history this process writes;
   * null with Astro's full build, which does not say.
   */
  rendererWaitedMs: number | null;
  /** Markdown texts whose tree came from the text cache (src/site/text-cache.ts), and texts in all. */
  textsFromCache: number;
  texts: number;
  /**
   * Texts the renderer parsed while it waited for the graph (src/site/parse-ahead.ts), and of those, texts whose tree
   * was used; null with Astro's full build.
   */
  rendererParsedAhead: { parsed: number; used: number } | null;
}

/** The folder that holds astro.config.mjs and site/ (the package root), found from this module's place. */
export function siteRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'astro.config.mjs')) && existsSync(path.join(dir, 'site'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Hittar inte astro.config.mjs och mappen site/ i Spårbars installation.');
    dir = parent;
  }
}

/**
 * Builds the site; never throws for a problem in the input, only returns it.
 *
 * The renderer starts at once in a child process (a fresh module cache per build, no change to this process's
 * environment) and loads the compiled site (or, without one, Astro bundles the site) while this process checks
 * the plans and parses the markdown on the other core; the child waits for the graph and the parsed texts
 * before it renders a page. When the plans have errors the child is stopped and nothing is written. The site is
 * built into a staging folder (inside the output folder when it exists, else beside it: outputStaging) and moved
 * into place when complete, so a failed build never leaves half a site.
 */
export async function buildSite(options: BuildSiteOptions = {}): Promise<BuildSiteResult> {
  const plansDir = path.resolve(options.plansDir ?? 'plans');
  const outDir = path.resolve(options.outDir ?? 'dist');
  const base = normaliseBase(options.base);
  const started = performance.now();
  const result = (exitCode: number, errors: string[], messages: CheckMessage[] = [], pageCount = 0, timings?: BuildTimings): BuildSiteResult => ({
    exitCode,
    messages,
    errors,
    outDir,
    pageCount,
    ...(timings ? { timings } : {}),
  });

  const wrongBase = baseProblem(options.base ?? '/');
  if (wrongBase !== undefined) return result(EXIT_USAGE, [wrongBase]);
  if (!existsSync(plansDir) || !statSync(plansDir).isDirectory()) {
    return result(EXIT_USAGE, [new PlansFolderError(`Planmappen "${options.plansDir ?? 'plans'}" finns inte eller är ingen mapp.`).message]);
  }
  const unreachable = unreachableWorkingFolder();
  if (unreachable !== undefined) return result(EXIT_USAGE, [unreachable]);
  let realOut: string;
  try {
    realOut = checkOutputFolder(outDir, plansDir, options.outDir ?? 'dist');
  } catch (error) {
    if (error instanceof WriteRefusedError) return result(EXIT_USAGE, [error.message]);
    throw error;
  }
  let root: string;
  try {
    root = siteRoot();
  } catch (error) {
    return result(EXIT_USAGE, [(error as Error).message]);
  }

  // Built inside the output folder when it exists, else beside it (outputStaging: the same file system, so that the
  // pages can be moved into place), with normal permissions. The folders' names carry this process's id; those of
  // builds whose process is gone are removed first.
  const staging = outputStaging(realOut);
  removeStaleBuildFolders(path.dirname(realOut), `.${path.basename(realOut)}.bygge-`, INNER_BUILD_RANDOM);
  removeStaleBuildFolders(realOut, '.bygge-', INNER_BUILD_RANDOM);
  removeStaleBuildFolders(realOut, '.gammal-', INNER_BUILD_RANDOM);
  removeStaleBuildFolders(temporaryFolder(), 'sparbar-bygge-', MKDTEMP_RANDOM);
  // The work folder first: when the temporary folder cannot be used, nothing has been made in or beside the output yet.
  let work: string;
  let stage: string;
  try {
    work = makeTemporaryFolder(buildFolderPrefix('sparbar-bygge-'));
  } catch (error) {
    if (error instanceof WriteRefusedError) return result(EXIT_USAGE, [error.message]);
    throw error;
  }
  try {
    stage = createStagingFolder(staging.parent, buildFolderPrefix(staging.prefix), `Utmappen ${options.outDir ?? 'dist'}`);
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    if (error instanceof WriteRefusedError) return result(EXIT_USAGE, [error.message]);
    throw error;
  }
  const refusedWrite = (error: FileSystemError) => siteWriteProblem(error, { work, outDir: realOut, shownOut: options.outDir ?? 'dist', outIsTemporary: options.outIsTemporary === true });
  const graphFile = path.join(work, 'graf.json');
  const textsDir = path.join(work, 'texter');
  try {
    withPath(textsDir, () => mkdirSync(textsDir));
  } catch (error) {
    for (const dir of [stage, work]) rmSync(dir, { recursive: true, force: true });
    if (isWriteRefusal(error)) return result(EXIT_USAGE, [refusedWrite(error)]);
    throw error;
  }
  const historyFile = path.join(work, 'historik.json');
  const statsFile = path.join(work, 'rendering.json');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SPARBAR_PLANS: plansDir,
    SPARBAR_OUT: stage,
    SPARBAR_BASE: base,
    SPARBAR_CONFIG: options.configFile ? path.resolve(options.configFile) : '',
    SPARBAR_SCHEMA: path.join(root, 'schemas', 'graph.schema.json'),
    SPARBAR_GRAPH: graphFile,
    SPARBAR_TEXTS: textsDir,
    SPARBAR_HISTORY: historyFile,
    SPARBAR_RENDER_STATS: statsFile,
    // The search index comes from this process (search-index.ts), not from Astro's build.
    SPARBAR_SEARCH: '0',
    // The renderer stops waiting for what this process writes once this process is gone (site/lib/data.ts).
    SPARBAR_PARENT_PID: String(process.pid),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  // Variables Vite and Astro would read as import.meta.env (a test runner sets some of them).
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX']) delete env[name];
  const logLevel = options.logLevel ?? 'warn';
  // The site's code as compiled when Spårbar was built, if it is made from today's sources; else Astro's full build.
  const compiled = options.fullAstroBuild ? ({ fresh: false, reason: 'fullAstroBuild' } as const) : precompiledSite(root);
  let astroCwd: string | undefined;
  let astro: ReturnType<typeof startChild>;
  if (compiled.fresh) {
    astro = startChild([options.rendererModule ? path.join(root, RENDER_MODULE) : compiled.renderer], root, { ...env, SPARBAR_PRECOMPILED: compiled.dir }, logLevel);
  } else {
    if (logLevel === 'info' || logLevel === 'debug') process.stderr.write(`Bygger webbplatsen med Astro (${compiled.reason}).\n`);
    // Astro's working folder, one per build (see startAstroBuild), inside the package so that its modules find node_modules.
    mkdirSync(path.join(root, '.astro'), { recursive: true });
    removeStaleBuildFolders(path.join(root, '.astro'), 'bygge-', MKDTEMP_RANDOM);
    astroCwd = mkdtempSync(path.join(root, '.astro', buildFolderPrefix('bygge-')));
    astro = startAstroBuild(root, astroCwd, env, logLevel);
  }
  const stop = async () => {
    astro.kill();
    await astro.done;
  };
  // Each folder on its own, the staging folder first: nothing writes there once the renderer has stopped, while
  // Pagefind's process may still be writing into the work folder when Ctrl+C came (rmSync then retries; what it cannot
  // remove, the next build does, removeStaleBuildFolders). Before, a failure there left the staging folder too.
  const removeFolders = () => {
    for (const [dir, maxRetries] of [[stage, 0], [astroCwd, 0], [work, 5]] as const) {
      if (dir === undefined) continue;
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries, retryDelay: 20 });
      } catch {
        // Left for the next build.
      }
    }
  };
  // Ctrl+C or SIGTERM (when the command line listens, src/util/interrupt.ts): the renderer is stopped (killed
  // if it has not ended within 3 s) before the folders go, so it writes nothing after; the site is not put in place.
  let interrupted = false;
  const releaseInterrupt = onInterrupt(async () => {
    interrupted = true;
    astro.kill();
    const force = setTimeout(() => astro.kill('SIGKILL'), 3_000);
    await astro.done;
    clearTimeout(force);
    removeFolders();
  });

  try {
    // The checker, the markdown and the history are loaded only now, with the renderer already loading the compiled
    // site on the other core; the search index and the editor once they are needed.
    const [
      { checkPlans },
      { severityOf },
      { loadSiteConfig, resolveSiteConfig, statementProblems },
      { withoutBidiControls },
      { SiteModel },
      { adoptedRevisions, siteHistory },
      { parseTexts, textsToParse },
      { CHUNK_SIZE, chunkFile, chunksInPageOrder, parseUnclaimedChunksAsync, publishCachedChunks, publishChunks, readChunksAsync },
      { TextCache },
      { cacheFolder, CheckCache },
    ] = await Promise.all([
      import('../check/check-plans.js'),
      import('../messages/report.js'),
      import('./site-config.js'),
      import('./published-text.js'),
      import('./model.js'),
      import('./history.js'),
      import('./parse-texts.js'),
      import('./text-queue.js'),
      import('./text-cache.js'),
      import('../check/check-cache.js'),
    ]);
    // Interrupted while the modules loaded: the clean-up has begun, nothing more is made.
    if (interrupted) return result(EXIT_USAGE, []);
    let check: CheckResult;
    const checkStarted = performance.now();
    // The check cache, as `sparbar check` keeps it: files checked before (a pull request's job checks, then builds) are
    // not read again, and the adopted revision's files with the same bytes take the work tree's outcome (siteHistory).
    const checkCache = CheckCache.open(plansDir, options.cache === false ? undefined : cacheFolder(plansDir));
    try {
      check = checkPlans(plansDir, { cache: checkCache });
    } catch (error) {
      await stop();
      if (error instanceof PlansFolderError) return result(EXIT_USAGE, [error.message]);
      throw error;
    }
    const checkMs = performance.now() - checkStarted;
    const errorCount = check.messages.filter((m) => severityOf(m) === 'error').length;
    if (errorCount > 0) {
      await stop();
      return result(
        EXIT_PLAN_ERRORS,
        [`Webbplatsen byggdes inte: planen har ${errorCount} fel. Rätta ${errorCount === 1 ? 'felet' : 'felen'} ovan (sparbar check visar samma sak) och bygg igen.`],
        check.messages,
      );
    }
    const config = loadSiteConfig(plansDir, options.configFile);
    if (config.errors.length > 0) {
      await stop();
      return result(EXIT_PLAN_ERRORS, ['Webbplatsen byggdes inte: webbplatsens konfiguration har fel.', ...config.errors], check.messages);
    }
    const statement = statementProblems(config.config, config.file);
    if (statement.length > 0) {
      await stop();
      return result(EXIT_PLAN_ERRORS, ['Webbplatsen byggdes inte: tillgänglighetsredogörelsen är inte komplett.', ...statement], check.messages);
    }
    // What is published never has a direction control (rule bidi-control, when a plan lowers it): one pass here.
    const graph = withoutBidiControls(check.graph);
    const model = new SiteModel(graph, { base });
    const organisations = model.organisations().map((o) => o.title);
    const siteConfig = resolveSiteConfig(config.config, organisations);
    const adopted = adoptedRevisions(siteConfig.adoptedRevision, graph);
    if (adopted.errors.length > 0) {
      await stop();
      const where = config.file ? `${config.file}: ` : '';
      return result(EXIT_PLAN_ERRORS, ['Webbplatsen byggdes inte: webbplatsens konfiguration har fel.', ...adopted.errors.map((e) => where + e)], check.messages);
    }
    // Every text is parsed once (links resolved as the model resolves them); the pages only turn trees into HTML.
    // Texts stored in the text cache whose links resolve as before are written for the renderer before it sees the graph.
    const texts = textsToParse(graph);
    const textCache = TextCache.open(plansDir, options.cache === false ? undefined : cacheFolder(plansDir));
    const textLinks = new Map<string, LinkAnswer[]>();
    const textsFromCache = publishCachedChunks(textsDir, texts, graph.nodes, base, textCache);
    writeAtomically(graphFile, JSON.stringify({ graph, config: withoutBidiControls(siteConfig) }));
    // History from git (read-only): each node's commits, follow-ups' last changes, each plan since adoption.
    const writeHistory = () => writeAtomically(historyFile, JSON.stringify(withoutBidiControls(siteHistory(plansDir, graph, adopted.revisions, check, checkCache))));
    let trees: Map<string, Root>;
    const markdownStarted = performance.now();
    if (compiled.fresh) {
      // The renderer parses the texts as soon as the graph is there (text-queue.ts); this process works out the
      // history the renderer needs next, then parses the chunks still left, and reads the renderer's for the search
      // index. Should the renderer end before writing a chunk it took, the chunk is parsed here.
      writeHistory();
      // Chunk by chunk, hearing Ctrl+C between them: this process parses most of the texts (at 5,000 files, seconds).
      await parseUnclaimedChunksAsync(textsDir, texts, graph.nodes, base, () => interrupted, { order: chunksInPageOrder(graph, texts) });
      if (interrupted) return result(EXIT_USAGE, [], check.messages);
      trees = await readChunksAsync(textsDir, texts, graph.nodes, base, astro.exited, textLinks, () => interrupted);
    } else {
      // Astro's full build bundles the site for seconds first: the texts are parsed here, on both cores.
      const written = new Set<number>();
      for (let n = 0; n * CHUNK_SIZE < texts.length; n++) if (existsSync(chunkFile(textsDir, n))) written.add(n);
      const left = texts.filter((_, i) => !written.has(Math.floor(i / CHUNK_SIZE)));
      const parsed = await parseTexts(left, graph.nodes, base, path.join(root, 'lib', 'src', 'site', 'parse-texts-worker.js'), undefined, textLinks);
      publishChunks(textsDir, texts, parsed);
      trees = await readChunksAsync(textsDir, texts, graph.nodes, base, () => true, textLinks);
      writeHistory();
    }
    const markdownMs = performance.now() - markdownStarted;
    // Interrupted while the chunks were read: Pagefind's process is not started (a signal to the build alone would
    // reach it while it indexes, and it panics).
    if (interrupted) return result(EXIT_USAGE, [], check.messages);
    // The search index, from the graph, while the pages are rendered.
    const searchStarted = performance.now();
    const { searchRecords, writeSearchIndex } = await import('./search-index.js');
    // Written into the site being built when the renderer writes it (it leaves pagefind/ alone), so that nothing is
    // copied afterwards when the temporary folder is on another file system (/tmp in memory); into the work folder for
    // Astro's full build, which empties its output folder when it starts writing (emptyDir in its static build).
    const searchIndex = path.join(compiled.fresh ? stage : work, 'pagefind');
    const searchErrors = await writeSearchIndex(searchRecords(model, trees), searchIndex);
    const searchMs = performance.now() - searchStarted;
    // Ctrl+C in a terminal reaches Pagefind's process too, which then ends without the index: the interruption is said.
    // Its end may be seen before the signal's handler has run; a moment's wait lets it run first.
    if (searchErrors.length > 0 && !interrupted) await new Promise((resolve) => setTimeout(resolve, 200));
    if (interrupted) return result(EXIT_USAGE, [], check.messages);
    if (searchErrors.length > 0) {
      await stop();
      return result(EXIT_USAGE, [`Sökindexet gick inte att skriva: ${searchErrors.join('; ')}`], check.messages);
    }

    // The trees are right whatever becomes of the build: stored while the renderer renders.
    textCache.storeParsed(texts, trees, textLinks);
    textCache.save();

    const waitStarted = performance.now();
    const outcome = await astro.done;
    const waitedMs = performance.now() - waitStarted;
    // Interrupted: the command line says so and exits once the clean-up is done.
    if (interrupted) return result(EXIT_USAGE, [], check.messages);
    if (outcome.code !== 0) {
      const refused = refusalFromOutput(outcome.output);
      if (refused) return result(EXIT_USAGE, [refusedWrite(refused)], check.messages);
      const tail = outcome.output.trim().split('\n').slice(-15).join('\n');
      return result(EXIT_USAGE, [`${childFailure(compiled.fresh ? 'processen som skriver sidorna' : 'Astro', outcome)}${tail ? `\n${tail}` : ''}`], check.messages);
    }
    if (!compiled.fresh) moveFolder(searchIndex, path.join(stage, 'pagefind'));
    // The browser editor under /admin/, when `redigering.på` is set (src/editor/).
    const { writeEditor } = await import('../editor/write-editor.js');
    const editor = writeEditor(stage, { graph: check.graph, settings: config.config.redigering, plansDir, packageRoot: root, local: options.editorLocal, siteUrl: siteConfig.address });
    if (editor.errors.length > 0) return result(EXIT_PLAN_ERRORS, ['Webbplatsen byggdes inte: redigeringen kunde inte byggas.', ...editor.errors], check.messages);
    // The plans folder's own files for the site (webbplatsfiler/: CNAME and the like), then what replacing takes away.
    const siteFiles = copySiteFiles(plansDir, stage);
    if (siteFiles.errors.length > 0) return result(EXIT_PLAN_ERRORS, [`Webbplatsen byggdes inte: filerna i ${SITE_FILES_FOLDER}/ gick inte att ta med.`, ...siteFiles.errors], check.messages);
    const removed = existsSync(realOut) ? removedByHand(filesOnlyIn(realOut, stage, isInnerBuildFolder), stage).filter((f) => f !== OUTPUT_MARKER) : [];
    // Counted in the staging folder: the site this build puts in place (another build may replace it right after).
    const pageCount = countPages(stage);
    try {
      // Waiting for another build's move into the same folder ends on Ctrl+C, with nothing changed.
      if (!(await replaceOutputFolder(stage, realOut, plansDir, options.outDir ?? 'dist', () => interrupted))) return result(EXIT_USAGE, [], check.messages);
    } catch (error) {
      if (error instanceof WriteRefusedError) return result(EXIT_USAGE, [error.message], check.messages);
      throw error;
    }
    const stats = existsSync(statsFile) ? (JSON.parse(readFileSync(statsFile, 'utf8')) as RendererStats) : null;
    const timings: BuildTimings = {
      totalMs: performance.now() - started,
      checkMs,
      markdownMs,
      searchMs,
      waitedMs,
      rendererWaitedMs: stats?.waitedMs ?? null,
      textsFromCache,
      texts: texts.length,
      rendererParsedAhead: stats ? { parsed: stats.parsedAhead, used: stats.usedAhead } : null,
    };
    return { ...result(EXIT_OK, [], check.messages, pageCount, timings), removed };
  } catch (error) {
    // A write the disk refused (full, read-only), here or in Pagefind's files: a Swedish sentence naming the folder.
    if (isWriteRefusal(error)) return result(EXIT_USAGE, [refusedWrite(error)]);
    throw error;
  } finally {
    // An error thrown out of the build (an internal one): the renderer is stopped before its folders go, as on Ctrl+C.
    if (!astro.exited()) await stop();
    removeFolders();
    releaseInterrupt();
  }
}

function writeAtomically(file: string, text: string): void {
  withPath(`${file}.tmp`, () => writeFileSync(`${file}.tmp`, text));
  renameSync(`${file}.tmp`, file);
}

/**
 * Starts `astro build` for `root` with `env`, in the working folder `cwd`; collects its output, forwarding it
 * when the log level asks for it. With the output folder outside its working folder Astro writes its
 * intermediate page modules into `.astro/` of the working folder and deletes them at the end: with the
 * package root as working folder, two builds at once (tests, a bench, two sites) would overwrite and delete
 * each other's modules, so each build gets its own working folder under the package root.
 */
function startAstroBuild(root: string, cwd: string, env: NodeJS.ProcessEnv, logLevel: NonNullable<BuildSiteOptions['logLevel']>): ReturnType<typeof startChild> {
  const astroBin = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'astro.js');
  const args = [astroBin, 'build', '--root', root, '--config', 'astro.config.mjs'];
  if (logLevel === 'silent' || logLevel === 'error' || logLevel === 'warn') args.push('--silent');
  if (logLevel === 'debug') args.push('--verbose');
  return startChild(args, cwd, env, logLevel);
}

/**
 * How the renderer's or Astro's process ended: its exit code (-1 when it had none), the signal that ended it, Node's
 * error when it could not be started (spawn's 'error': EAGAIN, ENOMEM), its last output.
 */
export interface ChildOutcome {
  code: number;
  signal: NodeJS.Signals | null;
  error?: string;
  output: string;
}

/**
 * The build's sentence for the process `name` (processen som skriver sidorna, Astro) ending with `outcome` other than 0. SIGKILL is what
 * Linux's out-of-memory killer sends (and `kill -9`): said with what to do.
 */
export function childFailure(name: string, outcome: Pick<ChildOutcome, 'code' | 'signal' | 'error'>): string {
  if (outcome.error !== undefined) return `Bygget av webbplatsen misslyckades: ${name} gick inte att starta (${outcome.error}). Bygg igen; händer det igen, se efter att datorn har minne och processer lediga.`;
  if (outcome.signal === null) return `Bygget av webbplatsen misslyckades: ${name} avslutades med kod ${outcome.code}.`;
  const why =
    outcome.signal === 'SIGKILL'
      ? ' Oftast gör systemet så när minnet tar slut (dmesg visar det). Stäng andra program eller ge bygget mer minne och bygg igen.'
      : ' Bygg igen.';
  return `Bygget av webbplatsen misslyckades: ${name} stoppades av signalen ${outcome.signal}.${why}`;
}

/** Runs `node <args>` in `cwd` with `env`; collects its output, forwarding it as the log level asks. */
function startChild(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  logLevel: NonNullable<BuildSiteOptions['logLevel']>,
): { done: Promise<ChildOutcome>; kill: (signal?: NodeJS.Signals) => void; exited: () => boolean } {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer, forward: NodeJS.WriteStream) => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-20_000);
    if (logLevel === 'info' || logLevel === 'debug' || (forward === process.stderr && logLevel === 'warn')) forward.write(text);
  };
  child.stdout.on('data', (c: Buffer) => collect(c, process.stdout));
  child.stderr.on('data', (c: Buffer) => collect(c, process.stderr));
  let ended = false;
  const done = new Promise<ChildOutcome>((resolve) => {
    child.on('error', (error) => {
      ended = true;
      resolve({ code: -1, signal: null, error: error.message, output });
    });
    child.on('close', (code, signal) => {
      ended = true;
      resolve({ code: code ?? -1, signal, output });
    });
  });
  return { done, kill: (signal: NodeJS.Signals = 'SIGTERM') => void child.kill(signal), exited: () => ended };
}

/**
 * Why the search index could not be made from the working folder, if it could not: Pagefind's Node wrapper starts its
 * process in `process.cwd()` (pagefind/lib/service.js), which fails when the user may not enter that folder or one
 * above it (a build run as another user, `sudo -u`, from root's folder), and the build would end with Pagefind's
 * process gone after all its work. Said before the work, with the fix.
 */
function unreachableWorkingFolder(): string | undefined {
  let cwd: string | undefined;
  try {
    cwd = process.cwd();
    accessSync(cwd, constants.X_OK);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const folder = cwd === undefined ? 'Mappen du står i' : `Mappen du står i, ${cwd},`;
    return `Webbplatsen byggdes inte: ${folder} går inte att nå för den här användaren (${code}), och sökindexets program startas där. Byt till en mapp du kan gå in i (cd) och bygg igen, med planmappen och --out som hela sökvägar om de ligger någon annanstans.`;
  }
}

function countPages(dir: string): number {
  let count = 0;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(d, entry.name));
      else if (entry.name.endsWith('.html')) count++;
    }
  };
  if (existsSync(dir)) walk(dir);
  return count;
}
