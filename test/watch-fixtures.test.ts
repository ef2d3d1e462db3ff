// check --watch on every rule fixture: each of the fixture's own files is saved as the base plan has it (the problem
// fixed, or the file gone) and then as the fixture has it (the problem made again), and seeded mutations are saved
// and undone (bench/mutations.ts); after every save the session's graph and messages must be those of a full check.
// So every rule's messages, node-local ones kept by check --watch where a change cannot reach them
// (src/graph/local-rerun.ts) among them, are made and fixed through the incremental paths at least once.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prng } from '../bench/generate-plan.js';
import { MUTATIONS } from '../bench/mutations.js';
import { checkPlans, type CheckResult } from '../src/check/check-plans.js';
import { CheckSession } from '../src/check/check-session.js';
import { materializeRuleFixture, ROOT_BASE, ruleFixtureFiles, ruleFixtureNames } from './helpers/rule-fixtures.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sparbar-watch-fixtures-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const plain = (r: CheckResult) => ({
  graph: JSON.stringify(r.graph),
  fileCount: r.fileCount,
  messages: r.messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.ruleId} ${m.fatal ? 'E' : 'W'} ${m.reason} ${JSON.stringify(m.expected ?? null)}`),
});

// Fixtures whose files cannot be written as text (a link outside the folder, an unreadable file) are walked too:
// only their .md files are saved.
describe('check --watch on every rule fixture', () => {
  it('gives the graph and messages of a full check after every save that makes or fixes a fixture\'s problem', { timeout: 900_000 }, () => {
    const rng = prng(20261201);
    const kinds = Object.keys(MUTATIONS);
    let saves = 0;
    for (const name of ruleFixtureNames()) {
      if (name === ROOT_BASE) continue;
      const dir = path.join(tmp, name);
      materializeRuleFixture(name, dir);
      const files = ruleFixtureFiles(name);
      const base = ruleFixtureFiles(ROOT_BASE);
      const session = new CheckSession(dir);
      expect(plain(session.start()), `${name}: the first check`).toEqual(plain(checkPlans(dir)));
      const save = (rel: string, text: string | null, what: string) => {
        const full = path.join(dir, ...rel.split('/'));
        if (text === null) rmSync(full, { force: true });
        else {
          mkdirSync(path.dirname(full), { recursive: true });
          writeFileSync(full, text);
        }
        saves++;
        const u = session.update([rel]);
        expect(plain(u.result), `${name}: ${what} (${u.graphStep})`).toEqual(plain(checkPlans(dir)));
      };
      const own = [...files].filter(([rel, abs]) => rel.endsWith('.md') && base.get(rel) !== abs);
      for (const [rel, abs] of own) {
        const was = base.get(rel);
        save(rel, was === undefined ? null : readFileSync(was, 'utf8'), `${rel} saved as the base has it`);
        save(rel, readFileSync(abs, 'utf8'), `${rel} saved as the fixture has it`);
      }
      const md = [...files].filter(([rel]) => rel.endsWith('.md'));
      for (let i = 0; i < 3 && md.length > 0; i++) {
        const [rel, abs] = md[rng.int(0, md.length - 1)]!;
        const original = readFileSync(abs, 'utf8');
        const kind = rng.pick(kinds);
        const text = MUTATIONS[kind]!(original, rng);
        if (text === null || !existsSync(path.join(dir, ...rel.split('/')))) continue;
        save(rel, text, `mutation ${kind} of ${rel}`);
        save(rel, original, `${rel} back as it was`);
      }
    }
    expect(saves).toBeGreaterThan(100);
  });
});
