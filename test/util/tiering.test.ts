// V8's interrupt budget for the bundles (src/util/tiering.ts). The flag is set at run time, so nothing but V8 says
// whether it took: a code cache carries a hash of V8's flags, and a process takes a cache only when its flags are the
// same as those it was made with. A cache made after tuneTiering is taken by a process that calls tuneTiering before
// compiling (as load-bundle.ts and renderer-script.ts do) and refused by one that does not: the flag changed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const tiering = path.join(root, 'lib', 'src', 'util', 'tiering.js');
const work = mkdtempSync(path.join(tmpdir(), 'sparbar-tiering-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `code` as an ES module in a fresh Node; its stdout. */
function node(code: string, flags: string[] = []): string {
  const run = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', code], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  expect(run.stderr).toBe('');
  return run.stdout.trim();
}

const source = JSON.stringify('function add(a, b) { return a + b; }\nadd(1, 2);');
const cache = path.join(work, 'add.cache');

describe('tuneTiering', () => {
  it('changes the flags V8 keeps with a code cache, so the caches are made and taken with it', () => {
    node(
      `import { writeFileSync } from 'node:fs'; import vm from 'node:vm'; import { tuneTiering } from ${JSON.stringify(tiering)};` +
        `tuneTiering(); tuneTiering(); writeFileSync(${JSON.stringify(cache)}, new vm.Script(${source}).createCachedData());`,
    );
    const taken = (tune: boolean) =>
      node(
        `import { readFileSync } from 'node:fs'; import vm from 'node:vm'; import { tuneTiering } from ${JSON.stringify(tiering)};` +
          `${tune ? 'tuneTiering();' : ''} const s = new vm.Script(${source}, { cachedData: readFileSync(${JSON.stringify(cache)}) }); console.log(!s.cachedDataRejected);`,
      );
    expect(taken(true)).toBe('true');
    expect(taken(false)).toBe('false');
  });

  it('leaves a budget the user gave Node as it is', () => {
    const own = path.join(work, 'own.cache');
    const flags = ['--interrupt-budget=1000'];
    node(`import { writeFileSync } from 'node:fs'; import vm from 'node:vm'; writeFileSync(${JSON.stringify(own)}, new vm.Script(${source}).createCachedData());`, flags);
    const taken = node(
      `import { readFileSync } from 'node:fs'; import vm from 'node:vm'; import { tuneTiering } from ${JSON.stringify(tiering)};` +
        `tuneTiering(); const s = new vm.Script(${source}, { cachedData: readFileSync(${JSON.stringify(own)}) }); console.log(!s.cachedDataRejected);`,
      flags,
    );
    expect(taken).toBe('true');
  });
});
