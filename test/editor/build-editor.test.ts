// sparbar build with the editor switched on: the public site is byte for byte the one built with it off, and
// /admin/ holds the editor with everything it loads.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build-site.js';
import { snapshotTree } from '../helpers/tree.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sparbar-redigering-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const config = (redigering: unknown) => {
  const file = path.join(tmp, `config-${Math.random().toString(36).slice(2)}.json`);
  // The example's own configuration (its accessibility statement) with the editor's settings added.
  const example = JSON.parse(readFileSync('plans/sparbar.config.json', 'utf8')) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...example, redigering }));
  return file;
};

describe('sparbar build with redigering.på', () => {
  it('is off by default, and with it on adds only /admin/ to the same public site', async () => {
    const off = await buildSite({ plansDir: 'plans', outDir: path.join(tmp, 'av') });
    const on = await buildSite({ plansDir: 'plans', outDir: path.join(tmp, 'på'), configFile: config({ på: true, tjänst: 'gitlab', repo: 'ekby/planer', app_id: 'abc123', adress: 'https://gitlab.ekby.se' }) });
    expect([off.exitCode, on.exitCode, ...off.errors, ...on.errors]).toEqual([0, 0]);
    const a = snapshotTree(off.outDir);
    const b = snapshotTree(on.outDir);
    expect(Object.keys(a).some((f) => f.startsWith('admin/'))).toBe(false);
    const publicB = Object.fromEntries(Object.entries(b).filter(([f]) => !f.startsWith('admin/')));
    expect(publicB).toEqual(a);
    for (const f of ['admin/index.html', 'admin/config.json', 'admin/sparbar.json', 'admin/decap/decap-cms.js', 'admin/vendor/yaml/index.js', 'admin/sparbar/editor/browser/sparbar-cms.js', 'admin/sparbar/editor/frontmatter-edit.js', 'admin/sparbar/parse/frontmatter.js']) expect(b, f).toHaveProperty([f]);
    const decap = JSON.parse(readFileSync(path.join(on.outDir, 'admin/config.json'), 'utf8')) as Record<string, unknown>;
    expect(decap['backend']).toEqual({ name: 'gitlab', repo: 'ekby/planer', branch: 'main', auth_type: 'pkce', app_id: 'abc123', base_url: 'https://gitlab.ekby.se', api_root: 'https://gitlab.ekby.se/api/v4', auth_endpoint: 'oauth/authorize', squash_merges: true });
    expect(decap['publish_mode']).toBe('editorial_workflow');
    expect(decap['locale']).toBe('sv');
    // Every script and module the page loads is a relative path inside admin/.
    const html = readFileSync(path.join(on.outDir, 'admin/index.html'), 'utf8');
    expect([...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1])).toEqual(['./decap/decap-cms.js', './sparbar/editor/browser/sparbar-cms.js']);
    for (const f of Object.keys(b).filter((f) => f.startsWith('admin/sparbar/') || f.startsWith('admin/vendor/'))) {
      const imports = [...readFileSync(path.join(on.outDir, f), 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
      for (const spec of imports) {
        if (spec === 'yaml') continue;
        expect(spec, `${f} importerar ${spec}`).toMatch(/^\.\.?\//);
        expect(b, `${f} importerar ${spec}`).toHaveProperty([path.posix.join(path.posix.dirname(f), spec)]);
      }
    }
    // The public site is the same as with the switch off, so its own tests (test/site, the browser suite) hold for it.
  }, 600_000);

  it('refuses a switched-on editor without a git host and names what is missing', async () => {
    const result = await buildSite({ plansDir: 'plans', outDir: path.join(tmp, 'fel'), configFile: config({ på: true }) });
    expect(result.exitCode).toBe(1);
    expect(result.errors.join('\n')).toContain('redigering.tjänst saknas');
    const bad = await buildSite({ plansDir: 'plans', outDir: path.join(tmp, 'fel2'), configFile: config({ på: 'ja' }) });
    expect(bad.exitCode).toBe(1);
    expect(bad.errors.join('\n')).toContain('redigering.på');
  }, 600_000);
});
