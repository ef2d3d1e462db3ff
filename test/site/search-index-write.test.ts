// Writing the search index (src/site/search-index.ts) when the disk is full or Pagefind's process dies. Before, Pagefind
// wrote the files itself: on a full disk its process panicked (a Rust unwrap of ENOSPC), and its Node wrapper, which
// does not listen for the process's end, never settled the promise, so `sparbar build` ended with Node's exit code 13
// (an unsettled top-level await), a Rust panic and a stack trace, and left its folders behind.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FileSystemError } from '../../src/files/write-problem.js';
import { writeSearchIndex } from '../../src/site/search-index.js';

const root = path.resolve(import.meta.dirname, '../..');
// The helper finds Pagefind's process among this process's children in /proc (Linux).
const hasProc = existsSync('/proc/self/stat');

describe('the search index', () => {
  let out: string | undefined;
  afterEach(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('throws the refused write with the file’s path (before: Pagefind’s process panicked and the build never ended well)', async () => {
    out = mkdtempSync(path.join(tmpdir(), 'sparbar-search-full-'));
    const index = path.join(out, 'pagefind');
    const full = (file: string) => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write', path: file });
    };
    const records = [{ url: '/a/', title: 'Mål 1', content: 'Digitalisering i kommunen', kind: 'Mål' }];
    const error = (await writeSearchIndex(records, index, full).catch((e: unknown) => e)) as FileSystemError;
    expect(error.code).toBe('ENOSPC');
    expect(error.path?.startsWith(`${index}${path.sep}`)).toBe(true);
    // And with room, the files are written where asked.
    await expect(writeSearchIndex(records, index.replace(/pagefind$/, 'pagefind2'))).resolves.toEqual([]);
    expect(readdirSync(path.join(out, 'pagefind2'))).toContain('pagefind.js');
  }, 60_000);

  // Needs /proc to find Pagefind's process; skipped elsewhere (macOS).
  it.runIf(hasProc)('is reported as not written when Pagefind’s process dies without answering, instead of Node ending with exit code 13', () => {
    out = mkdtempSync(path.join(tmpdir(), 'sparbar-search-gone-'));
    // The compiled module (lib/, as the command line runs it), in a process of its own: the fix is about how that process ends.
    const run = spawnSync(process.execPath, [path.join(root, 'test', 'helpers', 'pagefind-dies.mjs'), path.join(out, 'pagefind')], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ errors: ['Pagefinds process avslutades utan att svara'] });
  }, 60_000);

  it.runIf(hasProc)('says nothing but that when Pagefind’s process gets Ctrl+C with records on their way (before: a stack trace per record, and a throw)', () => {
    out = mkdtempSync(path.join(tmpdir(), 'sparbar-search-interrupted-'));
    const run = spawnSync(process.execPath, [path.join(root, 'test', 'helpers', 'pagefind-dies.mjs'), path.join(out, 'pagefind'), 'interrupted'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ errors: ['Pagefinds process avslutades utan att svara'] });
  }, 60_000);
});
