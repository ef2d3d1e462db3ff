// Bounded work on any input (issue 10): `sparbar check` reports a body nested past MAX_NESTING, a paragraph with more
// than MAX_BRACKETS_PER_PARAGRAPH brackets and frontmatter longer than MAX_FRONTMATTER_LINES (rule limit-exceeded, at
// the place), the build refuses them, and every body within the limits renders without error. Behaviour only: the
// times are in `npm run bench -- --only pathological`.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkFiles } from '../src/check/check-files.js';
import { severityOf } from '../src/messages/report.js';
import { bodyLimitProblem, MAX_BRACKETS_PER_PARAGRAPH, MAX_DELIMITER_RUNS_PER_PARAGRAPH, MAX_FRONTMATTER_LINES, MAX_NESTING } from '../src/parse/limits.js';
import { markdownToSafeTree, renderMarkdownUncached } from '../src/site/markdown.js';
import { runCli } from './helpers/cli.js';
import { snapshotTree } from './helpers/tree.js';

// Each test here builds whole sites: minutes on a busy 2-core machine, so more than the suite's 120 s.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const tmp = mkdtempSync(path.join(tmpdir(), 'sparbar-bounded-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HEAD = '---\ntyp: aktivitet\nid: A9\ntitel: Gränsfall\nbidrar_till: [FO1]\nansvarig: IT-enheten\nslut: 2025-12-31\nstatus: pågår\n---\n';
const BODY_LINE = 10;
const limitMessages = (text: string) =>
  checkFiles([{ path: 'plan/aktiviteter/A9.md', bytes: new TextEncoder().encode(text) }])
    .messages.filter((m) => m.ruleId === 'limit-exceeded')
    .map((m) => `${m.line}:${m.column} ${severityOf(m)}`);

const quotes = (n: number) => `${'>'.repeat(n)} x\n`;
const spacedQuotes = (n: number) => `${'> '.repeat(n)}x\n`;
const list = (n: number) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- nivå ${i + 1}\n`).join('');
const ordered = (n: number) => Array.from({ length: n }, (_, i) => `${'   '.repeat(i)}1. nivå ${i + 1}\n`).join('');
const links = (n: number) => `${'[a]('.repeat(n)}\n`;

describe('the body limits', () => {
  it.each([
    ['">" without spaces', quotes],
    ['"> " with spaces', spacedQuotes],
    ['a bullet list nested by indentation', list],
    ['an ordered list nested by indentation', ordered],
  ])('%s: %i levels pass check and render; one more is an error at the level past the limit', (_name, make) => {
    const within = make(MAX_NESTING);
    expect(limitMessages(HEAD + within)).toEqual([]);
    expect(renderMarkdownUncached(within)).not.toBe('');
    const past = limitMessages(HEAD + make(MAX_NESTING + 1));
    expect(past).toHaveLength(1);
    expect(past[0]).toMatch(new RegExp(`^${BODY_LINE + (make === quotes || make === spacedQuotes ? 0 : MAX_NESTING)}:\\d+ error$`));
  });

  it('the 3,000 ">" that crashed the build: an error at the 33rd, and rendering it anyway never throws', () => {
    expect(limitMessages(HEAD + quotes(3000))).toEqual([`${BODY_LINE}:${MAX_NESTING + 1} error`]);
    expect(() => markdownToSafeTree(quotes(3000))).not.toThrow();
  });

  it(`a paragraph of ${MAX_BRACKETS_PER_PARAGRAPH} "[a](" passes and renders; one more is an error at it; a blank line starts the count again`, () => {
    expect(limitMessages(HEAD + links(MAX_BRACKETS_PER_PARAGRAPH))).toEqual([]);
    expect(renderMarkdownUncached(links(MAX_BRACKETS_PER_PARAGRAPH))).toContain('[a](');
    expect(limitMessages(HEAD + links(MAX_BRACKETS_PER_PARAGRAPH + 1))).toEqual([`${BODY_LINE}:${4 * MAX_BRACKETS_PER_PARAGRAPH + 1} error`]);
    const split = `${links(MAX_BRACKETS_PER_PARAGRAPH)}\n${links(MAX_BRACKETS_PER_PARAGRAPH)}`;
    expect(limitMessages(HEAD + split)).toEqual([]);
  });

  it(`a paragraph of ${MAX_DELIMITER_RUNS_PER_PARAGRAPH} runs of * _ ~ passes and renders; one more is an error at it; a blank line starts the count again`, () => {
    // 40,000 "~a" in one paragraph took the parser 16 s, and the check let it through.
    const strike = (n: number) => `${'~a'.repeat(n)}\n`;
    expect(limitMessages(HEAD + strike(MAX_DELIMITER_RUNS_PER_PARAGRAPH))).toEqual([]);
    expect(renderMarkdownUncached(strike(MAX_DELIMITER_RUNS_PER_PARAGRAPH))).toContain('<del>a</del>a<del>a</del>');
    expect(limitMessages(HEAD + strike(MAX_DELIMITER_RUNS_PER_PARAGRAPH + 1))).toEqual([`${BODY_LINE}:${2 * MAX_DELIMITER_RUNS_PER_PARAGRAPH + 1} error`]);
    // A run of two (**, ~~) is one; lines of a paragraph add up; a blank line starts again; fenced code does not count.
    const bold = `${'a**'.repeat(MAX_DELIMITER_RUNS_PER_PARAGRAPH / 2)}\n${'_a'.repeat(MAX_DELIMITER_RUNS_PER_PARAGRAPH / 2)}\n`;
    expect(bodyLimitProblem(bold)).toBeUndefined();
    expect(bodyLimitProblem(`${bold}~\n`)).toMatchObject({ line: 2, column: 1 });
    expect(bodyLimitProblem(`${bold}\n${bold}`)).toBeUndefined();
    expect(bodyLimitProblem(`\`\`\`\n${strike(3 * MAX_DELIMITER_RUNS_PER_PARAGRAPH)}\`\`\`\n`)).toBeUndefined();
  });

  it('does not count what is not nesting: fenced code, a thematic break, > inside a line, emphasis', () => {
    const code = `\`\`\`\n${quotes(100)}${list(100)}${links(1000)}\`\`\`\n`;
    expect(bodyLimitProblem(code)).toBeUndefined();
    expect(bodyLimitProblem(`${'- '.repeat(100)}\n`)).toBeUndefined();
    expect(bodyLimitProblem(`text ${'>'.repeat(100)}\n`)).toBeUndefined();
    expect(bodyLimitProblem(`${'*a '.repeat(100)}\n`)).toBeUndefined();
    expect(bodyLimitProblem('~~~\n> > >\n~~~\n')).toBeUndefined();
  });

  it('nesting mixed on one line and continued by indentation counts every level', () => {
    const mixed = `${'> - '.repeat(17)}x\n`;
    expect(bodyLimitProblem(mixed)).toMatchObject({ line: 0 });
  });
});

describe('frontmatter length', () => {
  const withKeys = (n: number) => `---\ntyp: aktivitet\nid: A9\ntitel: Gränsfall\n${Array.from({ length: n }, (_, i) => `k${i}: v`).join('\n')}\n---\nText.\n`;

  it(`more than ${MAX_FRONTMATTER_LINES} lines: one error at its first line, the file is not read, nothing else is said about it`, () => {
    const result = checkFiles([{ path: 'plan/aktiviteter/A9.md', bytes: new TextEncoder().encode(withKeys(MAX_FRONTMATTER_LINES)) }]);
    const own = result.messages.filter((m) => m.file === 'plan/aktiviteter/A9.md');
    expect(own.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['2:1 limit-exceeded']);
    expect(own[0]!.reason).toContain(`fler än ${MAX_FRONTMATTER_LINES}`);
  });

  it(`${MAX_FRONTMATTER_LINES} lines are read as usual (each unknown key reported)`, () => {
    const result = checkFiles([{ path: 'plan/aktiviteter/A9.md', bytes: new TextEncoder().encode(withKeys(MAX_FRONTMATTER_LINES - 3)) }]);
    const own = result.messages.filter((m) => m.file === 'plan/aktiviteter/A9.md');
    expect(own.some((m) => m.ruleId === 'limit-exceeded')).toBe(false);
    expect(own.filter((m) => m.ruleId === 'unknown-key').length).toBe(MAX_FRONTMATTER_LINES - 3);
  });
});

describe('sparbar build', () => {
  it('refuses a plan whose body check rejects (exit 1) instead of crashing, and writes nothing', async () => {
    const plans = path.join(tmp, 'plans');
    cpSync(path.resolve(import.meta.dirname, 'fixtures/rules/_base'), plans, { recursive: true });
    mkdirSync(path.join(plans, 'plan', 'aktiviteter'), { recursive: true });
    writeFileSync(path.join(plans, 'plan', 'aktiviteter', 'A9.md'), HEAD.replace('ansvarig: IT-enheten\n', 'ansvarig: Kommunstyrelsen\n') + quotes(3000));
    const before = snapshotTree(plans);
    const out = path.join(tmp, 'www');
    const r = await runCli(['build', plans, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('limit-exceeded');
    expect(r.stdout + r.stderr).not.toContain('Maximum call stack');
    expect(snapshotTree(plans)).toEqual(before);
  });
});
