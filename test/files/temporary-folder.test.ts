// The temporary folder (src/files/temporary-folder.ts): absolute even when TMPDIR is relative, and a Swedish
// WriteRefusedError that names it when it cannot be used.
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTemporaryFolder, temporaryFolder } from '../../src/files/temporary-folder.js';
import { WriteRefusedError } from '../../src/files/write-safety.js';

const original = process.env.TMPDIR;
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'sparbar-tmpdir-'));
});
afterEach(() => {
  if (original === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = original;
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the temporary folder', () => {
  it('is an absolute path when TMPDIR is relative, taken from the working folder', () => {
    process.env.TMPDIR = path.relative(process.cwd(), tmp);
    expect(temporaryFolder()).toBe(tmp);
    const made = makeTemporaryFolder('sparbar-prov-');
    expect(path.isAbsolute(made)).toBe(true);
    expect(path.dirname(made)).toBe(tmp);
    expect(statSync(made).isDirectory()).toBe(true);
  });

  it('refuses a TMPDIR that does not exist, or is a file, naming it and saying how to fix it', () => {
    const missing = path.join(tmp, 'finns-inte');
    process.env.TMPDIR = missing;
    expect(() => makeTemporaryFolder('sparbar-prov-')).toThrow(WriteRefusedError);
    expect(() => makeTemporaryFolder('sparbar-prov-')).toThrow(`Den tillfälliga mappen ${missing} finns inte. Sätt TMPDIR till en mapp som finns och som du kan skriva i (till exempel TMPDIR=/tmp), eller ta bort TMPDIR.`);
    const file = path.join(tmp, 'en-fil');
    writeFileSync(file, 'x');
    process.env.TMPDIR = file;
    expect(() => makeTemporaryFolder('sparbar-prov-')).toThrow(`Den tillfälliga mappen ${file} är ingen mapp.`);
    expect(existsSync(missing)).toBe(false);
  });
});
