// Writes the browser editor into a built site under admin/: Decap CMS's own files, the yaml package's browser
// build, Spårbar's format script and the generated configuration. Everything the page loads is in the folder.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Graph } from '../graph/types.js';
import { editorConfig, type EditorConfig } from './decap-config.js';
import { editorBackend, type EditorBackend, type EditorSettings } from './settings.js';
import { copyAsNew } from '../files/copy-as-new.js';
import { makeFolders } from '../files/make-folders.js';

/** The folder of the editor in the site. */
export const EDITOR_FOLDER = 'admin';

/** Spårbar's modules the page loads, compiled in lib/ (their relative imports stay as they are). */
const BROWSER_MODULES = ['src/editor/browser/sparbar-cms.js', 'src/editor/frontmatter-edit.js', 'src/parse/frontmatter.js'];

export interface WriteEditorInput {
  graph: Graph;
  /** `redigering` from sparbar.config.json, if any. */
  settings: EditorSettings | undefined;
  plansDir: string;
  /** The package root (holds lib/). */
  packageRoot: string;
  /** `sparbar redigera`: the local backend, used whatever the settings say. */
  local?: { url: string; workflow: boolean; plansPath: string } | undefined;
  siteUrl?: string | null;
}

/**
 * Writes `admin/` into `siteDir` when the settings turn the editor on (`redigering.på`) or a local backend is
 * given; returns the configuration written, or the Swedish reasons it could not be written (nothing is written
 * then). Decap CMS comes from the `decap-cms` package (installed beside Spårbar).
 */
export function writeEditor(siteDir: string, input: WriteEditorInput): { written: EditorConfig | null; errors: string[] } {
  if (!input.local && input.settings?.på !== true) return { written: null, errors: [] };
  const settings = input.settings ?? { på: true };
  let backend: EditorBackend;
  if (input.local) backend = { kind: 'local', url: input.local.url, branch: settings.gren ?? 'main', workflow: input.local.workflow };
  else {
    const b = editorBackend(settings);
    if ('errors' in b) return { written: null, errors: b.errors };
    backend = b;
  }
  const decap = decapDist();
  if (!decap) {
    return { written: null, errors: ['Redigeringen är påslagen (redigering.på), men Decap CMS är inte installerat. Kör npm install --save-dev decap-cms@3 (och decap-server@3 för sparbar redigera) och bygg igen.'] };
  }
  const missing = BROWSER_MODULES.filter((m) => !existsSync(path.join(input.packageRoot, 'lib', m)));
  if (missing.length > 0) return { written: null, errors: [`Spårbars kompilerade filer saknas (${missing.join(', ')}); kör npm run build:cli.`] };
  const plansPath = input.local?.plansPath ?? settings.mapp ?? plansPathInRepository(input.plansDir);
  const config = editorConfig(input.graph, { plansPath, backend, period: settings.period, siteUrl: input.siteUrl ?? null });

  const out = path.join(siteDir, EDITOR_FOLDER);
  makeFolders(path.join(out, 'decap'));
  for (const name of readdirSync(decap).sort()) {
    if (name === 'decap-cms.js' || name.endsWith('.decap-cms.js') || name.endsWith('.wasm') || name === 'decap-cms.js.LICENSE.txt') copyAsNew(path.join(decap, name), path.join(out, 'decap', name));
  }
  copyAsNew(yamlBrowserBuild(), path.join(out, 'vendor', 'yaml'));
  for (const m of BROWSER_MODULES) {
    const target = path.join(out, 'sparbar', m.replace(/^src\//, ''));
    makeFolders(path.dirname(target));
    copyAsNew(path.join(input.packageRoot, 'lib', m), target);
  }
  writeFileSync(path.join(out, 'config.json'), `${JSON.stringify(config.decap, null, 2)}\n`);
  writeFileSync(path.join(out, 'sparbar.json'), `${JSON.stringify(config.format)}\n`);
  writeFileSync(path.join(out, 'index.html'), page());
  return { written: config, errors: [] };
}

function page(): string {
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Redigera planen</title>
<script type="importmap">{ "imports": { "yaml": "./vendor/yaml/index.js" } }</script>
<script>window.CMS_MANUAL_INIT = true;</script>
<script src="./decap/decap-cms.js"></script>
</head>
<body>
<noscript><p>Redigeringen behöver JavaScript. Planen kan också ändras direkt i filerna i git.</p></noscript>
<script type="module" src="./sparbar/editor/browser/sparbar-cms.js"></script>
</body>
</html>
`;
}

/** Decap CMS's prebuilt files (node_modules/decap-cms/dist), found from Spårbar's place or the working folder; null when not installed. */
export function decapDist(): string | null {
  for (const from of [import.meta.url, path.join(process.cwd(), 'package.json')]) {
    try {
      const pkg = createRequire(from).resolve('decap-cms/package.json');
      const dist = path.join(path.dirname(pkg), 'dist');
      if (existsSync(path.join(dist, 'decap-cms.js'))) return dist;
    } catch {
      // not found from here
    }
  }
  return null;
}

function yamlBrowserBuild(): string {
  const pkg = createRequire(import.meta.url).resolve('yaml/package.json');
  return path.join(path.dirname(pkg), 'browser');
}

/** The plans folder's path from the top of its git repository (`plans`), or from the working folder outside git. */
export function plansPathInRepository(plansDir: string): string {
  try {
    const prefix = execFileSync('git', ['rev-parse', '--show-prefix'], { cwd: plansDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return prefix.replace(/\/$/, '');
  } catch {
    const rel = path.relative(process.cwd(), path.resolve(plansDir)).split(path.sep).join('/');
    return rel.startsWith('..') ? '' : rel;
  }
}
