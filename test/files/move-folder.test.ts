// Moving the search index into the site (src/files/move-folder.ts): a rename, and across file systems (a /tmp in
// memory with the output on disk, where rename(2) fails with EXDEV) a copy and a removal. The build itself is built
// that way in test/site/cross-device-build.test.ts.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveFolder } from '../../src/files/move-folder.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'sparbar-move-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A folder like Pagefind's output: files in subfolders. */
function makeIndex(dir: string): void {
  mkdirSync(path.join(dir, 'fragment'), { recursive: true });
  writeFileSync(path.join(dir, 'pagefind.js'), 'export const x = 1;\n');
  writeFileSync(path.join(dir, 'fragment', 'sv_1.pf_fragment'), Buffer.from([0, 1, 2, 255]));
}

function expectIndexAt(dir: string): void {
  expect(readFileSync(path.join(dir, 'pagefind.js'), 'utf8')).toBe('export const x = 1;\n');
  expect([...readFileSync(path.join(dir, 'fragment', 'sv_1.pf_fragment'))]).toEqual([0, 1, 2, 255]);
}

describe('moveFolder', () => {
  it('renames a folder on the same file system', () => {
    const from = path.join(tmp, 'a', 'pagefind');
    const to = path.join(tmp, 'a-site', 'pagefind');
    makeIndex(from);
    mkdirSync(path.dirname(to));
    moveFolder(from, to);
    expectIndexAt(to);
    expect(existsSync(from)).toBe(false);
  });

  it('copies and removes the folder when rename fails with EXDEV (another file system)', () => {
    const from = path.join(tmp, 'b', 'pagefind');
    const to = path.join(tmp, 'b-site', 'pagefind');
    makeIndex(from);
    mkdirSync(path.dirname(to));
    const exdev = () => {
      throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
    };
    moveFolder(from, to, exdev);
    expectIndexAt(to);
    expect(existsSync(from)).toBe(false);
  });

  it('throws any other error of rename, leaving the folder where it was', () => {
    const from = path.join(tmp, 'c', 'pagefind');
    makeIndex(from);
    const denied = () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    };
    expect(() => moveFolder(from, path.join(tmp, 'c-site', 'pagefind'), denied)).toThrow(/EACCES/);
    expectIndexAt(from);
  });
});
