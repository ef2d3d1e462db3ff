// The command line's first hour: --version, every command's --help, and Swedish usage errors with suggestions.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS, isGroup, type CommandSpec } from '../src/cli/command-specs.js';
import { HANDLERS } from '../src/cli/run.js';
import { runCli } from './helpers/cli.js';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const specs: CommandSpec[] = COMMAND_SPECS.flatMap((c) => (isGroup(c) ? c.subcommands : [c]));
const ENGLISH = /Unknown option|To specify a positional|Usage|Options:|argument is ambiguous|Unexpected argument/;

/** Runs a handler directly (without run.ts's checks) and captures its stderr. */
async function direct(spec: CommandSpec, args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await HANDLERS[spec.words[0]!]!([...spec.words.slice(1), ...args], { stdout: () => {}, stderr: (s) => (stderr += s), color: false });
  return { code, stderr };
}

describe('sparbar --version', () => {
  it.each([['--version'], ['-v']])('%s prints the version from package.json on stdout, exit 0', async (flag) => {
    const r = await runCli([flag]);
    expect(r).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('the compiled bin prints the same (it finds package.json from lib/)', () => {
    const r = spawnSync(process.execPath, [path.resolve('lib/src/cli/main.js'), '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${version}\n`);
  });
});

describe('help', () => {
  it('sparbar --help, -h and help print the overview on stdout, listing every command; exit 0', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const r = await runCli(argv);
      expect(r.code, argv.join(' ')).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/^Användning: sparbar <kommando>/);
      for (const spec of specs) expect(r.stdout).toContain(`  ${spec.words.join(' ')} `);
      expect(r.stdout).toContain('-v, --version');
      expect(r.stdout).not.toMatch(ENGLISH);
      for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    }
  });

  it('without a command, the overview goes to stderr with exit 2', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Användning: sparbar <kommando>/);
  });

  it.each(specs.map((s) => [s.words.join(' '), s]))('sparbar %s --help, -h and sparbar help %s print its help in Swedish on stdout', async (_name, spec) => {
    const s = spec as CommandSpec;
    const pages = new Set<string>();
    for (const argv of [[...s.words, '--help'], [...s.words, '-h'], ['help', ...s.words], [...s.words, 'plans', '--help']]) {
      const r = await runCli(argv);
      expect(r.code, argv.join(' ')).toBe(0);
      expect(r.stderr).toBe('');
      pages.add(r.stdout);
    }
    expect(pages.size).toBe(1);
    const [page] = pages;
    expect(page).toMatch(new RegExp(`^Användning: sparbar ${s.words.join(' ')} `));
    expect(page).toContain(s.summary);
    expect(page).toContain('Flaggor:');
    expect(page).toContain('-h, --help');
    expect(page).toMatch(/\nSlutkoder: 0 /);
    for (const p of s.positionals) expect(page).toMatch(new RegExp(`\\n  ${p.name} +\\S`));
    for (const o of s.options) expect(page).toContain(`--${o.name}${o.value ? ` ${o.value}` : ''}`);
    for (const e of s.examples) expect(page).toContain(`  ${e.command}\n`);
    expect(page).not.toMatch(ENGLISH);
    for (const line of page!.split('\n')) if (!line.startsWith('  sparbar ') && !line.startsWith('  --')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it.each(specs.map((s) => [s.words.join(' '), s]))('sparbar %s: the options the help lists are exactly those the command reads', async (_name, spec) => {
    const s = spec as CommandSpec;
    // The command's own parser, reached without run.ts's check, lists what it reads when given an unknown option.
    const r = await direct(s, ['--finns-inte']);
    expect(r.code).toBe(2);
    const listed = /Flaggor: ([^.]*)\./.exec(r.stderr)?.[1]?.split(', ') ?? [];
    if (listed.length === 0) expect(r.stderr).toContain('Kommandot har inga flaggor utom --help.');
    expect(listed).toEqual(s.options.map((o) => `--${o.name}`));
  });

  it('groups: sparbar uppfoljning --help lists its subcommands; an unknown subcommand gets a suggestion', async () => {
    const r = await runCli(['uppföljning', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Användning: sparbar uppfoljning <ny\|status>/);
    expect(r.stdout).toMatch(/\n {2}ny <period> \[mapp\] +Skapa uppföljningsfiler/);
    expect((await runCli(['help', 'kolada'])).stdout).toMatch(/\n {2}hamta \[mapp\] +Hämta utfall/);
    const wrong = await runCli(['uppfoljning', 'staus', '2026-08']);
    expect(wrong).toMatchObject({ code: 2, stdout: '' });
    expect(wrong.stderr).toBe('sparbar uppfoljning: okänt underkommando "staus". Menade du "status"? Välj ny eller status.\nKör sparbar uppfoljning --help för hjälp.\n');
    const none = await runCli(['kolada']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('sparbar kolada: ange ett underkommando: hamta.');
  });

  it('after -- a --help is an argument, not a request for help', async () => {
    const r = await runCli(['check', '--', '--help']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('finns inte eller är ingen mapp');
  });
});

describe('usage errors: Swedish, with a suggestion, on stderr, exit 2', () => {
  const cases: [string[], string][] = [
    [['chek'], 'sparbar: okänt kommando "chek". Menade du "check"? Kommandon: check, graph, diff, build, ny, uppfoljning, rapport, redigera, importera, dokument, kolada, help.'],
    [['biuld'], 'Menade du "build"?'],
    [['help', 'dif'], 'sparbar: okänt kommando "dif". Menade du "diff"?'],
    [['--verison'], 'sparbar: okänd flagga --verison. Menade du --version?'],
    [['check', '--forma', 'json'], 'sparbar check: okänd flagga --forma. Menade du --format? Flaggor: --format, --strict, --require-period, --watch, --no-cache.'],
    [['check', '--stict'], 'Menade du --strict?'],
    [['check', '--require-perod', '2027-08'], 'Menade du --require-period?'],
    [['build', '-o', 'ut'], 'sparbar build: okänd flagga -o. Menade du --out? Flaggor: --out, --base, --config, --no-cache.'],
    [['graph', '--format', 'json'], 'sparbar graph: okänd flagga --format. Kommandot har inga flaggor utom --help.'],
    [['uppfoljning', 'status', '2026-08', '--fromat', 'json'], 'sparbar uppfoljning status: okänd flagga --fromat. Menade du --format?'],
    [['kolada', 'hamta', '--time-out', '5'], 'Menade du --timeout?'],
    [['rapport', '2026-08', '--pfd', 'x.pdf'], 'Menade du --pdf?'],
    [['ny', 'aktivitet', '--tll', 'FO2.1'], 'Menade du --till?'],
    [['ny', '--typ', 'mal'], 'sparbar ny: okänd flagga --typ: typ skrivs utan flagga, som argument. Menade du "sparbar ny mål"?'],
    [['check', '--mapp', 'plans'], 'sparbar check: okänd flagga --mapp: mapp skrivs utan flagga, som argument. Menade du "sparbar check plans"?'],
    [['uppfoljning', 'ny', '--mapp', 'plans'], 'okänd flagga --mapp: mapp skrivs utan flagga, som argument. Användning: sparbar uppfoljning ny <period> [mapp].'],
    [['check', '--format'], 'sparbar check: flaggan --format behöver ett värde: --format human|json|github|codequality.'],
    [['check', '--strict=ja'], 'sparbar check: flaggan --strict tar inget värde; skriv bara --strict.'],
    [['ny', 'aktivitet', '--titel', '--till', 'FO2.1'], 'flaggan --titel behöver ett värde men följs av --till. Skriv --titel=--till om värdet verkligen börjar med ett bindestreck.'],
    [['check', 'plans', 'mer'], 'sparbar check: för många argument: mer (kommandot tar högst 1).'],
    [['diff', 'a', 'b', 'c', 'd'], 'för många argument: d (kommandot tar högst 3).'],
  ];

  it.each(cases)('sparbar %j', async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).toMatch(/\nKör sparbar[^\n]* --help för hjälp\.\n$/);
    expect(r.stderr).not.toMatch(ENGLISH);
  });

  it('a misspelt command does not dump the whole help on stderr', async () => {
    const r = await runCli(['kontroll']);
    expect(r.stderr.split('\n').length).toBeLessThanOrEqual(3);
  });
});

describe('the README and the help agree', () => {
  it("every flag in the README's command list is one the command's help documents, and every command is listed", () => {
    const readme = readFileSync('README.md', 'utf8');
    const block = /## Kommandoraden[^\n]*\n+```text\n([\s\S]*?)```/.exec(readme)![1]!;
    const seen = new Set<string>();
    for (const line of block.split('\n').filter((l) => /^sparbar [a-zö]/.test(l))) {
      const words = line.split(/\s+/).slice(1);
      const spec = specs.find((s) => s.words.every((w, i) => words[i] === w));
      expect(spec, line).toBeDefined();
      seen.add(spec!.words.join(' '));
      for (const flag of line.matchAll(/--([\p{Ll}-]+)/gu)) expect(spec!.options.map((o) => o.name), line).toContain(flag[1]);
    }
    expect([...seen].sort()).toEqual(specs.map((s) => s.words.join(' ')).sort());
  });
});

describe('suggestions for commands and flags count a swapped pair of letters as one typo', () => {
  it('editDistance with transpositions', async () => {
    const { editDistance, closest } = await import('../src/util/suggest.js');
    expect(editDistance('biuld', 'build')).toBe(2);
    expect(editDistance('biuld', 'build', true)).toBe(1);
    expect(editDistance('pfd', 'pdf', true)).toBe(1);
    expect(editDistance('abc', 'abc', true)).toBe(0);
    expect(editDistance('ca', 'abc', true)).toBe(3);
    expect(closest('pfd', ['pdf', 'plan'])).toBeUndefined();
    expect(closest('pfd', ['pdf', 'plan'], { transpositions: true })).toBe('pdf');
  });
});
