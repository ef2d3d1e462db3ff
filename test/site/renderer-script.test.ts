// The renderer's bundle as a script with V8's code cache (src/site/renderer-script.ts): the published script takes its
// cache, a cache made for another script is not used, and a script run with SPARBAR_RENDER_CODE_CACHE=1 writes a cache
// that names no folder of the machine, keeping what the bundle had as a module (require, import.meta.url, strict code,
// top-level await).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PRECOMPILED_DIR } from '../../src/site/precompiled-site.js';
import { loadRendererScript, RENDER_CODE_CACHE_FILE, RENDER_SCRIPT_FILE, rendererScript, WRITE_CODE_CACHE_ENV } from '../../src/site/renderer-script.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const compiled = path.join(root, PRECOMPILED_DIR);
const work = mkdtempSync(path.join(tmpdir(), 'sparbar-renderer-script-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the renderer as a script', () => {
  it('takes the code cache published beside it', () => {
    expect(existsSync(path.join(compiled, RENDER_SCRIPT_FILE)), `${PRECOMPILED_DIR}/${RENDER_SCRIPT_FILE} saknas: kör npm run build:cli`).toBe(true);
    expect(loadRendererScript(compiled).codeCacheUsed).toBe(true);
  });

  it('leaves a code cache made for another script unused', () => {
    const dir = mkdtempSync(path.join(work, 'annan-'));
    copyFileSync(path.join(compiled, RENDER_SCRIPT_FILE), path.join(dir, RENDER_SCRIPT_FILE));
    const cache = readFileSync(path.join(compiled, RENDER_CODE_CACHE_FILE));
    // The same bytes after a first line naming another digest of the same length.
    const newline = cache.indexOf(10);
    const other = Buffer.concat([Buffer.from(`${cache.subarray(0, newline).toString('utf8').replace(/[0-9a-f]{64}$/, '0'.repeat(64))}`), cache.subarray(newline)]);
    writeFileSync(path.join(dir, RENDER_CODE_CACHE_FILE), other);
    expect(loadRendererScript(dir).codeCacheUsed).toBe(false);
    writeFileSync(path.join(dir, RENDER_CODE_CACHE_FILE), cache);
    expect(loadRendererScript(dir).codeCacheUsed).toBe(true);
    expect(loadRendererScript(dir, { withoutCache: true }).codeCacheUsed).toBe(false);
  });

  it('leaves a damaged code cache, or a script changed by hand, unused instead of crashing', () => {
    const dir = mkdtempSync(path.join(work, 'skadad-'));
    const script = readFileSync(path.join(compiled, RENDER_SCRIPT_FILE), 'utf8');
    const cache = readFileSync(path.join(compiled, RENDER_CODE_CACHE_FILE));
    writeFileSync(path.join(dir, RENDER_SCRIPT_FILE), script);
    // One byte of V8's data flipped, past the two header lines: V8 would take it and crash (Node 20 checks no checksum).
    const damaged = Buffer.from(cache);
    const at0 = damaged.length - 1000;
    damaged.writeUInt8(damaged.readUInt8(at0) ^ 0xff, at0);
    writeFileSync(path.join(dir, RENDER_CODE_CACHE_FILE), damaged);
    expect(loadRendererScript(dir).codeCacheUsed).toBe(false);
    // The script with one character changed, of the same length (V8 compares only the length).
    writeFileSync(path.join(dir, RENDER_CODE_CACHE_FILE), cache);
    const at = script.indexOf('Hoppa till inneh');
    expect(at).toBeGreaterThan(0);
    writeFileSync(path.join(dir, RENDER_SCRIPT_FILE), `${script.slice(0, at)}Hoppb${script.slice(at + 5)}`);
    expect(loadRendererScript(dir).codeCacheUsed).toBe(false);
    writeFileSync(path.join(dir, RENDER_SCRIPT_FILE), script);
    expect(loadRendererScript(dir).codeCacheUsed).toBe(true);
  });

  it('runs as the module did and writes its code cache when asked, naming no folder of the machine', () => {
    const dir = mkdtempSync(path.join(work, 'skript-'));
    const code = [
      'const { join } = require("node:path");',
      'await new Promise((resolve) => setTimeout(resolve, 1));',
      'const strict = (function () { return this; })() === undefined;',
      'console.log(JSON.stringify({ url: __sparbarBundleUrl, join: typeof join, strict }));',
    ].join('\n');
    const script = rendererScript(code);
    writeFileSync(path.join(dir, RENDER_SCRIPT_FILE), script);
    const loader = path.join(root, 'lib', 'src', 'site', 'renderer-script.js');
    const run = (env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, ['--input-type=module', '-e', `import { runRendererScript } from ${JSON.stringify(loader)}; await runRendererScript(${JSON.stringify(pathToFileURL(path.join(dir, 'render.mjs')).href)});`], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
    const first = run({ [WRITE_CODE_CACHE_ENV]: '1' });
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout)).toEqual({ url: `file://${path.join(dir, 'render.mjs')}`, join: 'function', strict: true });
    const cache = readFileSync(path.join(dir, RENDER_CODE_CACHE_FILE));
    const id = script.slice(0, script.indexOf('\n') + 1);
    expect(id).toMatch(/^\/\/ sparbar render [0-9a-f]{64}\n$/);
    expect(cache.subarray(0, id.length).toString('utf8')).toBe(id);
    expect(cache.includes(Buffer.from(dir))).toBe(false);
    expect(loadRendererScript(dir).codeCacheUsed).toBe(true);
    // Without the variable no cache is written.
    rmSync(path.join(dir, RENDER_CODE_CACHE_FILE));
    const second = run({ [WRITE_CODE_CACHE_ENV]: '' });
    expect(second.stdout).toBe(first.stdout);
    expect(existsSync(path.join(dir, RENDER_CODE_CACHE_FILE))).toBe(false);
  });
});
