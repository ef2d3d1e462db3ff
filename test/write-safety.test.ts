// The write-safety module: where a command may write, judged through symbolic links; output folders that
// are ours; temporary files that never follow a planted path.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkOutputFolder,
  checkWriteTarget,
  createStagingFolder,
  OUTPUT_MARKER,
  replaceOutputFolder,
  resolveThroughLinks,
  writeFileAtomic,
  writeNewFile,
  WriteRefusedError,
} from '../src/files/write-safety.js';
import { snapshotTree } from './helpers/tree.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'sparbar-write-safety-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function fresh(name: string): { root: string; plans: string } {
  const root = path.join(tmp, name);
  const plans = path.join(root, 'plans');
  mkdirSync(path.join(plans, 'ekby'), { recursive: true });
  writeFileSync(path.join(plans, 'ekby', 'policy.md'), '---\ntyp: policy\n---\n');
  return { root, plans };
}

describe('resolveThroughLinks', () => {
  it('resolves the nearest existing ancestor and keeps the rest', () => {
    const { root, plans } = fresh('resolve');
    symlinkSync(path.join(plans, 'ekby'), path.join(root, 'l'));
    expect(resolveThroughLinks(path.join(root, 'l', 'webb', 'index.html'))).toBe(path.join(plans, 'ekby', 'webb', 'index.html'));
    expect(resolveThroughLinks(path.join(root, 'l', '..', 'x'))).toBe(path.join(root, 'x'));
  });

  it('refuses a dangling link', () => {
    const { root } = fresh('dangling');
    symlinkSync(path.join(root, 'finns-inte'), path.join(root, 'd'));
    expect(() => resolveThroughLinks(path.join(root, 'd', 'a.html'))).toThrow(WriteRefusedError);
  });
});

describe('checkWriteTarget', () => {
  it('refuses output inside the plans folder, also through a link, and a folder around it', () => {
    const { root, plans } = fresh('output');
    symlinkSync(path.join(plans, 'ekby'), path.join(root, 'l'));
    expect(() => checkWriteTarget(path.join(plans, 'ekby', 'policy.md'), plans, 'output')).toThrow(/ligger i planmappen/);
    expect(() => checkWriteTarget(path.join(root, 'l', 'webb'), plans, 'output')).toThrow(/genom en symbolisk länk/);
    expect(() => checkWriteTarget(root, plans, 'output')).toThrow(/innehåller planmappen/);
    expect(checkWriteTarget(path.join(root, 'dist'), plans, 'output')).toBe(path.join(root, 'dist'));
  });

  it('refuses plan files outside the plans folder, also through a link', () => {
    const { root, plans } = fresh('plan-file');
    mkdirSync(path.join(root, 'annat'));
    symlinkSync(path.join(root, 'annat'), path.join(plans, 'ut'));
    expect(() => checkWriteTarget(path.join(plans, 'ut', 'A1.md'), plans, 'plan-file')).toThrow(/utanför planmappen/);
    expect(() => checkWriteTarget(path.join(plans, '..', 'A1.md'), plans, 'plan-file')).toThrow(/utanför planmappen/);
    expect(checkWriteTarget(path.join(plans, 'ekby', 'ny', 'A1.md'), plans, 'plan-file')).toBe(path.join(plans, 'ekby', 'ny', 'A1.md'));
  });
});

describe('output folders', () => {
  it('accepts a new, an empty and a marked folder; refuses anything else and touches nothing', () => {
    const { root, plans } = fresh('out');
    expect(checkOutputFolder(path.join(root, 'ny'), plans)).toBe(path.join(root, 'ny'));
    mkdirSync(path.join(root, 'tom'));
    expect(checkOutputFolder(path.join(root, 'tom'), plans)).toBe(path.join(root, 'tom'));
    const www = path.join(root, 'www');
    mkdirSync(path.join(www, 'bilder'), { recursive: true });
    writeFileSync(path.join(www, 'index.html'), '<h1>Kommunens egen sida</h1>');
    writeFileSync(path.join(www, 'budget-2027.xlsx'), 'PK');
    writeFileSync(path.join(www, 'bilder', 'logo.png'), 'PNG');
    const before = snapshotTree(www);
    expect(() => checkOutputFolder(www, plans, 'www')).toThrow(/Utmappen www innehåller filer som Spårbar inte har byggt \(bilder, budget-2027\.xlsx, index\.html\)/);
    expect(snapshotTree(www)).toEqual(before);
    // A marker that is a link does not count.
    symlinkSync(path.join(plans, 'ekby', 'policy.md'), path.join(www, OUTPUT_MARKER));
    expect(() => checkOutputFolder(www, plans)).toThrow(WriteRefusedError);
  });

  it('replaces a folder it built and leaves nothing beside it', async () => {
    const { root, plans } = fresh('replace');
    const out = path.join(root, 'dist');
    const first = createStagingFolder(root, '.dist.bygge-');
    writeFileSync(path.join(first, 'index.html'), 'ett');
    await replaceOutputFolder(first, out, plans);
    expect(readFileSync(path.join(out, OUTPUT_MARKER), 'utf8')).toMatch(/byggdes av Spårbar/);
    writeFileSync(path.join(out, 'gammal.html'), 'gammal');
    const second = createStagingFolder(root, '.dist.bygge-');
    writeFileSync(path.join(second, 'index.html'), 'två');
    await replaceOutputFolder(second, out, plans);
    expect(readdirSync(out).sort()).toEqual([OUTPUT_MARKER, 'index.html']);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('två');
    expect(readdirSync(root).sort()).toEqual(['dist', 'plans']);
  });

  it('makes staging folders with the permissions of a normal new folder', () => {
    const { root } = fresh('mode');
    const normal = path.join(root, 'normal');
    mkdirSync(normal);
    const staged = createStagingFolder(root, '.x-');
    expect(lstatSync(staged).mode & 0o777).toBe(lstatSync(normal).mode & 0o777);
  });
});

describe('temporary and new files', () => {
  it('writeNewFile never follows or replaces what is there, a planted link included', () => {
    const { root, plans } = fresh('new');
    const policy = path.join(plans, 'ekby', 'policy.md');
    const before = readFileSync(policy);
    symlinkSync(policy, path.join(root, 'I4.md.sparbar-tmp'));
    expect(() => writeNewFile(path.join(root, 'I4.md.sparbar-tmp'), 'elakt')).toThrow(/EEXIST/);
    expect(readFileSync(policy)).toEqual(before);
  });

  it('writeFileAtomic replaces a link at the target by a file and leaves the link target alone', () => {
    const { root, plans } = fresh('atomic');
    const policy = path.join(plans, 'ekby', 'policy.md');
    const before = readFileSync(policy);
    const target = path.join(root, 'rapport.pdf');
    symlinkSync(policy, target);
    writeFileAtomic(target, '%PDF-1.4');
    expect(lstatSync(target).isSymbolicLink()).toBe(false);
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.4');
    expect(readFileSync(policy)).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(['plans', 'rapport.pdf']);
    expect(existsSync(policy)).toBe(true);
  });
});
