// The renderer's bundle as a script with V8's code cache. The renderer, the compiled site and the packages they use
// are one bundle of some 2.8 MB (precompile-site.ts). As an ES module it was compiled anew by every `sparbar build`:
// Node 20 has no compile cache for modules (module.enableCompileCache came in 22.1). As a script, vm.Script takes
// V8's code cache, as the bundles of `check` and `build` do (src/cli/load-bundle.ts). The script is the bundle's code
// in an async function, so that its top-level await (the site's data module waits for the graph) stays as it is.
// lib/site-render/render.mjs, the program `sparbar build` starts, only calls runRendererScript.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { tuneTiering } from '../util/tiering.js';
import { codeCacheFile, readCodeCache, scriptIsWhole, withIdLine } from '../util/code-cache.js';

/** The script, in the compiled site's folder (lib/site-render/). */
export const RENDER_SCRIPT_FILE = 'render.js';
/** V8's code cache of the script, beside it (src/util/code-cache.ts). */
export const RENDER_CODE_CACHE_FILE = 'render.v8-cache';
/** The script's first line starts with this and ends with the sha256 of the rest. */
export const RENDER_SCRIPT_ID_PREFIX = '// sparbar render ';
/** Set to 1, the renderer writes its code cache when it ends (build-bundles.ts, after it rendered the example plan). */
export const WRITE_CODE_CACHE_ENV = 'SPARBAR_RENDER_CODE_CACHE';
/** The names the bundle's code uses for what a module has and a script does not: Node's require, and import.meta.url. */
export const SCRIPT_PARAMETERS = ['require', '__sparbarBundleUrl'] as const;

/**
 * The script's text for the bundle's code `code` (an ES module without import or export statements): a first line
 * naming the sha256 of the rest (src/util/code-cache.ts), then the code in an async function of SCRIPT_PARAMETERS.
 */
export function rendererScript(code: string): string {
  return withIdLine(RENDER_SCRIPT_ID_PREFIX, `(async function (${SCRIPT_PARAMETERS.join(', ')}) {"use strict";\n${code}\n})`);
}

/** The renderer's script, compiled, and whether V8 took its code cache (false when there was none for this script). */
export interface RendererScript {
  script: vm.Script;
  file: string;
  /** The script's first line, which its code cache starts with. */
  id: string;
  codeCacheUsed: boolean;
}

/**
 * The renderer's script in `folder` (lib/site-render/), compiled with its code cache when the cache was made for this
 * script and is whole (src/util/code-cache.ts), unless `withoutCache`. `scriptName`: the script's name in stack traces and in a code
 * cache made from it, instead of its path. Throws when the script cannot be read.
 */
export function loadRendererScript(folder: string, options: { withoutCache?: boolean; scriptName?: string } = {}): RendererScript {
  const file = path.join(folder, RENDER_SCRIPT_FILE);
  const source = readFileSync(file, 'utf8');
  const id = source.slice(0, source.indexOf('\n') + 1);
  // A script changed by hand (V8 compares only the length) or a damaged cache would crash V8: both are checked.
  const cachedData = options.withoutCache || !scriptIsWhole(source, id) ? undefined : readCodeCache(path.join(folder, RENDER_CODE_CACHE_FILE), id);
  // The flags the code caches were made with (src/util/tiering.ts).
  tuneTiering();
  const script = new vm.Script(source, {
    filename: options.scriptName ?? file,
    ...(cachedData ? { cachedData } : {}),
    // import() of a package the bundle leaves out (Astro's image service imports sharp, which the site does not use).
    ...(vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
  });
  return { script, file, id, codeCacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

/**
 * Runs the renderer's script beside the module `moduleUrl` (lib/site-render/render.mjs, which passes its
 * import.meta.url) with its code cache; the bundle's import.meta.url is `moduleUrl`, as when it ran as that module. Rejects with an error the script throws (the
 * renderer itself sets the exit code for a page that fails). With WRITE_CODE_CACHE_ENV set to 1, writes the code cache
 * when the process ends, after rendering, so that it holds the functions the pages ran and not only the top level;
 * the script is then named without the folder (V8 keeps the name in the cache, which is published with the package).
 */
export async function runRendererScript(moduleUrl: string): Promise<void> {
  const folder = path.dirname(fileURLToPath(moduleUrl));
  const writeCache = process.env[WRITE_CODE_CACHE_ENV] === '1';
  const { script, file, id } = loadRendererScript(folder, writeCache ? { withoutCache: true, scriptName: `sparbar/lib/site-render/${RENDER_SCRIPT_FILE}` } : {});
  if (writeCache) {
    process.once('exit', () => {
      const data = script.createCachedData();
      // Best effort: a package folder that cannot be written leaves the renderer without a cache, not failed.
      try {
        writeFileSync(path.join(folder, RENDER_CODE_CACHE_FILE), codeCacheFile(id, data));
      } catch {}
    });
  }
  const run = script.runInThisContext() as (...args: unknown[]) => Promise<void>;
  await run(createRequire(file), moduleUrl);
}
