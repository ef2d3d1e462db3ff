// The check cache (src/check/check-cache.ts): a check that uses stored results gives exactly the messages (every
// field, positions and ranges included) and the graph of a check without it, on the example plan, every fixture
// plan, every rule fixture and seeded mutations of the example; a changed file invalidates only its own entry, other
// code invalidates all, and a damaged or foreign cache file is ignored without a word.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MUTATIONS } from '../bench/mutations.js';
import { prng } from '../bench/generate-plan.js';
import { cacheFolder, CheckCache, codeKey } from '../src/check/check-cache.js';
import { checkPlans, type CheckResult } from '../src/check/check-plans.js';
import { materializeRuleFixture, ruleFixtureNames } from './helpers/rule-fixtures.js';

const work = mkdtempSync(path.join(tmpdir(), 'sparbar-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let folders = 0;
const newFolder = (name: string) => path.join(work, `${name}-${folders++}`);

/** Everything a message carries, as the formats print it. */
function messagesOf(result: CheckResult): string[] {
  return result.messages.map((m) =>
    JSON.stringify({
      ruleId: m.ruleId,
      fatal: m.fatal,
      file: m.file,
      line: m.line,
      column: m.column,
      place: m.place,
      reason: m.reason,
      expected: m.expected,
      actual: m.actual,
      related: m.related,
      url: m.url,
      source: m.source,
    }),
  );
}

/** The plan checked without a cache, then twice with a new one (filling it, then reading it back); all three must agree. */
function compareColdAndCached(dir: string): { cold: CheckResult; hits: number; files: number } {
  const cold = checkPlans(dir);
  const folder = newFolder('cache');
  const filling = CheckCache.open(dir, folder);
  const first = checkPlans(dir, { cache: filling });
  const reading = CheckCache.open(dir, folder);
  const second = checkPlans(dir, { cache: reading });
  const graph = JSON.stringify(cold.graph);
  for (const r of [first, second]) {
    expect(messagesOf(r)).toEqual(messagesOf(cold));
    expect(JSON.stringify(r.graph)).toBe(graph);
    expect(r.fileCount).toBe(cold.fileCount);
  }
  expect(filling.misses).toBe(cold.fileCount);
  return { cold, hits: reading.hits, files: cold.fileCount };
}

describe('the check cache gives what the check gives without it', () => {
  it('the example plan: every message and the graph (the golden graph) are the same, and every file comes from the cache', () => {
    const { hits, files } = compareColdAndCached('plans');
    expect(files).toBeGreaterThan(100);
    expect(hits).toBe(files);
  });

  const plans = readdirSync('test/fixtures')
    .filter((name) => name !== 'rules')
    .flatMap((name) => {
      const dir = path.join('test/fixtures', name);
      const sub = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
      // A folder of plan folders (test/fixtures/site/<plan>) or a plan folder itself.
      return readdirSync(dir).some((f) => f.endsWith('.md')) || sub.length === 0 ? [dir] : [dir, ...sub.map((e) => path.join(dir, e.name))];
    });
  it.each(plans)('%s', (dir) => {
    const { hits, files } = compareColdAndCached(dir);
    expect(hits).toBe(files);
  });

  it('every rule fixture: every message, with its place, range, suggestions and related places', () => {
    let messages = 0;
    for (const name of ruleFixtureNames()) {
      const dir = newFolder(`rule-${name}`);
      materializeRuleFixture(name, dir);
      const { cold, hits, files } = compareColdAndCached(dir);
      expect(hits, name).toBe(files);
      messages += cold.messages.length;
    }
    expect(messages).toBeGreaterThan(60);
  });

  it('seeded mutations of the example plan (broken YAML, tabs, NFD, TOML, truncation …): the same messages and graph', () => {
    const rng = prng(17);
    const base = newFolder('mutated');
    cpSync('plans', base, { recursive: true });
    const files = listMd(base);
    const kinds = Object.keys(MUTATIONS);
    let messages = 0;
    for (let step = 0; step < 20; step++) {
      const dir = newFolder('mutation');
      cpSync(base, dir, { recursive: true });
      const file = files[rng.int(0, files.length - 1)]!.replace(base, dir);
      const mutated = MUTATIONS[kinds[step % kinds.length]!]!(readFileSync(file, 'utf8'), rng);
      if (mutated === null) continue;
      writeFileSync(file, mutated);
      messages += compareColdAndCached(dir).cold.messages.length;
      rmSync(dir, { recursive: true, force: true });
    }
    expect(messages).toBeGreaterThan(0);
  });
});

describe('a file checked twice in one run (sparbar build: the work tree, then the adopted revision)', () => {
  /** Marks every object and array reachable from `value` with a property of its own. */
  function touch(value: unknown, seen = new Set<object>()): void {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    for (const v of Object.values(value)) touch(v, seen);
    (value as Record<string, unknown>).rört = true;
  }

  it('the second check takes what the first stored, the same messages and graph, and shares no object with the first', () => {
    const cold = checkPlans('plans');
    const cache = CheckCache.open('plans', undefined);
    const first = checkPlans('plans', { cache });
    const second = checkPlans('plans', { cache });
    expect(cache.misses).toBe(cold.fileCount);
    expect(cache.hits).toBe(cold.fileCount);
    touch(first.graph);
    touch(first.messages);
    expect(messagesOf(second)).toEqual(messagesOf(cold));
    expect(JSON.stringify(second.graph)).toBe(JSON.stringify(cold.graph));
  });
});

describe('what invalidates the cache', () => {
  it('a changed file invalidates exactly its own entry; a removed file its entry is dropped', () => {
    const dir = newFolder('plan');
    cpSync('plans', dir, { recursive: true });
    const folder = newFolder('cache');
    const first = CheckCache.open(dir, folder);
    const before = checkPlans(dir, { cache: first });
    const files = listMd(dir);
    const changed = files.find((f) => f.endsWith('A1.md')) ?? files[0]!;
    writeFileSync(changed, readFileSync(changed, 'utf8').replace(/^titel: .*$/m, 'titel: Ändrad titel'));
    const second = CheckCache.open(dir, folder);
    const after = checkPlans(dir, { cache: second });
    expect(second.misses).toBe(1);
    expect(second.hits).toBe(before.fileCount - 1);
    expect(messagesOf(after)).toEqual(messagesOf(checkPlans(dir)));
    expect(JSON.stringify(after.graph)).toBe(JSON.stringify(checkPlans(dir).graph));
    rmSync(files.find((f) => f !== changed && f.includes('aktivitet'))!);
    const third = CheckCache.open(dir, folder);
    checkPlans(dir, { cache: third });
    expect(third.misses).toBe(0);
    expect(third.hits).toBe(before.fileCount - 1);
  });

  it('other code (another version of Spårbar, of Node or of a package) invalidates every entry', () => {
    const folder = newFolder('cache');
    checkPlans('plans', { cache: CheckCache.open('plans', folder, 'version 1') });
    const same = CheckCache.open('plans', folder, 'version 1');
    checkPlans('plans', { cache: same });
    expect(same.misses).toBe(0);
    const other = CheckCache.open('plans', folder, 'version 2');
    const result = checkPlans('plans', { cache: other });
    expect(other.hits).toBe(0);
    expect(other.misses).toBe(result.fileCount);
  });

  it('the code key is the same twice in a process and covers the per-file modules', () => {
    expect(codeKey()).toMatch(/^[0-9a-f]{64}$/);
    expect(codeKey()).toBe(codeKey());
  });
});

describe('a damaged or foreign cache file is ignored, never a crash or a wrong message', () => {
  const damages: [string, (bytes: Buffer) => Buffer][] = [
    ['truncated', (b) => b.subarray(0, Math.floor(b.length / 2))],
    ['a byte changed in the stored results', (b) => Buffer.concat([b.subarray(0, b.length - 100), Buffer.from([b[b.length - 100]! ^ 0xff]), b.subarray(b.length - 99)])],
    ['empty', () => Buffer.alloc(0)],
    ['another tool’s file', () => Buffer.from('{"version":"9.9.9","files":{}}')],
    ['random bytes', () => Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256))],
  ];
  it.each(damages)('%s', (_name, damage) => {
    const folder = newFolder('cache');
    checkPlans('plans', { cache: CheckCache.open('plans', folder) });
    const [file] = readdirSync(folder);
    const full = path.join(folder, file!);
    writeFileSync(full, damage(readFileSync(full)));
    const cache = CheckCache.open('plans', folder);
    const result = checkPlans('plans', { cache });
    expect(cache.hits).toBe(0);
    expect(messagesOf(result)).toEqual(messagesOf(checkPlans('plans')));
    // The damaged file is replaced by a sound one.
    const again = CheckCache.open('plans', folder);
    checkPlans('plans', { cache: again });
    expect(again.hits).toBe(result.fileCount);
  });

  it('a cache folder that cannot be written leaves the check as it is', () => {
    const blocker = newFolder('blocked');
    writeFileSync(blocker, 'a file where the folder would be');
    const cache = CheckCache.open('plans', path.join(blocker, 'sparbar'));
    expect(messagesOf(checkPlans('plans', { cache }))).toEqual(messagesOf(checkPlans('plans')));
  });
});

describe('where the cache is kept', () => {
  it('node_modules/.cache/sparbar of the nearest package above the plans folder, another folder with SPARBAR_CACHE_DIR, none with SPARBAR_CACHE=0', () => {
    const repo = newFolder('repo');
    mkdirSync(path.join(repo, 'plans', 'deep'), { recursive: true });
    writeFileSync(path.join(repo, 'package.json'), '{}');
    expect(cacheFolder(path.join(repo, 'plans', 'deep'), {})).toBe(path.join(repo, 'node_modules', '.cache', 'sparbar'));
    expect(cacheFolder(path.join(repo, 'plans'), { SPARBAR_CACHE_DIR: path.join(repo, 'c') })).toBe(path.join(repo, 'c'));
    for (const off of ['0', 'false', 'off', 'nej', 'OFF']) expect(cacheFolder(path.join(repo, 'plans'), { SPARBAR_CACHE: off })).toBeUndefined();
    expect(cacheFolder(path.join(repo, 'plans'), { SPARBAR_CACHE: '1' })).toBe(path.join(repo, 'node_modules', '.cache', 'sparbar'));
  });

  it('checkPlans with cache: true writes there, and nothing of the cache (no path of this machine) is in the plan or the graph', () => {
    const repo = newFolder('repo');
    cpSync('plans', path.join(repo, 'plans'), { recursive: true });
    writeFileSync(path.join(repo, 'package.json'), '{}');
    const withCache = checkPlans(path.join(repo, 'plans'), { cache: true });
    const folder = path.join(repo, 'node_modules', '.cache', 'sparbar');
    expect(readdirSync(folder)).toEqual([expect.stringMatching(/^check-[0-9a-f]{16}\.bin$/)]);
    const graph = JSON.stringify(withCache.graph);
    expect(graph).not.toContain(repo);
    expect(graph).not.toContain('.cache');
    expect(existsSync(path.join(repo, 'plans', 'node_modules'))).toBe(false);
  });
});

function listMd(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}
