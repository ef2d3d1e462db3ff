// The renderer (src/site/render-precompiled.ts, run by `sparbar build`) waits for the graph, the history and the texts
// its parent writes. When that parent is gone (killed outright, so it could not stop its renderer), nothing will write
// them: the renderer stops waiting and ends with an error instead of sitting for ten minutes and then writing pages
// into a staging folder nobody will use (fix9's note on tester8 T9).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { precompiledSite, RENDER_MODULE } from '../../src/site/precompiled-site.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sparbar-renderer-orphan-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the renderer without its sparbar build', () => {
  const compiled = precompiledSite(root);
  // The bundle `sparbar build` runs (lib/site-render/render.mjs), and the module it runs without one.
  const renderers = compiled.fresh ? [path.relative(root, compiled.renderer), RENDER_MODULE] : ['(ingen kompilerad webbplats)'];
  it.runIf(compiled.fresh && process.platform !== 'win32').each(renderers)('stops waiting for the graph once the process that started it has ended: %s', async (program) => {
    const renderer = path.join(root, program);
    const log = path.join(tmp, `${path.basename(renderer)}.log`);
    const out = path.join(tmp, `ut-${path.basename(renderer)}`);
    // A parent that starts the renderer in the background and ends at once, as a killed `sparbar build` leaves it;
    // it names itself as `sparbar build` does (SPARBAR_PARENT_PID).
    const parent = spawnSync('sh', ['-c', `SPARBAR_PARENT_PID=$$ "${process.execPath}" "${renderer}" > "${log}" 2>&1 & echo $!`], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        SPARBAR_PLANS: path.join(root, 'plans'),
        SPARBAR_OUT: out,
        SPARBAR_BASE: '/',
        SPARBAR_GRAPH: path.join(tmp, 'graf.json'),
        SPARBAR_TEXTS: path.join(tmp, 'texter'),
        SPARBAR_HISTORY: path.join(tmp, 'historik.json'),
        SPARBAR_SEARCH: '0',
        ASTRO_TELEMETRY_DISABLED: '1',
        SPARBAR_PRECOMPILED: compiled.fresh ? compiled.dir : '',
      },
    });
    const pid = Number(parent.stdout.trim());
    expect(pid).toBeGreaterThan(0);
    // Far below the ten minutes it waits for a parent that is there; the graph is never written.
    const deadline = Date.now() + 90_000;
    while (alive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const stillThere = alive(pid);
    if (stillThere) process.kill(pid, 'SIGKILL');
    expect(stillThere).toBe(false);
    expect(readFileSync(log, 'utf8')).toContain('sparbar build, som startade renderingen, har avslutats');
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);
  });
});
