// Builds the published site for a plans folder: checks the plans first and refuses to build when they have
// errors, then runs the Astro build (astro.config.mjs, srcDir site/) and the offline search index.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPlans, PlansFolderError } from '../check/check-plans.js';
import { EXIT_OK, EXIT_PLAN_ERRORS, EXIT_USAGE } from '../cli/exit-codes.js';
import { severityOf, type CheckMessage } from '../messages/report.js';
import { normaliseBase } from './model.js';
import { loadSiteConfig } from './site-config.js';

export { normaliseBase };

export interface BuildSiteOptions {
  /** The plans folder (default `plans`). */
  plansDir?: string;
  /** Where the site is written (default `dist`); emptied first. */
  outDir?: string;
  /** Base path when the site is published under a sub-path, for example `/plan/` (default `/`). */
  base?: string;
  /** A site configuration file to use instead of `sparbar.config.json` in the plans folder. */
  configFile?: string;
  /** How much Astro prints (default `warn`). */
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

export interface BuildSiteResult {
  /** 0 built; 1 the plans (or the site configuration) have errors, nothing built; 2 usage error or internal failure. */
  exitCode: number;
  /** The check's messages (errors and warnings), for the caller to print as `sparbar check` does. */
  messages: CheckMessage[];
  /** Why the build was refused or failed, as Swedish sentences; empty on success. */
  errors: string[];
  /** Absolute path of the output folder. */
  outDir: string;
  /** Number of HTML pages written. */
  pageCount: number;
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

/** Builds the site; never throws for a problem in the input, only returns it. */
export async function buildSite(options: BuildSiteOptions = {}): Promise<BuildSiteResult> {
  const plansDir = path.resolve(options.plansDir ?? 'plans');
  const outDir = path.resolve(options.outDir ?? 'dist');
  const base = normaliseBase(options.base);
  const result = (exitCode: number, errors: string[], messages: CheckMessage[] = [], pageCount = 0): BuildSiteResult => ({
    exitCode,
    messages,
    errors,
    outDir,
    pageCount,
  });

  let check;
  try {
    check = checkPlans(plansDir);
  } catch (error) {
    if (error instanceof PlansFolderError) return result(EXIT_USAGE, [error.message]);
    throw error;
  }
  const errorCount = check.messages.filter((m) => severityOf(m) === 'error').length;
  if (errorCount > 0) {
    return result(
      EXIT_PLAN_ERRORS,
      [`Webbplatsen byggdes inte: planen har ${errorCount} ${errorCount === 1 ? 'fel' : 'fel'}. Rätta ${errorCount === 1 ? 'felet' : 'felen'} ovan (sparbar check visar samma sak) och bygg igen.`],
      check.messages,
    );
  }
  const config = loadSiteConfig(plansDir, options.configFile);
  if (config.errors.length > 0) {
    return result(EXIT_PLAN_ERRORS, ['Webbplatsen byggdes inte: webbplatsens konfiguration har fel.', ...config.errors], check.messages);
  }
  const unsafe = unsafeOutDir(outDir, plansDir);
  if (unsafe) return result(EXIT_USAGE, [unsafe], check.messages);

  let root: string;
  try {
    root = siteRoot();
  } catch (error) {
    return result(EXIT_USAGE, [(error as Error).message], check.messages);
  }

  const env = {
    SPARBAR_PLANS: plansDir,
    SPARBAR_OUT: outDir,
    SPARBAR_BASE: base,
    SPARBAR_CONFIG: config.file ?? '',
    SPARBAR_SCHEMA: path.join(root, 'schemas', 'graph.schema.json'),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    const { build } = await import('astro');
    await build({ root, configFile: 'astro.config.mjs', outDir, base, logLevel: options.logLevel ?? 'warn', mode: 'production' });
  } catch (error) {
    return result(EXIT_USAGE, [`Bygget av webbplatsen misslyckades: ${error instanceof Error ? error.message : String(error)}`], check.messages);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  return result(EXIT_OK, [], check.messages, countPages(outDir));
}

/** A reason not to write to `outDir` (it would be emptied), or null when it is safe. */
export function unsafeOutDir(outDir: string, plansDir: string): string | null {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const out = real(outDir);
  const plans = real(plansDir);
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
  if (inside(plans, out) || inside(out, plans)) {
    return `Utmappen ${outDir} får inte vara planmappen, ligga i den eller innehålla den: den töms när webbplatsen byggs.`;
  }
  if (out === path.parse(out).root || out === real(process.cwd())) {
    return `Utmappen ${outDir} töms när webbplatsen byggs; välj en egen mapp, till exempel dist.`;
  }
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) return `Utmappen ${outDir} är en fil, inte en mapp.`;
    const entries = readdirSync(out);
    if (entries.length > 0 && !entries.includes('index.html')) {
      return `Utmappen ${outDir} innehåller annat än en tidigare byggd webbplats och töms när webbplatsen byggs; välj en tom eller ny mapp.`;
    }
  }
  return null;
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
