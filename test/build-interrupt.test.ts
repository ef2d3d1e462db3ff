// Ctrl+C or SIGTERM during `sparbar build` stops the renderer and removes the half-built staging folder (inside
// the output folder when it exists, else beside it) and the work folder in the temporary folder, leaves the output folder as it was, and exits
// as a shell reports the signal (130, 143); a build killed outright leaves folders that the next build removes
// once their process is gone (tester8 T9). The builds run as child processes, each in a temporary folder of its
// own (TMPDIR), signalled alone (not their process group, as Ctrl+C would), so the build itself must stop its
// renderer.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePlan } from '../bench/generate-plan.js';
import { MKDTEMP_RANDOM, removeStaleBuildFolders } from '../src/files/build-folders.js';
import { childFailure } from '../src/site/build-site.js';
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from '../src/files/write-safety.js';

const root = path.resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sparbar-build-interrupt-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const PROC = existsSync('/proc/self/environ');
const plans = path.join(tmp, 'plan');
const GONE = 999_999_999; // above Linux's largest process id (2^22)

beforeAll(() => {
  generatePlan(plans, 300);
  cpSync(path.join(root, 'plans', 'sparbar.config.json'), path.join(plans, 'sparbar.config.json'));
});

/** Processes whose environment has `SPARBAR_OUT=<a path starting with prefix>`: the build's renderer. */
function renderersWritingTo(prefix: string): number[] {
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').some((v) => v.startsWith(`SPARBAR_OUT=${prefix}`))) found.push(Number(pid));
    } catch {
      // gone, or another user's
    }
  }
  return found;
}

/** A marked output folder with one page, as an earlier build leaves it. */
function earlierSite(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
  writeFileSync(path.join(dir, 'index.html'), '<p>förra bygget</p>');
}

/**
 * Starts a build of `plans` into an earlier site in `<tmp>/<name>/site` (its own TMPDIR beside it) and resolves once
 * its renderer runs, or once the build has ended without one.
 */
async function buildUntilRendering(name: string) {
  const dir = path.join(tmp, name);
  const temp = path.join(dir, 'tmp');
  mkdirSync(temp, { recursive: true });
  earlierSite(path.join(dir, 'site'));
  const child = spawn(process.execPath, [path.join(root, 'lib/src/cli/main.js'), 'build', plans, '--out', path.join(dir, 'site')], {
    env: { ...process.env, TMPDIR: temp, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, sig) => resolve({ code, signal: sig })));
  // The output folder exists, so the site is staged inside it (outputStaging).
  const stagePrefix = path.join(dir, 'site', '.bygge-');
  let renderers: number[] = [];
  let running = true;
  void exited.then(() => (running = false));
  while (running && renderers.length === 0) {
    await new Promise((r) => setTimeout(r, 20));
    renderers = renderersWritingTo(stagePrefix);
  }
  return { dir, temp, child, exited, stderr: () => stderr, renderers, stagePrefix };
}

/** Starts a build, sends `signal` to it alone once its renderer runs, and resolves with what it did. */
async function interruptedBuild(name: string, signal: NodeJS.Signals) {
  const { dir, temp, child, exited, stderr, renderers, stagePrefix } = await buildUntilRendering(name);
  const staged = readdirSync(path.join(dir, 'site')).filter((n) => n.startsWith('.bygge-'));
  const working = readdirSync(temp);
  child.kill(signal);
  const outcome = await exited;
  return { dir, temp, stderr: stderr(), outcome, renderers, staged, working, stagePrefix };
}

describe.runIf(PROC)('sparbar build, interrupted', () => {
  it('Ctrl+C (SIGINT to the build alone): renderer stopped, no staging or work folder left, the site as it was, exit 130', { timeout: 300_000 }, async () => {
    const r = await interruptedBuild('sigint', 'SIGINT');
    // It was interrupted while building: the renderer ran, the staging and work folders were there.
    expect(r.renderers.length).toBeGreaterThan(0);
    expect(r.staged).toHaveLength(1);
    expect(r.working).toEqual([expect.stringMatching(/^sparbar-bygge-\d+-/)]);
    expect(r.outcome).toEqual({ code: 130, signal: null });
    expect(r.stderr).toContain('sparbar build: avbrutet (SIGINT); ingenting byggdes och ');
    expect(readdirSync(r.dir).sort()).toEqual(['site', 'tmp']);
    expect(readdirSync(r.temp)).toEqual([]);
    expect(readdirSync(path.join(r.dir, 'site')).sort()).toEqual([OUTPUT_MARKER, 'index.html']);
    expect(readFileSync(path.join(r.dir, 'site', 'index.html'), 'utf8')).toBe('<p>förra bygget</p>');
    expect(renderersWritingTo(r.stagePrefix)).toEqual([]);
  });

  it('SIGTERM: the same, exit 143', { timeout: 300_000 }, async () => {
    const r = await interruptedBuild('sigterm', 'SIGTERM');
    expect(r.renderers.length).toBeGreaterThan(0);
    expect(r.outcome).toEqual({ code: 143, signal: null });
    expect(readdirSync(r.dir).sort()).toEqual(['site', 'tmp']);
    expect(readdirSync(r.temp)).toEqual([]);
    expect(renderersWritingTo(r.stagePrefix)).toEqual([]);
  });

  it('the renderer killed (SIGKILL, as the out-of-memory killer does): the build names the signal and what to do, exit 2, the site as it was', { timeout: 300_000 }, async () => {
    const { dir, temp, exited, stderr, renderers } = await buildUntilRendering('renderer-killed');
    expect(renderers).toHaveLength(1);
    process.kill(renderers[0]!, 'SIGKILL');
    expect(await exited).toEqual({ code: 2, signal: null });
    expect(stderr()).toContain('Bygget av webbplatsen misslyckades: processen som skriver sidorna stoppades av signalen SIGKILL. Oftast gör systemet så när minnet tar slut');
    expect(stderr()).not.toContain('kod -1');
    expect(readdirSync(path.join(dir, 'site')).sort()).toEqual([OUTPUT_MARKER, 'index.html']);
    expect(readdirSync(temp)).toEqual([]);
  });

  it('the next build removes the folders of a build whose process is gone, and nothing else', { timeout: 300_000 }, () => {
    const dir = path.join(tmp, 'stale');
    const temp = path.join(dir, 'tmp');
    mkdirSync(temp, { recursive: true });
    // Kept: no process id, this process's, another name, and names someone chose that only look like a build's.
    const keep = ['.site.bygge-63e8a0b8b364', `.site.bygge-${process.pid}-0123456789ab`, '.site.gammal-0123456789ab', '.annat.bygge-1-0123456789ab', 'viktig', `.site.bygge-${GONE}-Arkiv2025`];
    for (const name of keep) mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, `.site.bygge-${GONE}-fil`), 'en fil, ingen mapp');
    mkdirSync(path.join(dir, `.site.bygge-${GONE}-0123456789ab`, 'plan'), { recursive: true });
    mkdirSync(path.join(temp, `sparbar-bygge-${GONE}-AbC123`));
    mkdirSync(path.join(temp, `sparbar-bygge-${process.pid}-AbC123`));
    mkdirSync(path.join(temp, `sparbar-bygge-${GONE}-arkiv`));
    // A plan with an error: the build stops after the check, once it has made its own folders.
    const broken = path.join(dir, 'plan');
    cpSync(path.join(root, 'plans'), broken, { recursive: true });
    writeFileSync(path.join(broken, 'ekby', 'trasig.md'), '---\ntyp: mål\n---\n');
    const r = spawnSync(process.execPath, [path.join(root, 'lib/src/cli/main.js'), 'build', broken, '--out', path.join(dir, 'site')], {
      encoding: 'utf8',
      timeout: 240_000,
      env: { ...process.env, TMPDIR: temp, NO_COLOR: '1' },
    });
    expect(r.status).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([...keep, `.site.bygge-${GONE}-fil`, 'plan', 'tmp'].sort());
    expect(readdirSync(temp).sort()).toEqual([`sparbar-bygge-${GONE}-arkiv`, `sparbar-bygge-${process.pid}-AbC123`].sort());
  });
});

describe('removeStaleBuildFolders', () => {
  it('removes only real folders named <prefix><pid>-<random> whose process is gone, and says which', () => {
    const dir = mkdtempSync(path.join(tmp, 'stale-unit-'));
    // `arkiv` is not six characters: a name someone chose, not mkdtemp's.
    const names = [`x.bygge-${GONE}-abc123`, `x.bygge-${process.pid}-abc123`, `x.bygge-${GONE}-a.b`, `x.bygge-${GONE}-arkiv`, 'x.bygge-abc123', `y.bygge-${GONE}-abc123`];
    for (const name of names) mkdirSync(path.join(dir, name));
    expect(removeStaleBuildFolders(dir, 'x.bygge-', MKDTEMP_RANDOM)).toEqual([`x.bygge-${GONE}-abc123`]);
    expect(readdirSync(dir).sort()).toEqual(names.slice(1).sort());
    expect(removeStaleBuildFolders(path.join(dir, 'finns-inte'), 'x.bygge-', MKDTEMP_RANDOM)).toEqual([]);
  });
});

describe('childFailure', () => {
  it('says how the process that writes the pages (or Astro) ended: its exit code, the signal, or why it did not start', () => {
    expect(childFailure('Astro', { code: 7, signal: null })).toBe('Bygget av webbplatsen misslyckades: Astro avslutades med kod 7.');
    expect(childFailure('processen som skriver sidorna', { code: -1, signal: 'SIGSEGV' })).toBe(
      'Bygget av webbplatsen misslyckades: processen som skriver sidorna stoppades av signalen SIGSEGV. Bygg igen.',
    );
    const notStarted = childFailure('processen som skriver sidorna', { code: -1, signal: null, error: 'spawn EAGAIN' });
    expect(notStarted).toContain('processen som skriver sidorna gick inte att starta (spawn EAGAIN).');
    expect(notStarted).not.toContain('kod -1');
  });
});
