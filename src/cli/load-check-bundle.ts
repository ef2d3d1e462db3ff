// `sparbar check` from its bundle: one CommonJS file with the command line and everything `check` runs (our modules,
// zod, yaml), built by build-check-bundle.js at `npm run prepare`, compiled with the V8 code cache written beside it
// at the same time. Starting Node and loading some 250 modules one by one (resolving, reading and compiling each)
// took most of a cached check's time; the bundle is one read and, with the code cache, next to no compiling.
// Node 20 has no module compile cache (module.enableCompileCache came in 22.1), and vm.Script's cachedData is the
// API that takes one, for a script, hence CommonJS.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import type { run } from './run.js';

/** The bundle's file and its code cache's, beside this module (lib/src/cli/). */
export const CHECK_BUNDLE_FILE = 'check-bundle.cjs';
export const CHECK_BUNDLE_CODE_CACHE_FILE = 'check-bundle.v8-cache';
/** How the bundle's first line starts: `// sparbar check-bundle <sha256 of the rest>`; its code cache starts with the same line. */
export const BUNDLE_ID_PREFIX = '// sparbar check-bundle ';

/** The bundle, loaded: its `run` (run.ts's, with `check` as its only command) and the compiled script. */
export interface CheckBundle {
  run: typeof run;
  script: vm.Script;
  /** Whether V8 took the code cache (false when there was none, or it was made by another V8 or with other flags). */
  codeCacheUsed: boolean;
}

const here = fileURLToPath(import.meta.url);

/**
 * The bundle in `dir` (this module's folder by default) when it is there and was built with the modules there: the
 * build writes the bundle's first line (`// sparbar check-bundle <digest>`) as the last line of this module's
 * compiled file too, and tsc, which writes every module on every build, drops it, so after a bare tsc the modules
 * run as they are. Undefined when there is no such bundle; a broken bundle throws, as a broken module would.
 */
export function loadCheckBundle(dir: string = path.dirname(here)): CheckBundle | undefined {
  const file = path.join(dir, CHECK_BUNDLE_FILE);
  let source: string;
  let id: string;
  try {
    const own = readFileSync(path.join(dir, path.basename(here)), 'utf8');
    const stamp = own.slice(own.lastIndexOf('\n', own.length - 2) + 1);
    if (!stamp.startsWith(BUNDLE_ID_PREFIX)) return undefined;
    source = readFileSync(file, 'utf8');
    id = source.slice(0, source.indexOf('\n') + 1);
    if (id !== stamp) return undefined;
  } catch {
    return undefined;
  }
  // V8 takes a code cache for any source of the same length; the cache's first line must be the bundle's own,
  // which names the digest of the bundle it was made for.
  let cachedData: Buffer | undefined;
  try {
    const cache = readFileSync(path.join(dir, CHECK_BUNDLE_CODE_CACHE_FILE));
    const head = Buffer.byteLength(id);
    cachedData = cache.subarray(0, head).toString('utf8') === id ? cache.subarray(head) : undefined;
  } catch {
    cachedData = undefined;
  }
  // CommonJS's own wrapper, on the bundle's first line so that its line numbers in stack traces are the file's.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const module: { exports: { run?: typeof run } } = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dir);
  if (typeof module.exports.run !== 'function') return undefined;
  return { run: module.exports.run, script, codeCacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}
