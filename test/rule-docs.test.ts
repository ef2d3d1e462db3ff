// The rule catalogue and its documentation: one module per rule, every problem code a rule, a page per rule in
// docs/regler/ made from the modules (kept in sync like the JSON Schemas: run `npm run docs`), examples that show what
// they claim, and a `url` on every message that leads to the rule's page.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExamples, ruleDocPages } from '../src/docs/rule-docs.js';
import { PROBLEM_CODES } from '../src/messages/problems.js';
import { ruleDocsBase, ruleUrl } from '../src/messages/rule-url.js';
import { RULES } from '../src/rules/index.js';
import { runCli } from './helpers/cli.js';
import { materializeRuleFixture } from './helpers/rule-fixtures.js';

const BASE = 'test/fixtures/rules/_base';
const DOCS = 'docs/regler';

describe('the rule catalogue', () => {
  it('has every module of src/rules/ (one rule each) and no id twice', () => {
    const modules = readdirSync('src/rules')
      .filter((f) => f.endsWith('.ts') && !['rule.ts', 'index.ts', 'settings.ts'].includes(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(RULES.map((r) => r.id).sort()).toEqual(modules);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it('has a rule for every problem code, with the code\'s severity; blocking rules are errors', () => {
    for (const [code, severity] of Object.entries(PROBLEM_CODES)) expect(RULES.find((r) => r.id === code)?.severity, code).toBe(severity);
    for (const rule of RULES.filter((r) => r.blocking)) expect(rule.severity, rule.id).toBe('error');
  });
});

describe('the documentation pages (docs/regler/)', () => {
  const pages = ruleDocPages(BASE);

  it('are what `npm run docs` makes from the rule modules (run it after changing a rule)', () => {
    const onDisk = readdirSync(DOCS).filter((f) => f.endsWith('.md')).sort();
    expect(onDisk).toEqual([...pages.keys()].sort());
    for (const [name, text] of pages) expect(readFileSync(path.join(DOCS, name), 'utf8'), `${DOCS}/${name} (run npm run docs)`).toBe(text);
  });

  it('one per rule, each listed in the index, with what it checks, why, both examples and how to fix', () => {
    const index = pages.get('README.md')!;
    for (const rule of RULES) {
      const page = pages.get(`${rule.id}.md`);
      expect(page, rule.id).toBeDefined();
      expect(index).toContain(`[\`${rule.id}\`](${rule.id}.md)`);
      for (const heading of ['## Vad regeln kontrollerar', '## Varför', '### Fel: ', '### Rätt: ', '## Så rättar du']) expect(page, `${rule.id}: ${heading}`).toContain(heading);
      expect(page!.includes('## Ställ in regeln'), rule.id).toBe(!rule.blocking);
    }
  });

  it('shows the example plan the examples start from, which gives no message', async () => {
    for (const file of ['organisationer/ekby.md', 'policy/policy.md', 'plan/plan.md', 'plan/mal/M1.md', 'plan/aktiviteter/A1.md']) {
      expect(pages.get('README.md')).toContain(readFileSync(path.join(BASE, file), 'utf8'));
    }
    expect((await runCli(['check', BASE, '--format', 'json'])).stdout).toBe('[]\n');
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s: the failing example gives the rule and nothing else, the passing one nothing', (_id, rule) => {
    const { fail, pass } = checkExamples(rule, BASE);
    if (fail === undefined) {
      // Only what files cannot show (unreadable files, Spårbar's own faults) is described instead; the rule tests cover them.
      expect(['unreadable-file', 'internal-error']).toContain(rule.id);
      expect(rule.docs.fail.situation).toBeTruthy();
      return;
    }
    expect(fail.length).toBeGreaterThan(0);
    expect(fail.every((m) => m.ruleId === rule.id)).toBe(true);
    expect(pass).toEqual([]);
  });
});

describe('url on every message', () => {
  it('is the rule page in docs/regler/ relative to the package while package.json names no repository', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, unknown>;
    expect(pkg['repository']).toBeUndefined();
    expect(pkg['homepage']).toBeUndefined();
    for (const rule of RULES) {
      expect(ruleUrl(rule.id)).toBe(`docs/regler/${rule.id}.md`);
      expect(existsSync(ruleUrl(rule.id)), rule.id).toBe(true);
    }
    expect(pkg['files']).toContain('docs');
  });

  it('is the page on GitHub or GitLab when package.json names the repository there', () => {
    const github = 'https://github.com/ekby/sparbar/blob/HEAD/docs/regler/';
    expect(ruleDocsBase({ repository: 'github:ekby/sparbar' })).toBe(github);
    expect(ruleDocsBase({ repository: 'ekby/sparbar' })).toBe(github);
    expect(ruleDocsBase({ repository: { url: 'git+https://github.com/ekby/sparbar.git' } })).toBe(github);
    expect(ruleDocsBase({ repository: 'git@github.com:ekby/sparbar.git' })).toBe(github);
    expect(ruleDocsBase({ homepage: 'https://github.com/ekby/sparbar#readme' })).toBe(github);
    expect(ruleDocsBase({ repository: { url: 'https://gitlab.com/ekby/verktyg.git', directory: 'paket/sparbar' } })).toBe('https://gitlab.com/ekby/verktyg/-/blob/HEAD/paket/sparbar/docs/regler/');
    expect(ruleDocsBase({ repository: 'https://git.example.org/ekby/sparbar.git', homepage: 'https://sparbar.example.org/' })).toBe('docs/regler/');
    expect(ruleDocsBase({})).toBe('docs/regler/');
  });

  it('--format json gives every message its url, and the page exists', async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'sparbar-rule-docs-')), 'several-defects');
    materializeRuleFixture('several-defects', dir);
    let messages: { ruleId: string; url: string }[];
    try {
      messages = JSON.parse((await runCli(['check', dir, '--format', 'json'])).stdout) as typeof messages;
    } finally {
      rmSync(path.dirname(dir), { recursive: true, force: true });
    }
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) {
      expect(m.url).toBe(`docs/regler/${m.ruleId}.md`);
      expect(existsSync(m.url), m.url).toBe(true);
    }
  });
});
