// Builds the bundles of `sparbar check` and `sparbar build` (see load-bundle.ts) when Spårbar itself is built (`npm run
// prepare`, after tsc and the compiled site): for each, lib/src/cli/run.js and every module that command reaches,
// packages included, as one CommonJS file lib/src/cli/<command>-bundle.cjs, and V8's code cache of it after the command
// has run on the example plan (so that the functions it calls are in the cache, not only the top level). The other
// commands stay out of them (their modules load as they are: main.js sends only these two to a bundle). Nothing is
// minified or renamed beyond what bundling needs, so messages and stack traces name our functions, and each module's
// code follows a comment with its path. Run as `node lib/src/cli/build-bundles.js`.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { codeDigest } from '../check/check-cache.js';
import { WRITE_CODE_CACHE_ENV } from '../site/renderer-script.js';
import { TEXT_CODE_MODULES } from '../site/text-cache.js';
import { codeCacheFile, withIdLine } from '../util/code-cache.js';
import { BUNDLE_IMPORT, BUNDLED_COMMANDS, type BundledCommand, bundleFiles, type CommandBundle, loadBundle, stampLines } from './load-bundle.js';

/**
 * Packages a bundle leaves to Node: Pagefind finds its binary from its own module's place (import.meta.url), which
 * in a bundle would be the bundle's. Each is an ES module that our code imports with import(), which a script run by
 * vm cannot call: the bundle calls the loader's BUNDLE_IMPORT instead.
 */
const EXTERNAL_PACKAGES = ['pagefind'];

/** `text` (a bundle) with each `import("<package>")` of EXTERNAL_PACKAGES calling BUNDLE_IMPORT; throws when one is not there. */
function importsThroughLoader(text: string): string {
  let out = text;
  for (const name of EXTERNAL_PACKAGES) {
    const call = `import(${JSON.stringify(name)})`;
    if (!out.includes(call)) throw new Error(`${call} finns inte i paketet: ändra EXTERNAL_PACKAGES i build-bundles.ts`);
    out = out.split(call).join(`${BUNDLE_IMPORT}(${JSON.stringify(name)})`);
  }
  return out;
}

/**
 * Bundles lib/src/cli/run.js with `command` as its only command into `dir`/<command>-bundle.cjs and writes its code
 * cache, warmed by running the command on `plans` (a plans folder; skipped when undefined). `dir` is lib/src/cli/ of
 * a built Spårbar. Rejects when esbuild fails.
 */
export async function buildBundle(command: BundledCommand, dir: string, plans: string | undefined): Promise<{ bytes: number; codeCacheBytes: number }> {
  const names = bundleFiles(command);
  const file = path.join(dir, names.file);
  const codeCachePath = path.join(dir, names.codeCache);
  // The old cache first: V8 would take it for a new bundle of the same length, and the cache made here with it.
  rmSync(codeCachePath, { force: true });
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
    // Spårbar's package.json upward from there, or modules beside their own (lib/src/<folder>/), as they do from their place.
    banner: { js: "const __sparbarBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    // The caches' keys as the modules would compute them, without reading the modules at every run.
    define: {
      'import.meta.url': '__sparbarBundleUrl',
      SPARBAR_CODE_DIGEST: JSON.stringify(codeDigest()),
      SPARBAR_TEXT_CODE_DIGEST: JSON.stringify(codeDigest(TEXT_CODE_MODULES)),
    },
    external: EXTERNAL_PACKAGES,
    plugins: [
      {
        name: 'sparbar-other-commands',
        setup(b) {
          b.onResolve({ filter: /^\.\/commands\// }, (args) => (args.path === `./commands/${command}.js` ? undefined : { path: args.path, external: true }));
        },
      },
      zodNamespacePlugin(dir),
    ],
  });
  const text = command === 'build' ? importsThroughLoader(result.outputFiles[0]!.text) : result.outputFiles[0]!.text;
  const bundled = withIdLine(names.idPrefix, text);
  const id = bundled.slice(0, bundled.indexOf('\n'));
  writeFileSync(file, bundled);
  // The same line among the last of the compiled loader, which tsc writes anew (without them) on every build: see loadBundle.
  const loader = path.join(dir, 'load-bundle.js');
  const loaderText = readFileSync(loader, 'utf8');
  const stamps = stampLines(loaderText);
  const code = loaderText.replace(/\n+$/, '').split('\n').slice(0, stamps.length > 0 ? -stamps.length : undefined);
  writeFileSync(loader, `${[...code, ...stamps.filter((line) => !line.startsWith(names.idPrefix)), id].join('\n')}\n`);
  // Named without the folder it was built in: V8 keeps the script's name in the code cache, which is published with the
  // package (a bundle run from its own path takes the cache all the same).
  const loaded = loadBundle(command, dir, { scriptName: `sparbar/lib/src/cli/${names.file}` });
  if (loaded === undefined) throw new Error(`${file} gick inte att läsa in`);
  if (plans !== undefined && existsSync(plans)) await warmUp(command, loaded.run, plans);
  const codeCache = loaded.script.createCachedData();
  writeFileSync(codeCachePath, codeCacheFile(`${id}\n`, codeCache));
  return { bytes: Buffer.byteLength(bundled), codeCacheBytes: codeCache.length };
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

/**
 * Runs `command` through its bundle on `plans`, printing nothing, with a new check cache: check without the cache, then
 * twice with it (filling it, using it); build once into a temporary folder, filling the caches, and once using them.
 * The first build's renderer writes its own code cache as it ends (renderer-script.ts), with the pages' functions in it.
 */
async function warmUp(command: BundledCommand, run: CommandBundle['run'], plans: string): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'sparbar-bundle-'));
  const before = process.env['SPARBAR_CACHE_DIR'];
  process.env['SPARBAR_CACHE_DIR'] = path.join(work, 'cache');
  const io = { stdout: () => {}, stderr: () => {}, color: false };
  try {
    const runs = command === 'check' ? [['check', plans, '--no-cache'], ['check', plans], ['check', plans]] : [0, 1].map(() => ['build', plans, '--out', path.join(work, 'webbplats')]);
    for (const [k, argv] of runs.entries()) {
      let errors = '';
      if (command === 'build' && k === 0) process.env[WRITE_CODE_CACHE_ENV] = '1';
      const code = await run(argv, { ...io, stderr: (s) => (errors += s) });
      delete process.env[WRITE_CODE_CACHE_ENV];
      // The example plan checks and builds: anything else is a broken bundle, found here rather than by a user.
      if (code !== 0) throw new Error(`sparbar ${argv.join(' ')} avslutades med kod ${code} i paketet:\n${errors}`);
    }
  } finally {
    if (before === undefined) delete process.env['SPARBAR_CACHE_DIR'];
    else process.env['SPARBAR_CACHE_DIR'] = before;
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // lib/src/cli/build-bundles.js: the package root is three folders up; its example plan warms the code caches.
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const plans = path.resolve(dir, '..', '..', '..', 'plans');
  (async () => {
    for (const command of BUNDLED_COMMANDS) {
      const { bytes, codeCacheBytes } = await buildBundle(command, dir, plans);
      console.log(`sparbar ${command} samlad i ${bundleFiles(command).file} (${Math.round(bytes / 1024)} kB, kodcache ${Math.round(codeCacheBytes / 1024)} kB).`);
    }
  })().catch((error: unknown) => {
    console.error(`Kommandona kunde inte samlas i sina filer: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  });
}
