// check --watch's incremental paths (kept, patched, relinked, rebuilt) against a full check: a seeded random walk of
// 200 edits over a copy of the example plan, comparing graph and messages after every step (its own time limit: a
// full check per step takes a while on a busy machine: one walk took 328 s at load 15-17, 142 s alone).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prng, type Rng } from '../bench/generate-plan.js';
import { checkPlans, type CheckResult } from '../src/check/check-plans.js';
import { CheckSession, type GraphStep } from '../src/check/check-session.js';
import { snapshotTree } from './helpers/tree.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sparbar-watch-walk-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const plain = (r: CheckResult) => ({
  graph: JSON.stringify(r.graph),
  fileCount: r.fileCount,
  messages: r.messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.ruleId} ${m.fatal ? 'E' : 'W'} ${m.reason}`),
});

type Edit = (text: string, rng: Rng) => string | null;
const swap = (pattern: RegExp, values: readonly string[]): Edit => (text, rng) => (pattern.test(text) ? text.replace(pattern, (_m, key: string) => `${key}${rng.pick(values)}`) : null);
const EDITS: Record<string, Edit> = {
  status: swap(/^(status: ).*$/m, ['ej påbörjad', 'pågår', 'klar', 'försenad', 'pausad', 'avbruten', 'pågående']),
  assessment: swap(/^(bedömning: ).*$/m, ['uppfyllt', 'delvis uppfyllt', 'ej uppfyllt']),
  end: swap(/^(slut: ).*$/m, ['2023-01-31', '2025-06-30', '2027-12-31']),
  owner: swap(/^(ansvarig: ).*$/m, ['Kommundirektören', 'IT-enheten', '']),
  id: (text, rng) => text.replace(/^id: (.*)$/m, (_m, id: string) => `id: ${rng.chance(0.5) ? `${id}x` : id}`),
  link: (text) => (/^(bidrar_till|mäter|mål|styrprinciper): \[[^,\]]+, /m.test(text) ? text.replace(/^((?:bidrar_till|mäter|mål|styrprinciper): \[)[^,\]]+, /m, '$1') : null),
  unknownLink: (text) => (/^(bidrar_till|mäter): \[/m.test(text) ? text.replace(/^((?:bidrar_till|mäter): \[)/m, '$1FO9.9, ') : null),
  lineAbove: (text) => text.replace(/^---\n/, '---\n# en kommentar\n'),
  lineBelow: (text) => text.replace(/\n---\n/, '\n# sist\n---\n'),
  body: (text, rng) => `${text}\nEn rad till ${rng.int(1, 9)}.\n`,
  brokenYaml: (text) => text.replace(/^titel: /m, 'titel: [ '),
  wrongType: (text) => text.replace(/^typ: .*$/m, 'typ: aktivitett'),
  // What Swedish keyboards, Macs, PDFs and moved Hugo sites do to a file (issue 9).
  tab: (text) => (/^ +\S/m.test(text) ? text.replace(/^ +(\S)/m, '\t$1') : null),
  nfd: (text) => (text.normalize('NFD') === text ? null : text.normalize('NFD')),
  noBreakSpace: (text) => (/^(status|ansvarig|titel): /m.test(text) ? text.replace(/^(status|ansvarig|titel): (\S+) /m, '$1:\u00a0$2\u00a0') : null),
  zeroWidth: (text) => text.replace(/^id: (.)/m, 'id: $1\u200b'),
  toml: (text) => text.replace(/^---\n([\s\S]*?)\n---\n/, (_m, yaml: string) => `+++\n${yaml.replace(/^([^\s:#-][^:]*): (.+)$/gm, (_l, k: string, v: string) => `${k} = "${v}"`)}\n+++\n`),
};

describe.each([{}, { requirePeriod: '2026-08' }])('CheckSession random walk, options %j', (options) => {
  it('agrees with a full check after every step, whichever way it updated the graph', { timeout: 900_000 }, () => {
    const dir = path.join(tmp, `plans-${Object.keys(options).length}`);
    cpSync('plans', dir, { recursive: true });
    const files = Object.keys(snapshotTree(dir)).filter((f) => f.endsWith('.md'));
    const original = new Map(files.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
    const rng = prng(20261129);
    const session = new CheckSession(dir, options);
    expect(plain(session.start())).toEqual(plain(checkPlans(dir, options)));
    const steps = new Map<GraphStep, number>();
    let copies: string[] = [];
    for (let i = 0; i < 200; i++) {
      // Copies (duplicate ids) live for one step, so the walk is not stuck on the rebuild they need.
      const changed: string[] = copies;
      for (const copy of copies) rmSync(path.join(dir, copy), { force: true });
      copies = [];
      for (let n = rng.chance(0.2) ? 2 : 1; n > 0; n--) {
        const file = rng.pick(files);
        const full = path.join(dir, file);
        const roll = rng.next();
        if (roll < 0.05) {
          if (existsSync(full)) rmSync(full);
        } else if (roll < 0.08) {
          const copy = file.replace(/\.md$/, '-kopia.md');
          writeFileSync(path.join(dir, copy), original.get(file)!);
          copies.push(copy);
          changed.push(copy);
        } else {
          // Most edits start from the example's text, so broken files do not pile up.
          const text = roll < 0.7 || !existsSync(full) ? original.get(file)! : readFileSync(full, 'utf8');
          const edited = EDITS[rng.pick(Object.keys(EDITS))]!(text, rng);
          writeFileSync(full, edited ?? text);
        }
        changed.push(file);
      }
      const u = session.update(changed);
      steps.set(u.graphStep, (steps.get(u.graphStep) ?? 0) + 1);
      expect(plain(u.result), `step ${i}: ${changed.join(', ')} (${u.graphStep})`).toEqual(plain(checkPlans(dir, options)));
    }
    // The walk exercised every path, each more than a few times.
    expect([...steps.keys()].sort()).toEqual(['kept', 'patched', 'rebuilt', 'relinked']);
    expect(Math.min(...steps.values()), JSON.stringify([...steps])).toBeGreaterThanOrEqual(10);
  });
});
