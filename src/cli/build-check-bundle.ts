// Builds the bundle of `sparbar check` (see load-check-bundle.ts) when Spårbar itself is built (`npm run prepare`,
// after tsc): lib/src/cli/run.js and every module `check` reaches, packages included, as one CommonJS file
// lib/src/cli/check-bundle.cjs, and V8's code cache of it after a check of the example plan has run it (so that
// the functions a check calls are in the cache, not only the top level). The other commands stay out of it (their
// modules load as they are: main.js sends only `check` to the bundle). Nothing is minified or renamed beyond what
// bundling needs, so messages and stack traces name our functions, and each module's code follows a comment with
// its path. Run as `node lib/src/cli/build-check-bundle.js`.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { codeDigest } from '../check/check-cache.js';
import { BUNDLE_ID_PREFIX, CHECK_BUNDLE_CODE_CACHE_FILE, CHECK_BUNDLE_FILE, loadCheckBundle } from './load-check-bundle.js';

/** The commands whose modules the bundle holds: `check` (with --watch); main.js runs every other one from lib/src/cli/. */
const BUNDLED_COMMANDS = new Set(['./commands/check.js']);

/**
 * Bundles lib/src/cli/run.js into `dir`/check-bundle.cjs and writes its code cache, warmed by checking `plans`
 * (a plans folder; skipped when undefined) without and with the check cache. `dir` is lib/src/cli/ of a built
 * Spårbar. Rejects when esbuild fails.
 */
export async function buildCheckBundle(dir: string, plans: string | undefined): Promise<{ bytes: number; codeCacheBytes: number }> {
  const file = path.join(dir, CHECK_BUNDLE_FILE);
  const codeCacheFile = path.join(dir, CHECK_BUNDLE_CODE_CACHE_FILE);
  // The old cache first: V8 would take it for a new bundle of the same length, and the cache made here with it.
  rmSync(codeCacheFile, { force: true });
  const result = await build({
    entryPoints: [path.join(dir, 'run.js')],
    outfile: file,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
    // import.meta.url of each bundled module is the bundle's own (lib/src/cli/): the modules that use it look for
    // Spårbar's package.json upward from there, as they do from their own place.
    banner: { js: "const __sparbarBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__sparbarBundleUrl', SPARBAR_CODE_DIGEST: JSON.stringify(codeDigest()) },
    plugins: [
      {
        name: 'sparbar-other-commands',
        setup(b) {
          b.onResolve({ filter: /^\.\/commands\// }, (args) => (BUNDLED_COMMANDS.has(args.path) ? undefined : { path: args.path, external: true }));
        },
      },
      zodNamespacePlugin(dir),
    ],
  });
  const text = result.outputFiles[0]!.text;
  const id = `${BUNDLE_ID_PREFIX}${createHash('sha256').update(text).digest('hex')}\n`;
  writeFileSync(file, id + text);
  // The same line last in the compiled loader, which tsc writes anew (without it) on every build: see loadCheckBundle.
  const loader = path.join(dir, 'load-check-bundle.js');
  const loaderText = readFileSync(loader, 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith(BUNDLE_ID_PREFIX))
    .join('\n')
    .replace(/\n*$/, '\n');
  writeFileSync(loader, loaderText + id);
  const loaded = loadCheckBundle(dir);
  if (loaded === undefined) throw new Error(`${file} gick inte att läsa in`);
  if (plans !== undefined && existsSync(plans)) await warmUp(loaded.run, plans);
  const codeCache = loaded.script.createCachedData();
  writeFileSync(codeCacheFile, Buffer.concat([Buffer.from(id), codeCache]));
  return { bytes: Buffer.byteLength(id + text), codeCacheBytes: codeCache.length };
}

/**
 * `import { z } from 'zod'` in our modules as what it is, `import * as z from 'zod/v4/classic/external.js'` (zod's
 * index.js: `import * as z from "./v4/classic/external.js"; export { z }`), the same module and the same namespace
 * object, so that esbuild keeps only the parts of zod our modules name (`z.object`, `z.string`, …): without it the
 * namespace is one object and every part comes along, its 50 locales and its JSON Schema code too (95 modules, 600
 * kB, all of them run at every start). Only that exact line is rewritten, and only when zod's index.js is as above.
 */
function zodNamespacePlugin(dir: string): Plugin {
  const zodRoot = path.dirname(createRequire(path.join(dir, 'run.js')).resolve('zod/package.json'));
  const external = path.join(zodRoot, 'v4', 'classic', 'external.js');
  const index = readFileSync(path.join(zodRoot, 'index.js'), 'utf8');
  const usable = index.includes('import * as z from "./v4/classic/external.js";') && /export \{ z\b/.test(index);
  const line = "import { z } from 'zod';";
  return {
    name: 'sparbar-zod-namespace',
    setup(b) {
      if (!usable) return;
      b.onLoad({ filter: /\.js$/ }, (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes(line)) return undefined;
        return { contents: text.replace(line, `import * as z from ${JSON.stringify(external)};`), loader: 'js', resolveDir: path.dirname(args.path) };
      });
    },
  };
}

/** Checks `plans` through the bundle without the check cache, then twice with a new one (filling it, using it), printing nothing. */
async function warmUp(run: NonNullable<ReturnType<typeof loadCheckBundle>>['run'], plans: string): Promise<void> {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'sparbar-bundle-'));
  const before = process.env['SPARBAR_CACHE_DIR'];
  process.env['SPARBAR_CACHE_DIR'] = cacheDir;
  const io = { stdout: () => {}, stderr: () => {}, color: false };
  try {
    await run(['check', plans, '--no-cache'], io);
    await run(['check', plans], io);
    await run(['check', plans], io);
  } finally {
    if (before === undefined) delete process.env['SPARBAR_CACHE_DIR'];
    else process.env['SPARBAR_CACHE_DIR'] = before;
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // lib/src/cli/build-check-bundle.js: the package root is three folders up; its example plan warms the code cache.
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const plans = path.resolve(dir, '..', '..', '..', 'plans');
  buildCheckBundle(dir, plans).then(
    ({ bytes, codeCacheBytes }) => console.log(`sparbar check samlad i ${CHECK_BUNDLE_FILE} (${Math.round(bytes / 1024)} kB, kodcache ${Math.round(codeCacheBytes / 1024)} kB).`),
    (error: unknown) => {
      console.error(`sparbar check gick inte att samla i en fil: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 1;
    },
  );
}
