// Rule fixtures (test/fixtures/rules/<name>/) are stored as overlays: a folder holds only the files that differ
// from its base plan, and the test lays them over the base in a temporary folder before it checks them.
//
// - `_base/` is the small shared plan (an organisation, a policy, a plan, goal M1 with focus area FO1, action A1, indicator I9 measuring FO1);
//   it is a whole plan, and the rule documentation examples (src/docs/) are laid over it too.
// - Every other folder is laid over `_base/`, or over another fixture named by `base` in its `fixture.json`
//   (`valid/` is the usual one: the small plan with a little of everything).
// - `fixture.json` (optional): `{ "base": "valid", "without": ["plan/mal/M1.md"] }`: `base` is the folder laid
//   under this one (default `_base`), `without` lists base files this fixture must not have.
// - `expected.txt`: the messages `checkPlans` gives the fixture, one `file:line:col severity rule-id` a line,
//   written by `UPDATE_FIXTURES=1 npx vitest run test/rules.test.ts` and compared otherwise.
// `fixture.json` and `expected.txt` are never part of the plan that is checked.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder that holds every rule fixture. */
export const RULE_FIXTURES_DIR = fileURLToPath(new URL('../fixtures/rules/', import.meta.url));
/** The fixture every other is laid over unless its fixture.json names another base. */
export const ROOT_BASE = '_base';
/** Files in a fixture folder that describe the fixture and are not part of its plan. */
export const FIXTURE_META = ['fixture.json', 'expected.txt'] as const;

interface FixtureMeta {
  base?: string;
  without?: string[];
}

/** The fixture folders (the rule ids, `valid`, `_base` and the special cases), sorted. */
export function ruleFixtureNames(): string[] {
  return readdirSync(RULE_FIXTURES_DIR)
    .filter((name) => statSync(path.join(RULE_FIXTURES_DIR, name)).isDirectory())
    .sort();
}

function readMeta(name: string): FixtureMeta {
  const file = path.join(RULE_FIXTURES_DIR, name, 'fixture.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as FixtureMeta) : {};
}

/** Every file of one folder as relative path (with `/`) → absolute path, dot files included, meta files left out. */
function ownFiles(name: string): Map<string, string> {
  const root = path.join(RULE_FIXTURES_DIR, name);
  const out = new Map<string, string>();
  const walk = (dir: string, rel: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), r);
      else if (!(rel === '' && (FIXTURE_META as readonly string[]).includes(entry.name))) out.set(r, path.join(dir, entry.name));
    }
  };
  walk(root, '');
  return out;
}

/**
 * The files of fixture `name` once laid over its base: relative path (with `/`) → the absolute path of the
 * committed file that supplies it. Throws if a `without` entry is not in the base (a stale marker) or a base
 * chain loops.
 */
export function ruleFixtureFiles(name: string, seen: readonly string[] = []): Map<string, string> {
  if (seen.includes(name)) throw new Error(`rule fixture bases loop: ${[...seen, name].join(' → ')}`);
  const own = ownFiles(name);
  if (name === ROOT_BASE) return own;
  const meta = readMeta(name);
  const files = ruleFixtureFiles(meta.base ?? ROOT_BASE, [...seen, name]);
  for (const gone of meta.without ?? []) {
    if (!files.delete(gone)) throw new Error(`${name}/fixture.json: "without" names ${gone}, which the base does not have`);
  }
  for (const [rel, abs] of own) files.set(rel, abs);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Files fixture `name` holds that are byte for byte the same as its base's (copies the overlay need not hold). */
export function redundantRuleFixtureFiles(name: string): string[] {
  if (name === ROOT_BASE) return [];
  const base = ruleFixtureFiles(readMeta(name).base ?? ROOT_BASE);
  return [...ownFiles(name)].filter(([rel, abs]) => base.has(rel) && readFileSync(base.get(rel)!).equals(readFileSync(abs))).map(([rel]) => rel);
}

/**
 * Materialises rule fixtures into one temporary folder per instance, each at `<tmp>/<name>/` (the folder keeps the
 * fixture's name, so tests that match paths by suffix still work), once per fixture. Call `cleanup()` after the tests.
 */
export class RuleFixtureTrees {
  #root: string | undefined;
  readonly #made = new Map<string, string>();

  /** The absolute path of fixture `name`, laid over its base, made on first use. */
  path(name: string): string {
    let dir = this.#made.get(name);
    if (!dir) {
      this.#root ??= mkdtempSync(path.join(tmpdir(), 'sparbar-rule-fixtures-'));
      dir = path.join(this.#root, name);
      materializeRuleFixture(name, dir);
      this.#made.set(name, dir);
    }
    return dir;
  }

  /** Removes every folder this instance made. */
  cleanup(): void {
    if (this.#root) rmSync(this.#root, { recursive: true, force: true });
    this.#root = undefined;
    this.#made.clear();
  }
}

/** Writes fixture `name`, laid over its base, into `dest` (created; must not hold other files). File modes are kept. */
export function materializeRuleFixture(name: string, dest: string): void {
  mkdirSync(dest, { recursive: true });
  for (const [rel, abs] of ruleFixtureFiles(name)) {
    const to = path.join(dest, ...rel.split('/'));
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(abs, to);
  }
}

/** Where a fixture's expected messages live. */
export const expectedFile = (name: string): string => path.join(RULE_FIXTURES_DIR, name, 'expected.txt');
