// `sparbar check` and `sparbar build` from their bundles: one CommonJS file per command with the command line and
// everything that command runs (our modules, zod, yaml; for build also the site's model, the markdown and the history),
// built by build-bundles.js at `npm run prepare`, compiled with the V8 code cache written beside it at the same time.
// Starting Node and loading some 250 modules one by one (resolving, reading and compiling each) took most of a cached
// check's time, and 0.7 s of the example's build before its check began; the bundle is one read and, with the code
// cache, next to no compiling. Node 20 has no module compile cache (module.enableCompileCache came in 22.1), and
// vm.Script's cachedData is the API that takes one, for a script, hence CommonJS.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { tuneTiering } from '../util/tiering.js';
import { readCodeCache, scriptIsWhole } from '../util/code-cache.js';
import type { run } from './run.js';

/** The commands that have a bundle. */
export const BUNDLED_COMMANDS = ['check', 'build'] as const;
export type BundledCommand = (typeof BUNDLED_COMMANDS)[number];

/** A command's bundle and its code cache (files beside this module, lib/src/cli/) and how its first line starts. */
export function bundleFiles(command: BundledCommand): { file: string; codeCache: string; idPrefix: string } {
  // `// sparbar check-bundle <sha256 of the rest>`: the bundle's first line; its code cache starts with the same line.
  return { file: `${command}-bundle.cjs`, codeCache: `${command}-bundle.v8-cache`, idPrefix: `// sparbar ${command}-bundle ` };
}

/** What a bundle calls instead of import() for a package it leaves out (build-bundles.ts). */
export const BUNDLE_IMPORT = '__sparbarImport';

/** A bundle, loaded: its `run` (run.ts's, with its command as the only one) and the compiled script. */
export interface CommandBundle {
  run: typeof run;
  script: vm.Script;
  /** Whether V8 took the code cache (false when there was none, or it was made by another V8 or with other flags). */
  codeCacheUsed: boolean;
}

const here = fileURLToPath(import.meta.url);

/**
 * The bundle of `command` in `dir` (this module's folder by default) when it is there and was built with the modules
 * there: the build writes the bundle's first line (`// sparbar check-bundle <digest>`) as one of the last lines of this
 * module's compiled file too, and tsc, which writes every module on every build, drops them, so after a bare tsc the
 * modules run as they are. Undefined when there is no such bundle; a broken bundle throws, as a broken module would.
 * `scriptName`: the script's name in stack traces and in the code cache made from it, instead of the file's path.
 */
export function loadBundle(command: BundledCommand, dir: string = path.dirname(here), options: { scriptName?: string } = {}): CommandBundle | undefined {
  const { file: name, codeCache, idPrefix } = bundleFiles(command);
  const file = path.join(dir, name);
  let source: string;
  let id: string;
  try {
    const own = readFileSync(path.join(dir, path.basename(here)), 'utf8');
    const stamp = stampLines(own).find((line) => line.startsWith(idPrefix));
    if (stamp === undefined) return undefined;
    source = readFileSync(file, 'utf8');
    id = source.slice(0, source.indexOf('\n') + 1);
    if (id !== `${stamp}\n`) return undefined;
  } catch {
    return undefined;
  }
  // A bundle changed by hand is not run: the modules run instead. V8 takes a code cache for any
  // source of the same length and crashes on a damaged one: the cache's first line must be the bundle's own, and its
  // bytes whole (src/util/code-cache.ts).
  if (!scriptIsWhole(source, id)) return undefined;
  const cachedData = readCodeCache(path.join(dir, codeCache), id);
  // The flags the code caches were made with (src/util/tiering.ts).
  tuneTiering();
  // On the bundle's first line, so that its line numbers in stack traces are the file's.
  // CommonJS's own wrapper, and the import() of the ES module packages the bundle leaves out (Pagefind), which a script
  // cannot call without Node's experimental flag: this module's, resolving from beside the bundle (build-bundles.ts).
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, ${BUNDLE_IMPORT}) {${source}\n})`, {
    filename: options.scriptName ?? file,
    ...(cachedData ? { cachedData } : {}),
  });
  const module: { exports: { run?: typeof run } } = { exports: {} };
  const importPackage = (specifier: string): Promise<unknown> => import(specifier);
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dir, importPackage);
  if (typeof module.exports.run !== 'function') return undefined;
  return { run: module.exports.run, script, codeCacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

/** The bundles' lines at the end of the compiled loader's text (`// sparbar <command>-bundle <digest>`), in order. */
export function stampLines(loaderText: string): string[] {
  const lines = loaderText.replace(/\n+$/, '').split('\n');
  let first = lines.length;
  while (first > 0 && /^\/\/ sparbar [a-z]+-bundle [0-9a-f]{64}$/.test(lines[first - 1]!)) first--;
  return lines.slice(first);
}
