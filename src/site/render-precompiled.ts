// Renders every page of the site from the compiled site in lib/site-render/ (precompile-site.ts) into
// SPARBAR_OUT, as `astro build` would write them: the same addresses, files and bytes. Run by `sparbar build`
// (build-site.ts) as a child process with the same environment it gives `astro build` (SPARBAR_GRAPH and the
// other files the pages read, which the parent writes while this process loads the site's modules), plus
// SPARBAR_PRECOMPILED, the compiled site's folder. Exits 0 when every page is written, 1 with the error. While it
// waits for the history, the site's data module parses the plan's texts beside `sparbar build` (src/site/text-queue.ts).
// `sparbar build` runs it from its bundle with the compiled site, lib/site-render/render.js (precompile-site.ts), and
// runs this module itself when there is no such bundle.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { App } from 'astro/app';
import type { RouteData, SSRManifest } from 'astro';
import { copyAsNew } from '../files/copy-as-new.js';
import { isWriteRefusal, refusalLine, withPath } from '../files/write-problem.js';

/** The origin `astro build` renders static pages under (no `site` configured: localhost and Astro's default port). */
const ORIGIN = 'http://localhost:4321';
/** Status pages that `astro build` writes as `404.html` rather than `404/index.html`. */
const STATUS_CODE_PAGES = new Set(['/404', '/500']);

interface PageModule {
  getStaticPaths?: (options: { paginate: () => never; routePattern: string }) => Promise<{ params: Record<string, string | number | undefined> }[]> | { params: Record<string, string | number | undefined> }[];
}

/** `base` with one slash at each end. */
function withSlashes(base: string): string {
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

/**
 * The manifest of a site compiled for the base `/`, for `base`: Astro prefixes stylesheet and script addresses
 * with the base when it builds, so they are written again here (the pages make their own links from SPARBAR_BASE).
 */
function rebase(manifest: SSRManifest, base: string): SSRManifest {
  if (base === manifest.base) return manifest;
  const move = (src: string) => (src.startsWith(manifest.base) ? base + src.slice(manifest.base.length) : src);
  for (const route of manifest.routes) {
    route.styles = route.styles.map((s) => (s.type === 'external' ? { ...s, src: move(s.src) } : s));
    route.scripts = route.scripts.map((s) => ('stage' in s ? s : s.type === 'external' ? { ...s, value: move(s.value) } : s));
    route.links = route.links.map(move);
  }
  manifest.assets = new Set([...manifest.assets].map(move));
  // The App takes the base off the request's path, which a URL holds percent-encoded (/pl%C3%A5n/ for /plån/).
  manifest.base = new URL(base, ORIGIN).pathname;
  return manifest;
}

/** What `astro build` gives `getStaticPaths` for a route's page address (stringifyParams in Astro's routing). */
function pathnameOf(route: RouteData, params: Record<string, string | number | undefined>): string {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) clean[key] = typeof value === 'string' ? value.replace(/^\/+|\/+$/g, '') : String(value);
  }
  return route.generate(clean);
}

/** The address `astro build` requests a page under (getUrlForPath, for build.format 'directory'). */
function urlOf(pathname: string, base: string, route: RouteData): URL {
  let address: string;
  if (pathname === '/' || pathname === '') address = base;
  else if (route.type === 'endpoint') address = base + pathname.replace(/^\/+/, '');
  else address = `${base}${pathname.replace(/^\/+/, '').replace(/\/+$/, '')}/`;
  return new URL(address, ORIGIN);
}

/** The file `astro build` writes a page to (getOutFolder and getOutFile, build.format 'directory'). */
function fileOf(outDir: string, pathname: string, route: RouteData): string {
  const root = pathToFileURL(`${outDir}${path.sep}`);
  const encoded = encodeURI(pathname);
  const dirname = (p: string) => path.posix.dirname(p);
  const folder = (p: string) => (p.endsWith('/') ? p : `${p}/`);
  if (route.type === 'endpoint') return fileURLToPath(new URL(path.posix.basename(encoded), new URL(`.${folder(dirname(encoded))}`, root)));
  if (STATUS_CODE_PAGES.has(encoded)) return fileURLToPath(new URL(`./${path.posix.basename(encoded)}.html`, new URL(`.${folder(dirname(encoded))}`, root)));
  return fileURLToPath(new URL('./index.html', new URL(`.${folder(encoded)}`, root)));
}

/** What the compiled site's server/entry.mjs exports. */
export interface CompiledEntry {
  manifest: SSRManifest;
}

/** The compiled site's entry module in `compiledDir`, imported (with every module it imports). */
async function loadEntry(compiledDir: string): Promise<CompiledEntry> {
  return (await import(pathToFileURL(path.join(compiledDir, 'server', 'entry.mjs')).href)) as CompiledEntry;
}

/**
 * Renders every page of the compiled site in `compiledDir` into `outDir` for `base` and copies its client files
 * (the stylesheet under _astro/, the public files). Pages are rendered one after the other in the manifest's
 * order, as `astro build` does. `entry` is the compiled site's entry module (imported from `compiledDir` when not
 * given; the renderer's bundle passes its own). Returns the number of files written; throws the page's error.
 */
export async function renderPrecompiled(compiledDir: string, outDir: string, base: string, entry?: CompiledEntry): Promise<number> {
  const manifest = rebase((entry ?? (await loadEntry(compiledDir))).manifest, withSlashes(base));
  withPath(outDir, () => mkdirSync(outDir, { recursive: true }));
  withPath(outDir, () => copyAsNew(path.join(compiledDir, 'client'), outDir));
  const app = new App(manifest, false);
  const rendered = manifest.routes.map((r) => r.routeData).filter((route) => route.origin === 'project' && (route.type === 'page' || route.type === 'endpoint'));
  // Every page's modules are asked for at once: while the site's data module waits for the graph that `sparbar build`
  // is still making (without blocking, site/lib/data.ts), the others are read and compiled. A module that fails gives
  // its error when its page is rendered below.
  for (const route of rendered) manifest.pageMap?.get(route.component)?.().catch(() => undefined);
  const made = new Set<string>();
  let written = 0;
  for (const route of rendered) {
    // Rendered as `astro build` renders a static page: its props are those getStaticPaths gave its params.
    route.prerender = true;
    let pathnames: string[];
    if (route.pathname) pathnames = [route.pathname];
    else {
      const load = manifest.pageMap?.get(route.component);
      if (!load) throw new Error(`Sidan ${route.component} saknas i den kompilerade webbplatsen.`);
      const mod = (await (await load()).page()) as PageModule;
      if (!mod.getStaticPaths) throw new Error(`Sidan ${route.component} har ingen getStaticPaths.`);
      const paths = await mod.getStaticPaths({
        paginate: () => {
          throw new Error('paginate används inte av webbplatsen');
        },
        routePattern: route.route,
      });
      pathnames = paths.map((p) => pathnameOf(route, p.params));
    }
    for (const pathname of pathnames) {
      const response = await app.render(new Request(urlOf(pathname, manifest.base, route)), { routeData: route });
      if (response.status >= 300 && response.status < 400) throw new Error(`Sidan ${pathname} skickar vidare (${response.status}); webbplatsen har inga sådana sidor.`);
      if (response.status >= 500) throw new Error(`Sidan ${pathname} gick inte att bygga (${response.status}).`);
      const body = Buffer.from(await response.arrayBuffer());
      if (body.length === 0) continue;
      const file = fileOf(outDir, pathname, route);
      const dir = path.dirname(file);
      if (!made.has(dir)) {
        withPath(dir, () => mkdirSync(dir, { recursive: true }));
        made.add(dir);
      }
      withPath(file, () => writeFileSync(file, body));
      written++;
    }
  }
  return written;
}

/** What the renderer writes to SPARBAR_RENDER_STATS for `sparbar build`'s timings (BuildTimings). */
export interface RendererStats {
  /** Time blocked waiting for the files `sparbar build` writes, in ms. */
  waitedMs: number;
  /** Texts parsed while waiting for the graph (src/site/parse-ahead.ts), and of those, texts whose tree was used. */
  parsedAhead: number;
  usedAhead: number;
}

/**
 * The renderer's process: renders the site named by SPARBAR_PRECOMPILED into SPARBAR_OUT for SPARBAR_BASE, writes how
 * long the pages' data modules waited into SPARBAR_RENDER_STATS, and sets the exit code (1 with the error on stderr,
 * 2 without the two folders). `entry`: the compiled entry module when the caller has it (the bundle).
 */
export async function runRenderer(entry?: CompiledEntry): Promise<void> {
  const compiled = process.env.SPARBAR_PRECOMPILED;
  const out = process.env.SPARBAR_OUT;
  if (!compiled || !out) {
    console.error('SPARBAR_PRECOMPILED och SPARBAR_OUT behövs.');
    process.exitCode = 2;
    return;
  }
  try {
    await renderPrecompiled(compiled, out, process.env.SPARBAR_BASE || '/', entry ?? (await loadEntry(compiled)));
    // How long the pages' data modules waited for the files `sparbar build` writes, and how many texts they parsed
    // while they waited and used (site/lib/data.ts), for its timings.
    const stats = process.env.SPARBAR_RENDER_STATS;
    const shared = globalThis as { [key: symbol]: unknown };
    const ahead = shared[Symbol.for('sparbar.parsedAhead')] as { parsed: number; used: number } | undefined;
    const figures: RendererStats = { waitedMs: (shared[Symbol.for('sparbar.waitedMs')] as number | undefined) ?? 0, parsedAhead: ahead?.parsed ?? 0, usedAhead: ahead?.used ?? 0 };
    if (stats) withPath(stats, () => writeFileSync(stats, JSON.stringify(figures)));
  } catch (error) {
    // A write the disk refused (full, read-only) is said in one line on stdout (which `sparbar build` shows only when
    // asked for more output) that it turns into a Swedish sentence.
    if (isWriteRefusal(error)) console.log(refusalLine(error));
    else console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  }
}

// Run as a program. In the bundle import.meta.url is the bundle's, which runs runRenderer itself.
const self = fileURLToPath(import.meta.url);
if (path.basename(self) === 'render-precompiled.js' && process.argv[1] && path.resolve(process.argv[1]) === self) void runRenderer();
