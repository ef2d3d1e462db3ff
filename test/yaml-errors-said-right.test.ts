// The cases a tester found still said wrong after issue 9 (one example of each kind, and its neighbours): each
// asserts the rule id, file, line, column and the words of the message, in Swedish, with the fix, and without a fix
// derived from text the parser could not read. Also checked in the human output of `sparbar check`.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPlanFolder } from '../bench/mutations.js';
import { MessageSink, type CheckMessage } from '../src/messages/report.js';
import { parsePlanText } from '../src/parse/read-plan-file.js';
import { validateFile } from '../src/validate/validate-file.js';
import { runCli } from './helpers/cli.js';

/** English from the yaml package and zod, or their API names, must never reach a message. */
const ENGLISH = /\b(must|cannot|not allowed|Unexpected|Missing|Invalid|Expected|indicator|token|implicit|Nested|mapping|sequence|quote|Infinity|NaN|Flow|Block|Plain value|Tabs|Alias|Anchor|Unresolved|[A-Z]{3,}_[A-Z_]+)\b/;

const ACTION = 'typ: aktivitet\nid: A1\n';
const INDICATOR = 'typ: indikator\nid: I1\ntitel: Andel e-tjänster\nenhet: "%"\nriktning: högre\nkälla: egen\n';
const GOAL = 'typ: mål\nid: M1\ntitel: IT-styrning\n';

/** Every message for a file `file` whose frontmatter is `yaml`. */
function check(yaml: string, file = 'plan/A1.md'): CheckMessage[] {
  const sink = new MessageSink();
  const read = parsePlanText(Buffer.from(`---\n${yaml}---\nText.\n`), file, sink);
  if (read) validateFile(read, sink);
  return sink.messages;
}

/** The one message for `yaml`, checked for its place and for English; its reason. */
function one(yaml: string, expected: { rule: string; line: number; column: number; endColumn?: number }, file = 'plan/A1.md'): string {
  const messages = check(yaml, file);
  expect(messages.map((m) => ({ file: m.file, ruleId: m.ruleId, line: m.line, column: m.column }))).toEqual([
    { file, ruleId: expected.rule, line: expected.line, column: expected.column },
  ]);
  if (expected.endColumn !== undefined) expect(messages[0]!.place).toMatchObject({ end: { line: expected.line, column: expected.endColumn } });
  expect(messages[0]!.reason).not.toMatch(ENGLISH);
  return messages[0]!.reason;
}

/** Each frontmatter line of the example plan's files: the file's path, its lines and the line's index. */
function* frontmatterLines(): Generator<{ path: string; lines: string[]; i: number }> {
  for (const file of readPlanFolder('plans')) {
    const lines = Buffer.from(file.bytes).toString('utf8').split('\n');
    const end = lines.indexOf('---', 1);
    for (let i = 1; i < end; i++) yield { path: file.path, lines, i };
  }
}

/** The first message for the file with line `i` of `lines` replaced by `line`, read and validated. */
function firstMessage(file: string, lines: readonly string[], i: number, line: string): CheckMessage | undefined {
  const copy = [...lines];
  copy[i] = line;
  const sink = new MessageSink();
  const read = parsePlanText(Buffer.from(copy.join('\n')), file, sink);
  if (read) validateFile(read, sink);
  return sink.messages[0];
}

const shown = (m: CheckMessage | undefined) => (m ? `${m.line}:${m.column} ${m.reason}` : 'no message');

const has = (reason: string, ...words: string[]) => {
  for (const w of words) expect(reason).toContain(w);
};

describe('# that starts a comment where a value was meant', () => {
  it('titel: #1 prioritet: not just "empty", but that # starts a comment, at the #, with the value quoted', () => {
    const reason = one(`${ACTION}titel: #1 prioritet\nbidrar_till: [FO1]\n`, { rule: 'wrong-type', line: 4, column: 8, endColumn: 20 });
    has(reason, '"titel" är tomt', '# efter ett mellanslag inleder en kommentar', 'titel: "#1 prioritet"');
  });

  it('and for an item of a list: - #SP2', () => {
    const reason = one(`${GOAL}styrprinciper:\n  - SP1\n  - #SP2\n`, { rule: 'wrong-type', line: 7, column: 5 }, 'plan/M1.md');
    has(reason, '"styrprinciper[1]" är tomt', 'kommentar', '- "#SP2"');
  });

  it('the same for any key: ansvarig: #IT-enheten, with spaces around', () => {
    const reason = one(`${ACTION}titel: T\nbidrar_till: [FO1]\nansvarig:   #IT-enheten  \n`, { rule: 'wrong-type', line: 6, column: 13 });
    has(reason, '"ansvarig" är tomt', 'kommentar', 'ansvarig: "#IT-enheten"');
  });
});

describe('a decimal comma inside { … }', () => {
  it('målvärden: {2023: 9,5}: a decimal point, at the value, not a bad key "5"', () => {
    const reason = one(`${INDICATOR}målvärden: {2023: 9,5}\n`, { rule: 'wrong-type', line: 8, column: 19, endColumn: 22 }, 'plan/I1.md');
    has(reason, 'målvärden', '2023: 9,5', 'avgränsare', 'Skriv decimaler med punkt: 2023: 9.5');
    expect(reason).not.toContain('fel form');
  });

  it('among other years: utfall: {2023: 9,5, 2024: 10}', () => {
    const reason = one(`${INDICATOR}utfall: {2023: 9,5, 2024: 10}\n`, { rule: 'wrong-type', line: 8, column: 16 }, 'plan/I1.md');
    has(reason, 'utfall', '2023: 9.5');
  });

  it('budget: { belopp: 4,5, … } the same way', () => {
    const reason = one(`${ACTION}titel: T\nbidrar_till: [FO1]\nbudget: { belopp: 4,5, enhet: Mkr, slag: drift }\n`, { rule: 'wrong-type', line: 6, column: 19 });
    has(reason, 'belopp: 4,5', 'belopp: 4.5');
  });

  it('a comma inside a text in { … }: quote the text', () => {
    const reason = one(
      'typ: policy\nid: p\ntitel: P\norganisationer: [ekby]\nområden: [{ id: O1, titel: Skola, vård }]\n',
      { rule: 'unknown-key', line: 6, column: 28 },
      'plan/policy.md',
    );
    has(reason, '"vård" blev en egen nyckel', 'titel: "Skola, vård"');
  });
});

describe('a key of a per-year map that is not a year', () => {
  it('målvärden: {år2025: 5}: the caret on the key, with the year it means', () => {
    const reason = one(`${INDICATOR}målvärden: {år2025: 5}\n`, { rule: 'invalid-format', line: 8, column: 13, endColumn: 19 }, 'plan/I1.md');
    has(reason, 'Nyckeln "år2025"', 'årtal med fyra siffror', 'Skriv 2025: 5');
  });

  it('the same in a block map', () => {
    const reason = one(`${INDICATOR}utfall:\n  2024: 3\n  år 2025: 5\n`, { rule: 'invalid-format', line: 10, column: 3 }, 'plan/I1.md');
    has(reason, 'Nyckeln "år 2025"', 'Skriv 2025: 5');
  });
});

describe('a number written as quoted text', () => {
  it('målår: "2025": remove the quotes, not another year', () => {
    const reason = one(`${GOAL}målår: "2025"\n`, { rule: 'wrong-type', line: 5, column: 8, endColumn: 14 }, 'plan/M1.md');
    has(reason, 'inom citattecken', 'Ta bort citattecknen: målår: 2025.');
    expect(reason).not.toContain('2026');
  });

  it("målvärden: {2025: '5,5'}: remove the quotes, with a decimal point", () => {
    const reason = one(`${INDICATOR}målvärden: {2025: '5,5'}\n`, { rule: 'wrong-type', line: 8, column: 19 }, 'plan/I1.md');
    has(reason, 'Ta bort citattecknen: 2025: 5.5.');
  });
});

describe('after an unclosed [ or {: only the missing bracket, no fix derived from what follows', () => {
  it('titel: [Ny plattform with an empty list and an open map below: one message, at the [', () => {
    const reason = one(`${ACTION}titel: [Ny plattform\nbidrar_till: []\nbudget: {belopp: 4\n`, { rule: 'yaml-syntax', line: 4, column: 8 });
    has(reason, '] saknas', '[ på rad 4, kolumn 8', 'Skriv ] där listan slutar', 'citattecken');
    for (const guess of ['titel: [', 'bidrar_till', '{belopp', 'tom']) expect(reason).not.toContain(guess);
  });

  it('bidrar_till: [ with nothing after it: not "bidrar_till: []"', () => {
    const reason = one(`${ACTION}titel: T\nbidrar_till: [\nbudget: {belopp: 4, enhet: Mkr}\n`, { rule: 'yaml-syntax', line: 5, column: 14 });
    has(reason, '] saknas', 'rad 5, kolumn 14');
    expect(reason).not.toContain('[]');
  });

  it('a [ never closed whose next line is indented: still ] missing, not "a comma or colon is missing"', () => {
    const reason = one(`${ACTION}titel: T\nbidrar_till: [FO1, FO2\n  status: pågår\n`, { rule: 'yaml-syntax', line: 5, column: 14 });
    has(reason, '] saknas', 'rad 5, kolumn 14');
    expect(reason).not.toContain('kommatecken');
  });

  it('a { closed with ]: } is missing where { opened, not "indent the lines"', () => {
    const reason = one(`${GOAL}fokusområden: [{id: FO1, titel: X]\nmålår: 2026\n`, { rule: 'yaml-syntax', line: 5, column: 16 }, 'plan/M1.md');
    has(reason, '} saknas', '{ på rad 5, kolumn 16');
    expect(reason).not.toContain('dras in');
  });

  it('a quote never closed inside [ … ]: at the quote, not past the frontmatter', () => {
    const reason = one(`${ACTION}titel: T\nbidrar_till: [FO1, "FO2\nstatus: klar\n`, { rule: 'yaml-syntax', line: 5, column: 20 });
    has(reason, 'citattecknet "', 'stängs aldrig');
  });

  it('målvärden: {2025: 5, left open: } and where { opened, no map written for the writer', () => {
    const reason = one(`${INDICATOR}målvärden: {2025: 5,\nutfall: {2024: 3}\n`, { rule: 'yaml-syntax', line: 8, column: 12 }, 'plan/I1.md');
    has(reason, '} saknas', '{ på rad 8, kolumn 12', 'samlingen');
    expect(reason).not.toContain('målvärden: {');
  });
});

describe('a number too large to hold', () => {
  it('1e400: too large, not "ett decimaltal"', () => {
    const reason = one(`${INDICATOR}målvärden: {2025: 1e400}\n`, { rule: 'wrong-type', line: 8, column: 19 }, 'plan/I1.md');
    has(reason, '1e400', 'för stort', 'Skriv det verkliga värdet');
    expect(reason).not.toContain('decimaltal');
  });

  it('-1e400 is too small, .inf is infinite, .nan is no number', () => {
    has(one(`${INDICATOR}målvärden: {2025: -1e400}\n`, { rule: 'wrong-type', line: 8, column: 19 }, 'plan/I1.md'), 'för litet');
    has(one(`${GOAL}målår: .inf\n`, { rule: 'wrong-type', line: 5, column: 8 }, 'plan/M1.md'), '.inf', 'oändligt', 'målår: 2026');
    has(one(`${GOAL}målår: .nan\n`, { rule: 'wrong-type', line: 5, column: 8 }, 'plan/M1.md'), 'inget tal');
  });

  it('where text is wanted, quote it', () => {
    has(one(`${ACTION}titel: 1e400\nbidrar_till: [FO1]\n`, { rule: 'wrong-type', line: 4, column: 8 }), 'för stort', 'titel: "1e400"');
  });
});

describe('a tab: its own line, named as a tab', () => {
  it('a tab in a text after >-: the tab line, under its key', () => {
    const reason = one(`${GOAL}förväntat_resultat: >-\n  Alla system har en ägare\n\toch en förvaltningsplan.\nmålår: 2026\n`, { rule: 'yaml-syntax', line: 7, column: 1 }, 'plan/M1.md');
    has(reason, 'rad 7 är indragen med en tabb', 'under förväntat_resultat:', 'mellanslag');
  });

  it('a tab as the first line of a text after |', () => {
    const reason = one(`${GOAL}förväntat_resultat: |\n\tAlla system har en ägare\nmålår: 2026\n`, { rule: 'yaml-syntax', line: 6, column: 1 }, 'plan/M1.md');
    has(reason, 'rad 6 är indragen med en tabb');
  });

  it('a tab after a key, before a value with ": " in it: the ": " is what to fix, as after a space (tester9 U1)', () => {
    const reason = one(`${ACTION}titel:\tRubrik: Redundant stamnät\nbidrar_till: [FO1]\n`, { rule: 'yaml-syntax', line: 4, column: 8 });
    has(reason, 'värdet innehåller ": "', 'titel: "Rubrik: Redundant stamnät"');
    expect(reason).not.toContain('indragen');
  });

  it('every key of the example plan followed by a tab and a value with ": ": the same message as after a space', () => {
    const wrong: string[] = [];
    let tried = 0;
    for (const { path: file, lines, i } of frontmatterLines()) {
      const plain = /^([a-zåäö_]+): ([^\s"'[{|>&!*#-].*)$/.exec(lines[i]!);
      if (!plain) continue;
      const said = (gap: string) => shown(firstMessage(file, lines, i, `${plain[1]}:${gap}Rubrik: ${plain[2]}`));
      tried++;
      const space = said(' ');
      const tab = said('\t');
      if (tab !== space) wrong.push(`${file}:${i + 1}: ${tab} (with a space: ${space})`);
    }
    expect(tried).toBeGreaterThan(200);
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('every indented line of the example plan, its spaces made a tab: the message is on that line and names the tab', () => {
    const wrong: string[] = [];
    let tried = 0;
    for (const { path: file, lines, i } of frontmatterLines()) {
      if (!/^ +\S/.test(lines[i]!)) continue;
      const first = firstMessage(file, lines, i, lines[i]!.replace(/^ +/, '\t'));
      tried++;
      if (!first || first.line !== i + 1 || !first.reason.includes('tabb')) wrong.push(`${file}:${i + 1} → ${shown(first)}`);
    }
    expect(tried).toBeGreaterThan(200);
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

describe('a value that begins with * (an alias in YAML)', () => {
  it('titel: *viktigt* projekt: * starts an alias; quote the value; at the *', () => {
    const reason = one(`${ACTION}titel: *viktigt* projekt\nbidrar_till: [FO1]\n`, { rule: 'yaml-syntax', line: 4, column: 8 });
    has(reason, 'värdet börjar med *', 'alias', 'titel: "*viktigt* projekt"');
  });

  it('the whole value an alias, an item of a list, an item in [ … ]', () => {
    has(one(`${ACTION}titel: *viktigt*\nbidrar_till: [FO1]\n`, { rule: 'yaml-syntax', line: 4, column: 8 }), 'alias', 'titel: "*viktigt*"');
    has(one(`${ACTION}titel: T\nbidrar_till:\n  - *FO1* och FO2 # kommentar\n`, { rule: 'yaml-syntax', line: 6, column: 5 }), 'alias', '"*FO1* och FO2"');
    has(one(`${ACTION}titel: T\nbidrar_till: [*FO1* b, FO2]\n`, { rule: 'yaml-syntax', line: 5, column: 15 }), 'alias', '"*FO1* b"');
  });
});

describe('the same messages in the human output of sparbar check', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sparbar-said-right-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('each file: its place, its message and the rule id', async () => {
    const files: Record<string, string> = {
      'A1.md': `${ACTION}titel: #1 prioritet\nbidrar_till: [FO1]\n`,
      'A2.md': 'typ: aktivitet\nid: A2\ntitel: [Ny plattform\nbidrar_till: []\n',
      'A3.md': 'typ: aktivitet\nid: A3\ntitel: *viktigt* projekt\nbidrar_till: [FO1]\n',
      'I1.md': `${INDICATOR}målvärden: {2023: 9,5}\nutfall: {år2025: 5, 2024: 1e400}\n`,
      'M1.md': `${GOAL}målår: "2025"\n`,
    };
    mkdirSync(path.join(dir, 'plan'), { recursive: true });
    for (const [name, yaml] of Object.entries(files)) writeFileSync(path.join(dir, 'plan', name), `---\n${yaml}---\nText.\n`);
    const { stdout, code } = await runCli(['check', path.join(dir, 'plan'), '--format', 'human']);
    expect(code).toBe(1);
    const section = (name: string) => {
      const start = stdout.indexOf(`${name}\n`);
      expect(start).toBeGreaterThanOrEqual(0);
      const next = stdout.slice(start + name.length + 1).search(/\n\S/);
      return stdout.slice(start, next === -1 ? undefined : start + name.length + 1 + next);
    };
    expect(section('A1.md')).toMatch(/4:8 +fel +"titel" är tomt, eftersom # .*titel: "#1 prioritet".*wrong-type/);
    expect(section('A1.md')).toContain('^^^^^^^^^^^^');
    expect(section('A2.md')).toMatch(/4:8 +fel +.*\] saknas: \[ på rad 4, kolumn 8.*yaml-syntax/);
    expect(section('A3.md')).toMatch(/4:8 +fel +.*alias.*titel: "\*viktigt\* projekt".*yaml-syntax/);
    expect(section('I1.md')).toMatch(/8:19 +fel +.*2023: 9\.5.*wrong-type/);
    expect(section('I1.md')).toMatch(/9:10 +fel +Nyckeln "år2025".*invalid-format/);
    expect(section('I1.md')).toMatch(/9:27 +fel +.*1e400.*för stort.*wrong-type/);
    expect(section('M1.md')).toMatch(/5:8 +fel +.*Ta bort citattecknen: målår: 2025.*wrong-type/);
    expect(stdout).not.toMatch(ENGLISH);
    expect(readFileSync(path.join(dir, 'plan', 'M1.md'), 'utf8')).toContain('målår: "2025"');
  });
});

describe('values written as a document prints them (a tester, session 7)', () => {
  it('utfall: { 2025: 1 000 }: a number without its grouping space', () => {
    const reason = one(`${INDICATOR}utfall: { 2025: 1 000 }\n`, { rule: 'wrong-type', line: 8, column: 17 });
    has(reason, '1 000 läses som text', 'utan mellanrum', 'Skriv 2025: 1000.');
  });

  it('utfall: { 2026: 12 % }: the number without its unit', () => {
    const reason = one(`${INDICATOR}utfall: { 2026: 12 % }\n`, { rule: 'wrong-type', line: 8, column: 17 });
    has(reason, '12 % läses som text', 'utan enhet', 'Skriv 2026: 12.');
  });

  it('an empty bedömning says it has no value, not "null"', () => {
    const reason = one('typ: uppföljning\navser: M1\nperiod: 2025-08\nbedömning:\nförfattare: Anna Berg\n', { rule: 'invalid-value', line: 5, column: 11 }, 'plan/uppfoljning/2025-08/M1.md');
    has(reason, '"bedömning" har inget värde', 'ta bort raden', '"uppfyllt"');
    expect(reason).not.toContain('null');
  });

  it('status: pagar (å typed as a) gets its suggestion', () => {
    const reason = one(`${ACTION}titel: Ny plattform\nbidrar_till: [FO1]\nstatus: pagar\n`, { rule: 'invalid-value', line: 6, column: 9 });
    has(reason, 'Menade du "pågår"?');
  });
});

describe('a key without a space after its colon', () => {
  it('bedömning:uppfyllt is told to write bedömning: uppfyllt, at the colon', () => {
    const reason = one('typ: uppföljning\navser: M1\nperiod: 2025-08\nbedömning:uppfyllt\nförfattare: Anna Berg\n', { rule: 'yaml-syntax', line: 5, column: 10 }, 'plan/uppfoljning/2025-08/M1.md');
    has(reason, 'mellanslag efter kolonet', 'Skriv bedömning: uppfyllt');
  });
});
