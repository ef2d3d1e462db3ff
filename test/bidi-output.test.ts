// Direction controls (issue 10): `sparbar check` reports them (rule bidi-control, test/rules.test.ts); a plan that
// lowers the rule still never publishes one. Page titles, headings, texts and open data (CSV, JSON) are checked in a
// real build; the plans folder is byte-identical afterwards.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { stripBidiControls } from '../src/files/characters.js';
import { csvCell } from '../src/site/csv.js';
import { renderMarkdownUncached } from '../src/site/markdown.js';
import { withoutBidiControls } from '../src/site/published-text.js';
import { runCli } from './helpers/cli.js';
import { exampleConfig } from './helpers/example-config.js';
import { materializeRuleFixture } from './helpers/rule-fixtures.js';
import { snapshotTree } from './helpers/tree.js';

// Each test here builds whole sites: minutes on a busy 2-core machine, so more than the suite's 120 s.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const tmp = mkdtempSync(path.join(tmpdir(), 'sparbar-bidi-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const ALL = '\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';

describe('stripping direction controls', () => {
  it('removes each of the twelve and nothing else', () => {
    expect(stripBidiControls(`a${ALL}b`)).toBe('ab');
    const kept = 'Ärende\u00a0“citat” – \u200b\u200d 😀 عربي עברית';
    expect(stripBidiControls(kept)).toBe(kept);
  });

  it('withoutBidiControls copies only what changes, at any depth, and never changes its input', () => {
    const clean = { a: ['x', { b: 'y' }], n: 1, t: true, z: null };
    expect(withoutBidiControls(clean)).toBe(clean);
    const dirty = { titel: 'A\u202eB', lista: ['ok', { djup: ['C\u2066D'] }], tal: 2 };
    const frozen = JSON.stringify(dirty);
    const out = withoutBidiControls(dirty);
    expect(out).toEqual({ titel: 'AB', lista: ['ok', { djup: ['CD'] }], tal: 2 });
    expect(out.lista[0]).toBe('ok');
    expect(JSON.stringify(dirty)).toBe(frozen);
  });

  it('a CSV cell: removed before the formula check, so an override cannot hide a formula', () => {
    expect(csvCell('\u202e=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('Titel \u202e1202 llit\u202c')).toBe('Titel 1202 llit');
  });

  it('markdown: headings, text, link text and code lose them', () => {
    const html = renderMarkdownUncached('# Rubrik \u202etxet\n\nStycke \u2067här\u2069 och [länk\u200f](https://ekby.se/\u202e) `kod\u202d`\n');
    expect(html).not.toMatch(BIDI);
    expect(html).toContain('Rubrik txet');
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('a plan that turns bidi-control down to a warning', () => {
  it('builds, and no published page, search record or open-data file has a direction control', { timeout: 600_000 }, async () => {
    const plans = path.join(tmp, 'plans');
    materializeRuleFixture('bidi-control', plans);
    writeFileSync(
      path.join(plans, 'sparbar.config.json'),
      // The example's configuration (its accessibility statement, which every build needs) with the rule turned down.
      exampleConfig({ regler: { 'bidi-control': 'varning' }, webbplats: { namn: 'Ekby \u202eslapriL' } }),
    );
    const before = snapshotTree(plans);
    const out = path.join(tmp, 'www');
    const check = await runCli(['check', plans]);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/varning +Tecknet RIGHT-TO-LEFT OVERRIDE \(U\+202E\)/);
    const r = await runCli(['build', plans, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const texts = filesUnder(out).filter((f) => /\.(html|csv|json|xml|txt)$/.test(f));
    expect(texts.some((f) => f.endsWith('.csv'))).toBe(true);
    for (const file of texts) expect(readFileSync(file, 'utf8'), path.relative(out, file)).not.toMatch(BIDI);
    const pages = texts.filter((f) => f.endsWith('.html')).map((f) => readFileSync(f, 'utf8'));
    expect(pages.some((p) => /<title>[^<]*Digital signering av beslut 1202 llit/.test(p))).toBe(true);
    expect(pages.some((p) => /<h1[^>]*>[^<]*Digital signering av beslut 1202 llit/.test(p))).toBe(true);
    expect(pages.some((p) => p.includes('Ekby slapriL'))).toBe(true);
    const csv = texts.filter((f) => f.endsWith('.csv')).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(csv).toContain('Digital signering av beslut 1202 llit');
    expect(snapshotTree(plans)).toEqual(before);
  });
});
