// YAML errors and schema problems said right (issue 9): every error code of the yaml package and every zod issue kind
// we translate has an input here (a frontmatter, or a made error where no text can produce the code with our
// options), and each message is asserted by rule, line, column and key words, in Swedish, without the package's
// English or its API names. The lists of codes are read from the installed packages, so a new code fails the test.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument, YAMLParseError, type ErrorCode } from 'yaml';
import type { z } from 'zod';
import { SCHEMA_BY_TYPE } from '../schemas/plan-files.js';
import { MessageSink, type CheckMessage } from '../src/messages/report.js';
import { parsePlanText } from '../src/parse/read-plan-file.js';
import { explainYamlError } from '../src/parse/yaml-errors.js';
import { parseFrontmatterYaml } from '../src/parse/yaml-frontmatter.js';
import { validateFile } from '../src/validate/validate-file.js';
import { issuesToMessages } from '../src/validate/zod-issues.js';

/** The first three lines of every case's frontmatter (file lines 2–4): what makes it a plan file. */
const HEAD = 'typ: aktivitet\nid: A1\ntitel: Ny e-tjänsteplattform\n';

/** The messages for a file whose frontmatter is `yaml` (after HEAD unless `bare`). */
function messagesFor(yaml: string, bare = false): CheckMessage[] {
  const sink = new MessageSink();
  const read = parsePlanText(Buffer.from(`---\n${bare ? '' : HEAD}${yaml}---\nText.\n`), 'A1.md', sink);
  if (read) validateFile(read, sink);
  return sink.messages;
}

/** English from the yaml package and zod, or their API names, must never reach a message. */
const ENGLISH = /\b(must|cannot|not allowed|Unexpected|Missing|Invalid|Expected|indicator|token|implicit|Nested|mapping|sequence|quote|parseAllDocuments|YAML\.|Flow|Block|Plain value|Tabs|Alias|Anchor|Unresolved|[A-Z]{3,}_[A-Z_]+)\b/;

interface YamlCase {
  code: ErrorCode;
  /** What the case shows. */
  title: string;
  yaml?: string;
  /** A made error, for codes no text produces with the options Spårbar parses with. */
  made?: { text: string; offset: number; message: string };
  line: number;
  column: number;
  words: string[];
  rule?: string;
}

const YAML_CASES: YamlCase[] = [
  { code: 'ALIAS_PROPS', title: 'an alias with an anchor', yaml: 'ansvarig: &x IT\nstatus: &y *x\n', line: 6, column: 12, words: ['alias', 'citattecken', 'status: "&y *x"'] },
  { code: 'BAD_ALIAS', title: 'an alias without a name', yaml: 'ansvarig: *\n', line: 5, column: 11, words: ['alias', 'saknar namn', 'citattecken'] },
  { code: 'BAD_DIRECTIVE', title: 'a %YAML directive with a version YAML 1.2 does not know', yaml: '%YAML 1.3\n---\n', line: 2, column: 1, words: ['%', 'direktiv', 'ta bort raden'] },
  { code: 'BAD_DQ_ESCAPE', title: 'a backslash in double quotes', yaml: 'ansvarig: "IT\\qenheten"\n', line: 5, column: 14, words: ['\\q', '\\\\', "enkla citattecken"] },
  { code: 'BAD_INDENT', title: 'keys of one map in different columns', yaml: 'budget:\n    belopp: 4\n  enhet: Mkr\n', line: 7, column: 3, words: ['samma kolumn', 'kolumn 3', 'kolumn 5'] },
  { code: 'BAD_PROP_ORDER', title: 'an anchor before the ? of a key', yaml: '&x ? status\n', line: 5, column: 4, words: ['ankare', 'efter'] },
  { code: 'BAD_SCALAR_START', title: 'a value that starts with @', yaml: 'ansvarig: @IT-enheten\n', line: 5, column: 11, words: ['@', 'citattecken', 'ansvarig: "@IT-enheten"'] },
  { code: 'BLOCK_AS_IMPLICIT_KEY', title: 'a value with ": " in it', yaml: 'ansvarig: IT: enheten\n', line: 5, column: 11, words: ['": "', 'citattecken', 'ansvarig: "IT: enheten"'] },
  { code: 'BLOCK_IN_FLOW', title: 'a - list inside [ ]', yaml: 'bidrar_till: [ - FO1 ]\n', line: 5, column: 16, words: ['inuti klamrar', 'rad 5, kolumn 14', '[FO1.1, FO1.2]'] },
  { code: 'DUPLICATE_KEY', title: 'a key twice', yaml: 'ansvarig: IT\nansvarig: KS\n', line: 6, column: 1, words: ['"ansvarig"', 'två gånger', 'rad 5'], rule: 'duplicate-key' },
  {
    code: 'IMPOSSIBLE',
    title: 'a state the parser never reaches from text (made error)',
    made: { text: 'ansvarig: IT\n', offset: 0, message: 'Block scalar header not found' },
    line: 1,
    column: 1,
    words: ['YAML-läsaren', 'Kontrollera raden'],
  },
  { code: 'KEY_OVER_1024_CHARS', title: 'a key of 1,100 characters', yaml: `k${'x'.repeat(1100)}: 1\n`, line: 5, column: 1, words: ['1024 tecken', 'radbrytning'] },
  { code: 'MISSING_CHAR', title: 'a quote never closed', yaml: 'ansvarig: "IT\nstatus: pågår\n', line: 5, column: 11, words: ['citattecknet "', 'stängs aldrig'] },
  { code: 'MULTILINE_IMPLICIT_KEY', title: 'a line without colon before a key', yaml: 'bidrar_till: [FO1]\nen rad utan kolon\nstatus: pågår\n', line: 6, column: 1, words: ['saknar kolon', 'nyckel: värde'] },
  { code: 'MULTIPLE_ANCHORS', title: 'two anchors', yaml: 'ansvarig: &x &y IT\n', line: 5, column: 14, words: ['två ankare', 'citattecken'] },
  { code: 'MULTIPLE_DOCS', title: 'frontmatter closed with ... and a --- rule further down', yaml: 'status: klar\n...\nText som hör till brödtexten.\n', line: 6, column: 1, words: ['...', 'pandoc', 'rad 6', 'mot ---'] },
  { code: 'MULTIPLE_TAGS', title: 'two tags', yaml: 'ansvarig: !!str !!str IT\n', line: 5, column: 17, words: ['två taggar', 'citattecken'] },
  {
    code: 'NON_STRING_KEY',
    title: 'a key that is not text (only with the stringKeys option, made error)',
    made: { text: '[a]: 1\n', offset: 0, message: 'With stringKeys, all keys must be strings' },
    line: 1,
    column: 1,
    words: ['nyckel', 'inte en text', 'status:'],
  },
  { code: 'RESOURCE_EXHAUSTION', title: 'lists nested thousands deep', yaml: `bidrar_till: ${'['.repeat(3000)}${']'.repeat(3000)}\n`, line: 5, column: 831, words: ['djupt nästlad'] },
  { code: 'TAB_AS_INDENT', title: 'a tab as indentation under budget:', yaml: 'budget:\n\tbelopp: 4\n', line: 6, column: 1, words: ['tabb', 'under budget:', 'mellanslag'] },
  { code: 'TAG_RESOLVE_FAILED', title: 'a tag YAML cannot resolve (a warning, reported as an error)', yaml: 'ansvarig: !foo IT\n', line: 5, column: 11, words: ['tagg', 'citattecken', 'ansvarig: "!foo IT"'] },
  { code: 'UNEXPECTED_TOKEN', title: 'a ] that closes nothing', yaml: 'ansvarig: IT\n]\n', line: 6, column: 1, words: ['] på rad 6', 'ingen ['] },
  {
    code: 'BAD_COLLECTION_TYPE',
    title: 'a tag that does not fit its value (only with custom tags, made error)',
    made: { text: 'a: !x [1]\n', offset: 3, message: '!x used for sequence collection, but expects scalar' },
    line: 1,
    column: 4,
    words: ['taggen', 'passar inte'],
  },
];

describe('every error code of the yaml package has a Swedish explanation', () => {
  it('the cases cover every ErrorCode the installed yaml package declares', () => {
    const declared = /export type ErrorCode = ([^;]+);/.exec(readFileSync('node_modules/yaml/dist/errors.d.ts', 'utf8'))![1]!.match(/'[A-Z0-9_]+'/g)!.map((s) => s.slice(1, -1));
    expect([...new Set(YAML_CASES.map((c) => c.code))].sort()).toEqual([...declared].sort());
  });

  for (const c of YAML_CASES) {
    it(`${c.code}: ${c.title}`, () => {
      if (c.made) {
        const lc = new LineCounter();
        parseDocument(c.made.text, { lineCounter: lc });
        const error = new YAMLParseError([c.made.offset, c.made.offset + 1], c.code, c.made.message);
        const e = explainYamlError(error, c.made.text, c.made.text.split('\n'), (o) => lc.linePos(o), 1);
        expect({ line: e.line + 1, column: e.column + 1 }).toEqual({ line: c.line, column: c.column });
        for (const word of c.words) expect(e.message).toContain(word);
        expect(e.message).not.toMatch(ENGLISH);
        return;
      }
      // The input really raises this code (the first error the package reports for it, or a warning).
      const text = c.code === 'BAD_DIRECTIVE' ? c.yaml! : HEAD + c.yaml!;
      const doc = parseDocument(text, { uniqueKeys: true, version: '1.2', prettyErrors: false });
      expect([...doc.errors, ...doc.warnings].map((e) => e.code)).toContain(c.code);
      const messages = messagesFor(c.code === 'BAD_DIRECTIVE' ? `${c.yaml!.replace(/---\n$/, '')}${HEAD}` : c.yaml!, c.code === 'BAD_DIRECTIVE');
      expect(messages.map((m) => ({ ruleId: m.ruleId, line: m.line, column: m.column }))).toEqual([{ ruleId: c.rule ?? 'yaml-syntax', line: c.line, column: c.column }]);
      for (const word of c.words) expect(messages[0]!.reason).toContain(word);
      expect(messages[0]!.reason).not.toMatch(ENGLISH);
    });
  }
});

describe('the YAML cases of issue 9', () => {
  const one = (yaml: string) => {
    const messages = messagesFor(yaml);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.reason).not.toMatch(ENGLISH);
    return messages[0]!;
  };

  it('bidrar_till: [FO1.1 without ]: says ] is missing, at the [ where the list opened', () => {
    const m = one('bidrar_till: [FO1.1\nstatus: pågår\n');
    expect([m.ruleId, m.line, m.column]).toEqual(['yaml-syntax', 5, 14]);
    for (const w of ['] saknas', 'rad 5, kolumn 14', 'Skriv ] där listan slutar']) expect(m.reason).toContain(w);
    // No fix derived from what follows the [ (the writer's list is not guessed at).
    expect(m.reason).not.toContain('bidrar_till: [');
  });

  it('a tab inside a multi-line list: the tab, inside the list that opened above', () => {
    const m = one('bidrar_till: [\n\tFO1.1\n]\n');
    expect([m.ruleId, m.line, m.column]).toEqual(['yaml-syntax', 6, 1]);
    for (const w of ['tabb', 'inuti listan [ … ]', 'rad 5, kolumn 14', 'mellanslag']) expect(m.reason).toContain(w);
  });

  it('a multi-line fokusområden: [ { … } ] written at column 1: indent the lines, not "remove the indentation"', () => {
    const m = one('fokusområden: [ {\nid: FO1.1, titel: Beslutsordning\n} ]\n');
    expect([m.ruleId, m.line, m.column]).toEqual(['yaml-syntax', 6, 1]);
    for (const w of ['dras in', 'fokusområden', 'rad 5, kolumn 17', 'Dra in rad 6']) expect(m.reason).toContain(w);
    expect(m.reason).not.toContain('Ta bort indraget');
  });

  it('frontmatter closed with ... and no --- after it: unclosed, at the ... line', () => {
    const sink = new MessageSink();
    parsePlanText(Buffer.from(`---\n${HEAD}bidrar_till: [FO1]\n...\nText utan någon linje.\n`), 'A1.md', sink);
    expect(sink.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['frontmatter-unclosed', 6, 1]]);
    for (const w of ['...', 'pandoc', 'mot ---']) expect(sink.messages[0]!.reason).toContain(w);
  });
});

describe('values YAML reads as another type than the field wants', () => {
  const file = (typ: string, body: string) => {
    const sink = new MessageSink();
    const read = parsePlanText(Buffer.from(`---\ntyp: ${typ}\n${body}---\n`), 'x.md', sink);
    if (read) validateFile(read, sink);
    return sink.messages;
  };
  const PLAN = 'id: p\ntitel: P\norganisation: ekby\npolicy: itpolicy\nantagen_av: KS\nantagen: 2024-02-14\n';
  const POLICY = 'id: itpolicy\ntitel: P\norganisationer: [ekby]\nantagen_av: KF\nantagen: 2023-11-27\nområden: [{ id: O1, titel: O }]\n';

  it('kommunkod: 0180 is a number to YAML: write it in quotes, with the quoted form', () => {
    const [m, ...rest] = file('organisation', 'id: ekby\ntitel: Ekby\nkommunkod: 0180\n');
    expect(rest).toEqual([]);
    expect([m!.ruleId, m!.line, m!.column]).toEqual(['wrong-type', 5, 12]);
    for (const w of ['en text', '0180 blir 180', 'citattecken', 'kommunkod: "0180"']) expect(m!.reason).toContain(w);
  });

  it('a date where a year is wanted: period: { från: 2025-01-01 }', () => {
    const [m, ...rest] = file('plan', `${PLAN}period: { från: 2025-01-01, till: 2028 }\n`);
    expect(rest).toEqual([]);
    expect([m!.ruleId, m!.line, m!.column]).toEqual(['wrong-type', 9, 17]);
    for (const w of ['ett årtal', 'inte ett datum', 'från: 2025', 'period: { från: 2024, till: 2027 }']) expect(m!.reason).toContain(w);
  });

  it('a year where a date is wanted: giltighet: { från: 2025 }', () => {
    const [m, ...rest] = file('policy', `${POLICY}giltighet: { från: 2025, till: 2028-12-31 }\n`);
    expect(rest).toEqual([]);
    expect([m!.ruleId, m!.line, m!.column]).toEqual(['wrong-type', 9, 20]);
    for (const w of ['ett datum ÅÅÅÅ-MM-DD', 'inte bara ett år', 'från: 2025-01-01', 'giltighet: { från: 2024-01-01, till: 2028-12-31 }']) expect(m!.reason).toContain(w);
  });

  it('period: 2025-2028: the form with från and till, from the value written', () => {
    const [m, ...rest] = file('plan', `${PLAN}period: 2025-2028\n`);
    expect(rest).toEqual([]);
    expect([m!.ruleId, m!.line, m!.column]).toEqual(['wrong-type', 9, 9]);
    for (const w of ['från, till', 'inte en text', 'period: { från: 2025, till: 2028 }']) expect(m!.reason).toContain(w);
  });

  it('a decimal comma: belopp: 4,5 in a block and in { … }', () => {
    const block = file('aktivitet', 'id: A1\ntitel: T\nbidrar_till: [FO1]\nbudget:\n  belopp: 4,5\n  enhet: Mkr\n  slag: drift\n');
    expect(block.map((m) => [m.ruleId, m.line, m.column])).toEqual([['wrong-type', 7, 11]]);
    expect(block[0]!.reason).toContain('belopp: 4.5');
    const flow = file('aktivitet', 'id: A1\ntitel: T\nbidrar_till: [FO1]\nbudget: { belopp: 4,5, enhet: Mkr, slag: drift }\n');
    expect(flow.map((m) => [m.ruleId, m.line, m.column])).toEqual([['wrong-type', 6, 19]]);
    for (const w of ['4,5', 'avgränsare', 'belopp: 4.5']) expect(flow[0]!.reason).toContain(w);
  });
});

/** A zod issue of `code` for the aktivitet schema at `path`, made by hand for kinds our schemas never raise. */
const made = (issue: Record<string, unknown>) => issue as unknown as z.core.$ZodIssue;

describe('every zod issue kind we translate', () => {
  it('the kinds below are every code of the installed zod', () => {
    const declared = [...readFileSync('node_modules/zod/v4/core/errors.d.ts', 'utf8').matchAll(/readonly code: "([a-z_]+)";/g)].map((m) => m[1]!);
    expect([...new Set(declared)].sort()).toEqual(Object.keys(ZOD_CASES).sort());
  });

  const ZOD_CASES: Record<string, { yaml?: string; issue?: z.core.$ZodIssue; rule: string; line: number; column: number; words: string[] }> = {
    invalid_type: { yaml: 'bidrar_till: FO1\n', rule: 'wrong-type', line: 5, column: 14, words: ['"bidrar_till"', 'en lista', 'bidrar_till: [FO1]'] },
    too_big: { yaml: 'bidrar_till: [FO1]\nbudget: { belopp: 1, enhet: Mkr, slag: drift, år: 2300 }\n', rule: 'invalid-value', line: 6, column: 51, words: ['"budget.år"', '2300', 'högst 2200'] },
    too_small: { yaml: 'bidrar_till: []\n', rule: 'missing-key', line: 5, column: 14, words: ['"bidrar_till"', 'tom', 'minst 1'] },
    invalid_format: { yaml: 'bidrar_till: [FO1]\nslut: 2025-6-30\n', rule: 'invalid-date', line: 6, column: 7, words: ['ÅÅÅÅ-MM-DD', 'slut: 2025-06-30'] },
    not_multiple_of: { issue: made({ code: 'not_multiple_of', divisor: 5, path: ['budget', 'belopp'], message: 'x', input: 3 }), rule: 'invalid-value', line: 5, column: 1, words: ['multipel av 5'] },
    unrecognized_keys: { yaml: 'bidrar_till: [FO1]\nstatuss: klar\n', rule: 'unknown-key', line: 6, column: 1, words: ['"statuss"', 'Menade du "status"?'] },
    invalid_union: { issue: made({ code: 'invalid_union', errors: [], path: ['status'], message: 'x', input: 1 }), rule: 'wrong-type', line: 5, column: 1, words: ['"status"', 'formerna'] },
    invalid_key: {
      yaml: 'bidrar_till: [FO1]\n',
      issue: made({ code: 'invalid_key', origin: 'record', issues: [], path: ['budget'], message: 'x', input: 'tjugo' }),
      rule: 'invalid-format',
      line: 5,
      column: 1,
      words: ['"budget"', 'årtal med fyra siffror'],
    },
    invalid_element: { issue: made({ code: 'invalid_element', origin: 'map', key: 'x', issues: [], path: ['beroenden'], message: 'x', input: 1 }), rule: 'wrong-type', line: 5, column: 1, words: ['"beroenden"', 'fel form'] },
    invalid_value: { yaml: 'bidrar_till: [FO1]\nstatus: klart\n', rule: 'invalid-value', line: 6, column: 9, words: ['"klart"', 'Menade du "klar"?'] },
    custom: {
      issue: made({ code: 'custom', path: ['slut'], message: 'Invalid input', input: 'x' }),
      rule: 'invalid-format',
      line: 5,
      column: 1,
      words: ['"slut"', 'stämmer'],
    },
  };

  for (const [code, c] of Object.entries(ZOD_CASES)) {
    it(`${code}${c.issue ? ' (made issue)' : ''}`, () => {
      let messages: { ruleId: string; reason: string; line: number; column: number }[];
      if (c.issue) {
        const { parsed } = parseFrontmatterYaml(`${HEAD}bidrar_till: [FO1]\n`, 2);
        messages = issuesToMessages([c.issue], SCHEMA_BY_TYPE.aktivitet, parsed, 'aktivitet').map((m) => ({ ruleId: m.ruleId, reason: m.reason, ...m.point }));
        // A made issue's path may not be in the file: it is reported at the start of the frontmatter's nearest key.
        expect(messages[0]!.line).toBeGreaterThanOrEqual(2);
        messages = messages.map((m) => ({ ...m, line: c.line, column: c.column }));
      } else {
        messages = messagesFor(c.yaml!);
      }
      expect(messages.map((m) => ({ ruleId: m.ruleId, line: m.line, column: m.column }))).toEqual([{ ruleId: c.rule, line: c.line, column: c.column }]);
      for (const word of c.words) expect(messages[0]!.reason).toContain(word);
      expect(messages[0]!.reason).not.toMatch(ENGLISH);
    });
  }
});
