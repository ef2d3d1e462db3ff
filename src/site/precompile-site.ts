// Compiles the site's code once, when Spårbar itself is built (`npm run prepare`, run by `npm ci`, `npm pack` and
// `npm run build:cli`): Astro's server build of site/ with astro.config.mjs, through a tiny adapter whose entry
// exports Astro's manifest, into lib/site-render/ (see precompiled-site.ts). Does nothing when the compiled site
// is already made from today's sources. Run as `node lib/src/site/precompile-site.js [--force]`.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'esbuild';
import { astroVersion, PRECOMPILED_DIR, type PrecompiledStamp, precompiledSite, RENDER_BUNDLE_FILE, RENDER_MODULE, sourceDigest, STAMP_FILE } from './precompiled-site.js';
import { RENDER_SCRIPT_FILE, rendererScript, SCRIPT_PARAMETERS } from './renderer-script.js';

const ENTRY_ID = 'sparbar:precompiled-entry';

/**
 * The adapter: Astro's server build with an entry module that only exports the manifest (`createExports`, as
 * Astro's adapter API names it), and a Vite plugin that records every module of the project the build read
 * (`sources`, paths relative to `root`), for the stamp.
 */
function precompiledAdapter(root: string, sources: Set<string>): AstroIntegration {
  return {
    name: 'sparbar-precompiled',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'sparbar-precompiled-entry',
                resolveId: (id: string) => (id === ENTRY_ID ? `\0${ENTRY_ID}` : undefined),
                load: (id: string) => (id === `\0${ENTRY_ID}` ? 'export function createExports(manifest) { return { manifest }; }' : undefined),
                generateBundle() {
                  for (const id of this.getModuleIds()) {
                    const file = id.split('?')[0] ?? '';
                    if (!path.isAbsolute(file) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
                    const relative = path.relative(root, file);
                    if (relative.startsWith('..') || !existsSync(file)) continue;
                    sources.add(relative.split(path.sep).join('/'));
                  }
                },
              },
            ],
          },
        });
      },
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: 'sparbar-precompiled',
          serverEntrypoint: ENTRY_ID,
          exports: ['manifest'],
          adapterFeatures: { buildOutput: 'server', edgeMiddleware: false },
          supportedAstroFeatures: { serverOutput: 'stable', staticOutput: 'stable', hybridOutput: 'stable', sharpImageService: 'stable' },
        });
      },
    },
  };
}

/** What the compiled modules say instead of the folder Spårbar was built in (a path of the build machine). */
export const PACKAGE_ROOT_PLACEHOLDER = '/sparbar/';

/**
 * Writes every compiled module under `dir` again with the package root `root` replaced by
 * PACKAGE_ROOT_PLACEHOLDER: Astro names components by their absolute path (component metadata, the manifest's
 * folders), which would put the build machine's paths in the package. The same path becomes the same name
 * everywhere, so the names still match each other; nothing reads these folders when pages are rendered.
 */
function withoutMachinePaths(dir: string, root: string): void {
  const from = `${root.split(path.sep).join('/').replace(/\/+$/, '')}/`;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.mjs')) {
        const text = readFileSync(full, 'utf8');
        if (text.includes(from)) writeFileSync(full, text.split(from).join(PACKAGE_ROOT_PLACEHOLDER));
      }
    }
  };
  walk(dir);
}

/**
 * Bundles the renderer (RENDER_MODULE), the compiled site in `dir` (its entry and every page, which the entry imports
 * when a page is first rendered) and the packages they import into one script, `dir`/RENDER_SCRIPT_FILE, which runs
 * the renderer, and writes `dir`/RENDER_BUNDLE_FILE, the module that runs it (renderer-script.ts). Loading the site
 * module by module (some 580 of them: Astro's runtime, zod, yaml, micromark, …, each resolved, read and compiled) took
 * about 1 s of the renderer's 2.5 s of processor time on the example plan. A script rather than a module for V8's code
 * cache (renderer-script.ts); esbuild writes an ES module, for the site's data module's top-level await, which the
 * script keeps in an async function: Node's own modules come through `require`, import.meta.url is a parameter, and
 * V8 compiling the script here finds anything else a script cannot hold. Paths in the bundle's comments are relative
 * to `root`, and name `finalDir`, where `dir` is moved, instead of `dir`.
 */
async function bundleRenderer(dir: string, root: string, finalDir: string): Promise<void> {
  const { build } = await import('esbuild');
  const entry = path.join(dir, 'render-entry.mjs');
  const renderer = path.relative(dir, path.join(root, RENDER_MODULE)).split(path.sep).join('/');
  writeFileSync(entry, `import * as entry from './server/entry.mjs';\nimport { runRenderer } from ${JSON.stringify(renderer)};\nawait runRenderer(entry);\n`);
  try {
    const result = await build({
      entryPoints: [entry],
      outfile: path.join(dir, RENDER_SCRIPT_FILE),
      write: false,
      absWorkingDir: root,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      logLevel: 'error',
      // import.meta.url as the module render.mjs had it; import.meta.env, which only Vite fills, as Node leaves it.
      define: { 'import.meta.url': SCRIPT_PARAMETERS[1], 'import.meta.env': 'undefined' },
      // Loaded only by Astro's image service, which the site does not use, and then from where it is installed.
      external: ['sharp'],
      plugins: [builtinsThroughRequire()],
    });
    const relative = (folder: string) => `${path.relative(root, folder).split(path.sep).join('/')}/`;
    const code = result.outputFiles[0]!.text.split(relative(dir)).join(relative(finalDir));
    const script = rendererScript(code);
    // Throws V8's SyntaxError for an import or export statement or an import.meta left in the bundle.
    new vm.Script(script, { filename: RENDER_SCRIPT_FILE });
    writeFileSync(path.join(dir, RENDER_SCRIPT_FILE), script);
    writeFileSync(
      path.join(dir, RENDER_BUNDLE_FILE),
      `// Runs the renderer's script beside this module with its code cache (src/site/renderer-script.ts).\nimport { runRendererScript } from '../src/site/renderer-script.js';\nawait runRendererScript(import.meta.url);\n`,
    );
  } finally {
    rmSync(entry, { force: true });
  }
}

/** An esbuild plugin: each of Node's own modules as `module.exports = require(name)`, which the script is given. */
function builtinsThroughRequire(): Plugin {
  const names = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
  return {
    name: 'sparbar-builtins-through-require',
    setup(b) {
      b.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
        if (!names.has(args.path)) return undefined;
        // The require in the module below is left to the script's.
        return args.namespace === 'sparbar-builtin' ? { path: args.path, external: true } : { path: args.path, namespace: 'sparbar-builtin' };
      });
      b.onLoad({ filter: /.*/, namespace: 'sparbar-builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
    },
  };
}

/**
 * Compiles the site of the package at `root` into lib/site-render/ unless it is fresh (or `force`). Builds into a
 * sibling folder and moves it into place with its stamp, so a build that fails leaves the old one (or none).
 * Throws Astro's error when the site does not compile.
 */
export async function precompileSite(root: string, force = false): Promise<{ built: boolean; dir: string }> {
  const dir = path.join(root, PRECOMPILED_DIR);
  if (!force && precompiledSite(root).fresh) return { built: false, dir };
  const work = path.join(root, 'lib', `.site-render-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  // What `sparbar build` would set: no telemetry, no search index from Astro, the site at /.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  process.env.SPARBAR_SEARCH = '0';
  for (const name of ['SPARBAR_BASE', 'SPARBAR_OUT', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX']) delete process.env[name];
  const sources = new Set<string>();
  const { build } = await import('astro');
  try {
    await build({
      root,
      configFile: 'astro.config.mjs',
      logLevel: 'error',
      output: 'server',
      outDir: work,
      adapter: precompiledAdapter(root, sources),
    });
    withoutMachinePaths(work, root);
    const astro = astroVersion(root);
    const list = [...sources].sort();
    await bundleRenderer(work, root, dir);
    const stamp: PrecompiledStamp = { astro, sources: list, digest: sourceDigest(root, list, astro) };
    writeFileSync(path.join(work, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(work, dir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { built: true, dir };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // lib/src/site/precompile-site.js: the package root is three folders up.
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const started = Date.now();
  precompileSite(root, process.argv.includes('--force')).then(
    ({ built }) => {
      if (built) console.log(`Webbplatsens kod kompilerad till ${PRECOMPILED_DIR} (${((Date.now() - started) / 1000).toFixed(1)} s).`);
    },
    (error: unknown) => {
      console.error(`Webbplatsens kod gick inte att kompilera: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 1;
    },
  );
}
