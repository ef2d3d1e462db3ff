// The site's code compiled once (when Spårbar is built: `npm run prepare`, which `npm ci` and `npm pack` run)
// into lib/site-render/: Astro's server build of site/ (server/entry.mjs exports its manifest, client/ holds
// the stylesheet and the public files). `sparbar build` renders the pages from it (render-precompiled.ts)
// instead of bundling the same .astro files with Vite on every build. A stamp records a digest of every source
// file the bundle was made from; when any of them changed since (a developer editing site/), the compiled
// site is stale and `sparbar build` uses Astro's full build instead, so no site is built from stale code.
// The renderer itself, with the compiled site and the packages both use, is one script, render.js, which
// render.mjs runs with V8's code cache (precompile-site.ts, renderer-script.ts).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { RENDER_SCRIPT_FILE } from './renderer-script.js';

/** Where the compiled site lives, relative to the package root. */
export const PRECOMPILED_DIR = path.join('lib', 'site-render');
/** The program that runs the renderer bundled with the compiled site and the packages they import (renderer-script.ts), in PRECOMPILED_DIR. */
export const RENDER_BUNDLE_FILE = 'render.mjs';
/** The renderer as a module, for when there is no usable bundle, relative to the package root. */
export const RENDER_MODULE = path.join('lib', 'src', 'site', 'render-precompiled.js');
/** The stamp written last by precompile-site.ts: what the compiled site was made from. */
export const STAMP_FILE = 'stamp.json';

/** lib/site-render/stamp.json: the sources (paths relative to the package root, `/`-separated) and their digest. */
export interface PrecompiledStamp {
  /** Astro's version the site was compiled with (its runtime is imported from node_modules at render time). */
  astro: string;
  /** Every file the server bundle was made from, under the package root, sorted. */
  sources: string[];
  /** sha256 over the Astro version, every source's path and bytes, and the list of files under site/. */
  digest: string;
}

/** Every file under `dir` (relative to `root`, `/`-separated, sorted), skipping names that start with `.`. */
function filesUnder(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(path.join(root, dir));
  return out.sort();
}

/** The version of Astro that the package at `root` loads (Node's resolution from there), or '' when there is none. */
export function astroVersion(root: string): string {
  try {
    const file = createRequire(path.resolve(root, 'package.json')).resolve('astro/package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return '';
  }
}

/**
 * The digest of the compiled site's inputs: Astro's version, each source file's path and bytes (a missing file
 * counts as a change), the configuration files and the list of files under site/ (a new page or component is a
 * change even before anything imports it). Hex sha256.
 */
export function sourceDigest(root: string, sources: string[], astro: string): string {
  const hash = createHash('sha256');
  hash.update(`astro ${astro}\n`);
  const files = [...new Set([...sources, 'astro.config.mjs', 'src/site/precompile-site.ts', 'src/site/render-precompiled.ts', 'src/site/renderer-script.ts'])].sort();
  for (const file of files) {
    const full = path.join(root, file);
    hash.update(`file ${file}\n`);
    hash.update(existsSync(full) ? readFileSync(full) : 'missing');
    hash.update('\n');
  }
  hash.update(`site ${filesUnder(root, 'site').join('\n')}\n`);
  return hash.digest('hex');
}

/**
 * Whether the compiled site under `root` is there and made from today's sources; when it is, `renderer` is the program
 * that renders it: its bundle (RENDER_BUNDLE_FILE, with the script it runs) when it is there, else the renderer's module (the same pages, loaded
 * module by module). The bundle holds the packages it was made with, as the bundles of `check` and `build` do, whatever
 * versions are installed beside it: the trees `sparbar build` and the renderer parse come from the same code.
 */
export type PrecompiledState = { fresh: true; dir: string; renderer: string } | { fresh: false; reason: string };

/** Reads the stamp and compares it with the sources as they are now (about 10 ms for the site's ~200 files). */
export function precompiledSite(packageRoot: string): PrecompiledState {
  const root = path.resolve(packageRoot);
  const dir = path.join(root, PRECOMPILED_DIR);
  const stampFile = path.join(dir, STAMP_FILE);
  if (!existsSync(stampFile)) return { fresh: false, reason: `${PRECOMPILED_DIR} saknas (kör npm run build:cli)` };
  let stamp: PrecompiledStamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as PrecompiledStamp;
  } catch {
    return { fresh: false, reason: `${PRECOMPILED_DIR}/${STAMP_FILE} går inte att läsa` };
  }
  if (!existsSync(path.join(dir, 'server', 'entry.mjs'))) return { fresh: false, reason: `${PRECOMPILED_DIR}/server/entry.mjs saknas` };
  const astro = astroVersion(root);
  if (astro !== stamp.astro) return { fresh: false, reason: `kompilerad med Astro ${stamp.astro}, installerad är ${astro}` };
  if (sourceDigest(root, stamp.sources, astro) !== stamp.digest) return { fresh: false, reason: 'webbplatsens källkod har ändrats sedan den kompilerades' };
  const bundle = path.join(dir, RENDER_BUNDLE_FILE);
  return { fresh: true, dir, renderer: existsSync(bundle) && existsSync(path.join(dir, RENDER_SCRIPT_FILE)) ? bundle : path.join(root, RENDER_MODULE) };
}
