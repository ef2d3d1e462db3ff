// "Din första plan" (docs/din-forsta-plan.md): its complete example checks clean and builds, its table of
// required keys is the file format's, and Astro's telemetry stays off in every build and preview.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { firstPlanFiles } from '../.ci/first-plan.mjs';
import { SCHEMA_BY_TYPE } from '../schemas/plan-files.js';
import { runCli } from './helpers/cli.js';

// Each test here builds whole sites: minutes on a busy 2-core machine, so more than the suite's 120 s.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const guide = readFileSync('docs/din-forsta-plan.md', 'utf8');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sparbar-forsta-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The guide's example written into a new folder. */
function writeExample(name: string): string {
  const dir = path.join(tmp, name);
  for (const file of firstPlanFiles(guide)) {
    mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path), file.text);
  }
  return dir;
}

/** The environment of a child process without anything that turns telemetry off, and with Astro's telemetry client logging what it does. */
function telemetryEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DEBUG: 'astro:telemetry', ...extra };
  delete env['ASTRO_TELEMETRY_DISABLED'];
  delete env['TELEMETRY_DISABLED'];
  return env;
}

const NOTICE = /Astro collects anonymous usage data/;

describe('Din första plan', () => {
  it('has a complete example: the plan files, the configuration its statement needs and a .gitignore', () => {
    expect(firstPlanFiles(guide).map((f) => f.path)).toEqual([
      'plans/organisationer/asby.md',
      'plans/policy/policy.md',
      'plans/plan-2025-2028/plan.md',
      'plans/plan-2025-2028/mal/M1.md',
      'plans/plan-2025-2028/aktiviteter/A01.md',
      'plans/plan-2025-2028/indikatorer/I1.md',
      'plans/sparbar.config.json',
      '.gitignore',
    ]);
    const ignore = firstPlanFiles(guide).find((f) => f.path === '.gitignore')!.text.split('\n');
    expect(ignore).toEqual(expect.arrayContaining(['node_modules/', 'dist/']));
  });

  it('the example checks clean: no error, no warning, exit 0', async () => {
    const dir = writeExample('check');
    const r = await runCli(['check', path.join(dir, 'plans')]);
    expect(r).toEqual({ code: 0, stdout: '✓ Inga problem (6 filer kontrollerade).\n', stderr: '' });
    expect(guide).toContain('`✓ Inga problem (6 filer kontrollerade).`');
  });

  it("lists each file type's required keys as the format has them", () => {
    const rows = [...guide.matchAll(/^\| [^|]+ \| `([^`]+)` \| ([^|]+) \|$/gm)].map((m) => [m[1]!, [...m[2]!.matchAll(/`([^`]+)`/g)].map((k) => k[1]!)] as const);
    expect(rows.map(([typ]) => typ).sort()).toEqual(Object.keys(SCHEMA_BY_TYPE).sort());
    for (const [typ, keys] of rows) {
      const shape = SCHEMA_BY_TYPE[typ as keyof typeof SCHEMA_BY_TYPE].shape as Record<string, { safeParse: (v: unknown) => { success: boolean } }>;
      // A plan needs organisation or organisationer (checked beside the schema, which has both as optional keys); the
      // guide names the usual one.
      const oneOf = typ === 'plan' ? ['organisation'] : [];
      const required = Object.keys(shape).filter((k) => !shape[k]!.safeParse(undefined).success || oneOf.includes(k));
      expect(keys, typ).toEqual(required);
    }
  });
});

describe("Astro's telemetry is off", () => {
  let built: string | undefined;

  it('sparbar build of the example: the site is built and Astro records nothing (and shows no notice)', () => {
    const dir = writeExample('bygge');
    const r = spawnSync(process.execPath, [path.resolve('lib/src/cli/main.js'), 'build', 'plans', '--out', 'dist'], { cwd: dir, env: telemetryEnv(), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Webbplatsen byggdes: \d+ sidor i /);
    // The pages are rendered from the site compiled by npm run build:cli (lib/site-render): no Astro command runs,
    // and neither the compiled site nor Astro's App that renders it has any telemetry to record with.
    expect(r.stderr).not.toMatch(/\[record\]|anonymousId/);
    expect(r.stderr).not.toMatch(NOTICE);
    const compiled = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? compiled(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    expect(compiled(path.resolve('lib/site-render')).filter((f) => /telemetry/i.test(readFileSync(f, 'utf8')))).toEqual([]);
    expect(existsSync(path.join(dir, 'dist/asby-plan-2025-2028/aktivitet/a01/index.html'))).toBe(true);
    built = path.join(dir, 'dist');
  });

  it("sparbar build with Astro's full build (when the compiled site is stale): Astro records nothing", () => {
    const dir = writeExample('fullt-bygge');
    const script = `import(${JSON.stringify(pathToFileURL(path.resolve('lib/src/site/build-site.js')).href)}).then(async ({ buildSite }) => {
      const r = await buildSite({ plansDir: 'plans', outDir: 'dist', fullAstroBuild: true });
      process.exitCode = r.exitCode;
    })`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: dir, env: telemetryEnv(), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('[record] telemetry has been disabled');
    expect(r.stderr).not.toMatch(NOTICE);
    expect(existsSync(path.join(dir, 'dist/asby-plan-2025-2028/aktivitet/a01/index.html'))).toBe(true);
  });

  it("astro preview with Spårbar's configuration, as npm start runs it, records nothing", async () => {
    expect(built).toBeDefined();
    const port = await freePort();
    const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
    // npm start's last step: astro preview, started with the telemetry variable set.
    const preview = /node -e "(.*)"$/.exec(script)![1]!.replace("'4321'", `'${port}', '--host', '127.0.0.1'`);
    const stderr = await runUntil([process.execPath, '-e', preview], telemetryEnv({ SPARBAR_OUT: built! }), /\[record\] telemetry has been (disabled|enabled)|anonymousId/);
    expect(stderr).toContain('[record] telemetry has been disabled');
    expect(stderr).not.toMatch(NOTICE);
    // Without the variable (a plain `astro preview`), astro.config.mjs still turns recording off.
    const astro = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'astro.js');
    const plain = await runUntil(
      [process.execPath, astro, 'preview', '--root', process.cwd(), '--config', 'astro.config.mjs', '--port', String(await freePort()), '--host', '127.0.0.1'],
      telemetryEnv({ SPARBAR_OUT: built!, CI: 'true' }),
      /\[record\] telemetry has been (disabled|enabled)|anonymousId/,
    );
    expect(plain).toContain('[record] telemetry has been disabled');
  });
});

/** A TCP port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs a command until its stderr matches `until` (or 90 s pass), stops it and what it started, and gives its stderr. */
function runUntil(argv: string[], env: NodeJS.ProcessEnv, until: RegExp): Promise<string> {
  return new Promise((resolve) => {
    // Its own process group, so that astro, started by npm start's wrapper, is stopped with it.
    const child = spawn(argv[0]!, argv.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stderr = '';
    const stop = () => {
      clearTimeout(timer);
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(stop, 90_000);
    child.stdout.on('data', () => {});
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (until.test(stderr)) stop();
    });
    child.on('close', () => resolve(stderr));
  });
}
