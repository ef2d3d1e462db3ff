// Rule fixtures for `sparbar check`: one small plans tree per rule in test/fixtures/rules/<rule-id>/, each valid
// apart from one defect, stored as the files that differ from a base plan (test/helpers/rule-fixtures.ts says how)
// with the messages it gives in expected.txt next to it (`UPDATE_FIXTURES=1 npx vitest run test/rules.test.ts`
// rewrites them: check the diff against the fixture text). RULE_FIXTURES below says what each message must tell
// the reader; the hand-written tests after it cover what a folder of files cannot (symlinks, unreadable files …).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkPlans, type CheckResult } from '../src/check/check-plans.js';
import { severityOf, type CheckMessage } from '../src/messages/report.js';
import { RULES } from '../src/rules/index.js';
import { expectedFile, ROOT_BASE, RULE_FIXTURES_DIR, RuleFixtureTrees, redundantRuleFixtureFiles, ruleFixtureNames } from './helpers/rule-fixtures.js';

// unreadable-file cannot be produced with chmod when the tests run as root (root reads anything), so
// reads and folder listings of chosen paths are made to fail with EACCES through this switch instead.
// internal-error needs a failure inside Spårbar itself: reads of `garbled` paths return something that is not bytes.
const { denied, garbled } = vi.hoisted(() => ({ denied: new Set<string>(), garbled: new Set<string>() }));
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const guard = (p: unknown, syscall: string): void => {
    const s = String(p);
    for (const suffix of denied) {
      if (s.endsWith(suffix)) {
        throw Object.assign(new Error(`EACCES: permission denied, ${syscall} '${s}'`), { code: 'EACCES', errno: -13, syscall, path: s });
      }
    }
  };
  const readFileSync = ((...args: unknown[]): unknown => {
    guard(args[0], 'open');
    for (const suffix of garbled) if (String(args[0]).endsWith(suffix)) return { inte: 'bytes' };
    return (actual.readFileSync as (...a: unknown[]) => unknown)(...args);
  }) as typeof actual.readFileSync;
  const readdirSync = ((...args: unknown[]) => {
    guard(args[0], 'scandir');
    return (actual.readdirSync as (...a: unknown[]) => unknown)(...args);
  }) as typeof actual.readdirSync;
  return { ...actual, readFileSync, readdirSync, default: { ...actual, readFileSync, readdirSync } };
});

const trees = new RuleFixtureTrees();
/** Fixture `name` laid over its base in a temporary folder (test/helpers/rule-fixtures.ts), made once. */
const fixture = (name: string): string => trees.path(name);
/** A committed file of a fixture folder itself (its overlay), by relative path. */
const committed = (rel: string): string => path.join(RULE_FIXTURES_DIR, rel);

const temps: string[] = [];
/** A fresh temporary folder, removed after the tests. */
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sparbar-rules-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  trees.cleanup();
});

const cache = new Map<string, CheckResult>();
/** checkPlans on a committed fixture, run once per fixture. */
function check(name: string): CheckResult {
  let result = cache.get(name);
  if (!result) {
    result = checkPlans(fixture(name));
    cache.set(name, result);
  }
  return result;
}

type Severity = 'error' | 'warning';
interface Expected {
  ruleId: string;
  line: number;
  column: number;
  severity: Severity;
  /** Words the Swedish reason must contain. */
  words: string[];
  /** Words the reason must not contain. */
  not?: string[];
}
const err = (ruleId: string, line: number, column: number, words: string[] = [], not: string[] = []): Expected => ({
  ruleId,
  line,
  column,
  severity: 'error',
  words,
  not,
});

const summary = (m: CheckMessage) => ({ ruleId: m.ruleId, file: m.file, line: m.line, column: m.column, severity: severityOf(m) });
const full = (m: CheckMessage) => ({ ...summary(m), reason: m.reason });
const nodeKeys = (r: CheckResult): string[] => r.graph.nodes.map((n) => n.key);

/** A message's reason and the other places it names (`file:line:col note`, one per line), as the human format shows them. */
const said = (m: CheckMessage) => [m.reason, ...(m.related ?? []).map((r) => `${r.file}:${r.line}:${r.column} ${r.note}`)].join('\n');

/** Asserts the exact messages reported for one file, then the words of each reason and its related places. */
function expectFile(messages: readonly CheckMessage[], file: string, expected: readonly Expected[]): void {
  const actual = messages.filter((m) => m.file === file);
  expect(actual.map(summary)).toEqual(expected.map(({ ruleId, line, column, severity }) => ({ ruleId, file, line, column, severity })));
  expected.forEach((e, i) => {
    for (const word of e.words) expect(said(actual[i]!)).toContain(word);
    for (const word of e.not ?? []) expect(said(actual[i]!)).not.toContain(word);
  });
}

/** Words one message must say (in its reason or the places it names), or also words it must not say. */
type Says = string[] | { words: string[]; not: string[] };
interface Case {
  /** What the case shows; the test is named "<file>: <title>". */
  title: string;
  file: string;
  /** One entry per message of the file, in the order of its expected.txt. */
  says: Says[];
}
interface RuleFixture {
  /** Graph nodes that must still be built next to the broken files. */
  keeps: string[];
  cases: Case[];
}

const A1_ETC = ['digplan', 'digplan:A1', 'digplan:FO1', 'digplan:M1', 'ekby', 'itpolicy', 'itpolicy:O1', 'itpolicy:SP1'];
const LIST_OF_STATUSES = '"ej påbörjad", "pågår", "klar", "försenad", "pausad", "avbruten"';

/** Every rule fixture with a committed defect, by folder name (the rule id). */
const RULE_FIXTURES: Record<string, RuleFixture> = {
  // ---- files
  'yaml-syntax': {
    keeps: A1_ETC,
    cases: [
      { title: 'a colon inside an unquoted value is reported at the value', file: 'plan/aktiviteter/A2.md', says: [['YAML', 'citattecken']] },
      { title: 'an unclosed quote is reported where the quote opens, not at the closing ---', file: 'plan/aktiviteter/A3.md', says: [['YAML', 'citattecken']] },
      { title: 'a wrongly indented key gives one message, on the indented line', file: 'plan/aktiviteter/A4.md', says: [['YAML', 'indrag']] },
    ],
  },
  'frontmatter-missing': {
    keeps: A1_ETC,
    cases: [
      { title: 'keys without the opening --- line', file: 'plan/aktiviteter/A2.md', says: [['typ:', '---', 'första raden']] },
    ],
  },
  'frontmatter-unclosed': {
    keeps: A1_ETC,
    cases: [
      { title: 'frontmatter without the closing --- line', file: 'plan/aktiviteter/A2.md', says: [['---', 'avslutas aldrig']] },
    ],
  },
  'not-a-plan-file': {
    keeps: A1_ETC,
    cases: [
      { title: 'a README without frontmatter', file: 'README.md', says: [['frontmatter', 'typ']] },
      { title: 'frontmatter without typ', file: 'plan/anteckningar.md', says: [['saknar typ', 'typ: aktivitet']] },
      { title: 'empty frontmatter', file: 'plan/utkast.md', says: [['tomt', 'typ']] },
    ],
  },
  'empty-file': {
    keeps: A1_ETC,
    cases: [
      { title: 'a file of zero bytes', file: 'plan/aktiviteter/A2.md', says: [['tom']] },
      { title: 'a file of only blank lines', file: 'plan/aktiviteter/A3.md', says: [['tom']] },
    ],
  },
  'frontmatter-not-yaml': {
    keeps: A1_ETC,
    cases: [
      {
        title: 'TOML frontmatter from a Hugo site: an error with the converted YAML',
        file: 'plan/aktiviteter/A2.md',
        says: [['TOML', '+++', 'rad 8', 'typ: aktivitet', 'bidrar_till: [FO1]', 'start: 2024-09-01']],
      },
      { title: 'JSON frontmatter: an error with the converted YAML', file: 'plan/aktiviteter/A3.md', says: [['JSON', '---', 'typ: aktivitet', 'id: A3']] },
      { title: 'a Hugo page without typ is left out with a note', file: 'plan/om.md', says: [['TOML', 'ingen typ']] },
    ],
  },
  'not-nfc': {
    keeps: [...A1_ETC, 'digplan:A2', 'digplan:M2', 'digplan:FO2', 'digplan:A3'],
    cases: [
      {
        title: 'an action written in NFD (status: pågår with a combining ring) is accepted, with one warning at the first such letter',
        file: 'plan/aktiviteter/A2.md',
        says: [['NFC', '"å"', 'COMBINING RING ABOVE (U+030A)', 'macOS']],
      },
      { title: 'a goal written in NFD (typ: mål, the key målår) is accepted, with one warning', file: 'plan/mal/M2.md', says: [['NFC', '"å"']] },
    ],
  },
  'unusual-character': {
    keeps: [...A1_ETC, 'digplan:A2', 'digplan:A3'],
    cases: [
      {
        title: 'no-break spaces after ansvarig: and inside ej påbörjad: one warning naming the character, both read as spaces',
        file: 'plan/aktiviteter/A2.md',
        says: [['NO-BREAK SPACE (U+00A0', 'Alt+mellanslag', 'rad 6, kolumn 10', '1 till (rad 8)']],
      },
      {
        title: 'a soft hyphen in a title, a zero-width space in a reference and an ideographic space after a status',
        file: 'plan/aktiviteter/A3.md',
        says: [
          ['SOFT HYPHEN (U+00AD', 'syns inte'],
          ['ZERO WIDTH SPACE (U+200B'],
          ['IDEOGRAPHIC SPACE (U+3000)'],
        ],
      },
    ],
  },
  'bidi-control': {
    keeps: [...A1_ETC, 'digplan:A2', 'digplan:A3'],
    cases: [
      {
        title: 'a right-to-left override that turns "1202 llit" into "till 2021" in a title: an error at it and at its end',
        file: 'plan/aktiviteter/A2.md',
        says: [
          ['RIGHT-TO-LEFT OVERRIDE (U+202E)', 'rad 4, kolumn 36', 'Trojan Source', 'Ta bort det'],
          ['POP DIRECTIONAL FORMATTING (U+202C)', 'avslutar'],
        ],
      },
      {
        title: 'isolates and a mark in the body: each character once, at its first place, with the other lines',
        file: 'plan/aktiviteter/A3.md',
        says: [
          ['RIGHT-TO-LEFT ISOLATE (U+2067)', 'rad 10, kolumn 32', '1 till (rad 11)'],
          ['POP DIRECTIONAL ISOLATE (U+2069)', '1 till (rad 11)'],
          ['RIGHT-TO-LEFT MARK (U+200F)', 'rad 13, kolumn 19', 'runt omkring'],
        ],
      },
    ],
  },
  'limit-exceeded': {
    keeps: [...A1_ETC, 'digplan:A2', 'digplan:A3', 'digplan:A4'],
    cases: [
      {
        title: 'a body of 3,000 ">" (it crashed the build): an error at the 33rd',
        file: 'plan/aktiviteter/A2.md',
        says: [['mer än 32 nivåer', 'plattare']],
      },
      {
        title: 'a list nested 40 deep by indentation: an error at the 33rd level’s marker',
        file: 'plan/aktiviteter/A3.md',
        says: [['mer än 32 nivåer']],
      },
      {
        title: 'one paragraph of 600 "[a](": an error at the 501st bracket',
        file: 'plan/aktiviteter/A4.md',
        says: [['fler än 500 hakparenteser', 'tomma rader']],
      },
    ],
  },
  'duplicate-key': {
    keeps: A1_ETC,
    cases: [
      { title: 'the second "ansvarig" is reported, and the message names the key', file: 'plan/aktiviteter/A2.md', says: [['"ansvarig"', 'två gånger']] },
    ],
  },
  'invalid-utf8': {
    keeps: A1_ETC,
    cases: [
      { title: 'a Windows-1252 ä after an en dash: column counted in characters', file: 'plan/aktiviteter/A2.md', says: [['UTF-8', '0xe4', 'Spara']] },
    ],
  },

  // ---- schema
  'unknown-key': {
    keeps: A1_ETC,
    cases: [
      { title: 'a misspelt key, with a suggestion', file: 'plan/aktiviteter/A2.md', says: [['"ansvarg"', 'Menade du "ansvarig"?']] },
      {
        title: 'an unknown nested key without a near match lists the allowed keys',
        file: 'plan/aktiviteter/A3.md',
        says: [['"valuta"', 'budget', 'belopp, enhet, slag, år']],
      },
    ],
  },
  'missing-key': {
    keeps: A1_ETC,
    cases: [
      {
        title: 'a required top-level key, reported at the start of the frontmatter',
        file: 'plan/aktiviteter/A2.md',
        says: [['"bidrar_till"', 'typ, id, titel, bidrar_till']],
      },
      { title: 'källa: kolada without kolada_kpi', file: 'plan/indikatorer/I1.md', says: [['"kolada_kpi"', 'N00945']] },
      {
        title: 'a required nested key names its parent, not the file type',
        file: 'plan/indikatorer/I2.md',
        says: [{ words: ['"max"', 'skala', 'min, max'], not: ['Typ indikator kräver: min, max'] }],
      },
      {
        title: 'a missing key with a list of allowed values (riktning) is missing-key, not invalid-value "undefined"',
        file: 'plan/indikatorer/I3.md',
        says: [{ words: ['"riktning"', 'saknas'], not: ['undefined'] }],
      },
    ],
  },
  'wrong-type': {
    keeps: A1_ETC,
    cases: [
      { title: 'a text where a list is required, with an example', file: 'plan/aktiviteter/A2.md', says: [['"bidrar_till"', 'en lista', 'en text', '[FO1]']] },
      { title: 'typ: 5 is reported at the value', file: 'plan/aktiviteter/A3.md', says: [['"typ"', 'text']] },
      { title: 'a YAML list as frontmatter', file: 'plan/aktiviteter/A4.md', says: [['nyckel: värde', 'lista']] },
    ],
  },
  'invalid-value': {
    keeps: A1_ETC,
    cases: [
      {
        title: 'a status not in the list, with suggestion and every allowed value',
        file: 'plan/aktiviteter/A2.md',
        says: [['"klart"', 'Menade du "klar"?', LIST_OF_STATUSES]],
      },
      {
        title: 'an unknown typ, with suggestion and every type',
        file: 'plan/aktiviteter/A3.md',
        says: [
          [
            '"aktivitett"',
            'Menade du "aktivitet"?',
            '"organisation", "policy", "styrprincip", "plan", "mål", "fokusområde", "aktivitet", "indikator", "uppföljning"',
          ],
        ],
      },
    ],
  },
  'invalid-date': {
    keeps: A1_ETC,
    cases: [
      { title: 'a day that does not exist', file: 'plan/aktiviteter/A2.md', says: [['"2025-02-30"', 'ÅÅÅÅ-MM-DD']] },
      { title: 'a date without leading zeros gives one message, not two', file: 'plan/aktiviteter/A3.md', says: [['"2024-9-1"', 'ÅÅÅÅ-MM-DD']] },
    ],
  },
  'invalid-period': {
    keeps: A1_ETC,
    cases: [
      { title: 'month 13', file: 'plan/uppfoljning/2025-08/A1.md', says: [['"2025-13"', 'ÅÅÅÅ-MM']] },
    ],
  },
  'invalid-format': {
    keeps: A1_ETC,
    cases: [
      { title: 'an id starting with a dash', file: 'plan/aktiviteter/A2.md', says: [['"-A2"', 'id']] },
      { title: 'a Kolada id in lower case', file: 'plan/indikatorer/I1.md', says: [['"n00945"', 'N00945']] },
    ],
  },
  'end-before-start': {
    // A backwards money range is an error that keeps its node (it once made the goal, focus area or action vanish).
    keeps: ['digplan', 'digplan:A1', 'digplan:A2', 'digplan:M1', 'digplan:FO1', 'itpolicy'],
    cases: [
      { title: 'an action that ends before it starts', file: 'plan/aktiviteter/A2.md', says: [['2025-08-31', '2025-09-01']] },
      { title: 'a money range 370–290 on a focus area', file: 'plan/mal/M1.md', says: [['370', '290', 'från']] },
      { title: 'a plan period 2027–2024', file: 'plan/plan.md', says: [['2024', '2027']] },
      { title: 'a policy valid until before it starts', file: 'policy/policy.md', says: [['2024-01-01', '2028-12-31']] },
    ],
  },
  'target-year-outside-period': {
    keeps: [...A1_ETC, 'digplan:M2', 'digplan:A2'],
    cases: [
      { title: 'målår 2030 in a plan for 2024–2027', file: 'plan/mal/M2.md', says: [['2030', 'efter', '2024–2027', 'målår']] },
    ],
  },
  'assessment-disagrees-with-rollup': {
    keeps: [...A1_ETC, 'digplan:FO2'],
    cases: [
      { title: 'FO2 assessed uppfyllt while its only action has not started', file: 'plan/uppfoljning/2025-08/FO2.md', says: [['FO2', 'uppfyllt', '1 av 1']] },
    ],
  },
  'scale-out-of-range': {
    keeps: [...A1_ETC, 'digplan:I1'],
    cases: [
      {
        title: 'a target and an outcome outside the scale 1–4',
        file: 'plan/indikatorer/I1.md',
        says: [['målvärden', '2027', '5', '1–4'], ['utfall', '2024', '0', '1–4']],
      },
      { title: 'a follow-up outcome outside the scale', file: 'plan/uppfoljning/2025-08/I1.md', says: [['7', '1–4']] },
    ],
  },

  // ---- graph
  'duplicate-id': {
    keeps: A1_ETC,
    cases: [
      { title: 'two actions with id A1: the message names the other place', file: 'plan/aktiviteter/A2.md', says: [['"A1"', 'plan/aktiviteter/A1.md:', 'eget id']] },
      { title: 'an inline focus area with the id of a focus-area file', file: 'plan/mal/M1.md', says: [['"FO1"', 'plan/fokusomraden/FO1.md:']] },
    ],
  },
  'unknown-reference': {
    keeps: [...A1_ETC, 'digplan:A2'],
    cases: [
      {
        title: 'an unknown id, with suggestion; an unknown document in dok:id, with suggestion',
        file: 'plan/aktiviteter/A2.md',
        says: [
          ['"bidrar_till"', '"FO2"', 'Menade du "FO1"?'],
          ['"beroenden"', '"digplann:A1"', 'Menade du "digplan"?'],
        ],
      },
    ],
  },
  'wrong-reference-type': {
    keeps: [...A1_ETC, 'digplan:A2', 'digplan:I1', 'digplan:I2'],
    cases: [
      { title: 'an action that contributes to a principle', file: 'plan/aktiviteter/A2.md', says: [['"SP1"', 'en styrprincip', 'ett fokusområde eller ett mål']] },
      { title: 'grupp naming an indicator that is not a group', file: 'plan/indikatorer/I2.md', says: [['"grupp"', 'I1', 'beräkning: medelvärde']] },
    ],
  },
  'reference-cycle': {
    keeps: [...A1_ETC, 'digplan:A2'],
    cases: [
      { title: 'A1 → A2 → A1, reported once, at the dependency in A1 that closes the cycle', file: 'plan/aktiviteter/A1.md', says: [['A1 → A2 → A1', 'beroendena']] },
    ],
  },
  'no-document': {
    keeps: A1_ETC,
    cases: [
      { title: 'an action outside every plan folder', file: 'aktiviteter/A2.md', says: [['plan', 'Flytta']] },
      {
        title: 'an action in the policy folder (Swedish: "policyn", not "policyen")',
        file: 'policy/A3.md',
        says: [{ words: ['policyn policy/policy.md', 'Flytta'], not: ['policyen'] }],
      },
    ],
  },
  'multiple-documents': {
    keeps: A1_ETC,
    cases: [
      { title: 'a second plan in the plan folder names the first', file: 'plan/reviderad-plan.md', says: [['plan/plan.md', 'egen mapp']] },
    ],
  },

  // ---- coverage
  'principle-uncovered': {
    keeps: [...A1_ETC, 'itpolicy:SP2'],
    cases: [{ title: 'SP2 realised by no goal', file: 'policy/policy.md', says: [['SP2', '"styrprinciper"']] }],
  },
  'goal-without-focus-area': {
    keeps: [...A1_ETC, 'digplan:M2'],
    cases: [{ title: 'M2 without focus areas', file: 'plan/mal/M2.md', says: [['M2', '"fokusområden"']] }],
  },
  'focus-area-without-action': {
    keeps: [...A1_ETC, 'digplan:FO2'],
    cases: [{ title: 'inline FO2 without actions', file: 'plan/mal/M1.md', says: [['FO2', '"bidrar_till"']] }],
  },
  'no-indicator': {
    keeps: [...A1_ETC, 'digplan:FO2', 'digplan:M2', 'digplan:FO3', 'digplan:I9'],
    cases: [
      // M1 is measured (I9 measures FO1), so its focus area FO2 is named itself.
      { title: 'FO2 unmeasured in a measured goal', file: 'plan/mal/M1.md', says: [['FO2', '"mäter"']] },
      // Nothing measures M2 or FO3: said once, at the goal, not again for FO3.
      { title: 'M2 and its focus area unmeasured', file: 'plan/mal/M2.md', says: [{ words: ['M2', 'fokusområden', '"mäter"'], not: ['FO3'] }] },
    ],
  },
  'action-without-owner': {
    keeps: [...A1_ETC, 'digplan:A2'],
    cases: [{ title: 'A2 without ansvarig', file: 'plan/aktiviteter/A2.md', says: [['A2', '"ansvarig"']] }],
  },
  'action-without-due-date': {
    keeps: [...A1_ETC, 'digplan:A2'],
    cases: [{ title: 'A2 without slut', file: 'plan/aktiviteter/A2.md', says: [['A2', '"slut"']] }],
  },
  'indicator-without-target': {
    keeps: [...A1_ETC, 'digplan:I1'],
    cases: [{ title: 'I1 without målvärden', file: 'plan/indikatorer/I1.md', says: [['I1', '"målvärden"']] }],
  },

  // ---- facts the documents do not give
  'document-without-adoption-date': {
    keeps: A1_ETC,
    cases: [{ title: 'a plan without antagen', file: 'plan/plan.md', says: [['Planen digplan', '"antagen: ÅÅÅÅ-MM-DD"']] }],
  },
  'document-without-adopting-body': {
    keeps: A1_ETC,
    cases: [{ title: 'a policy without antagen_av', file: 'policy/policy.md', says: [['Policyn itpolicy', '"antagen_av:"', 'Kommunfullmäktige']] }],
  },
  'policy-without-validity': {
    keeps: A1_ETC,
    cases: [{ title: 'a policy without giltighet', file: 'policy/policy.md', says: [['Policyn itpolicy', '"giltighet:']] }],
  },
  'plan-without-period': {
    keeps: A1_ETC,
    cases: [{ title: 'a plan without period, adopted after its only target year: only the last year can be worked out', file: 'plan/plan.md', says: [['Planen digplan', 'till och med 2023', '"period:']] }],
  },
  'goal-without-target-year': {
    keeps: A1_ETC,
    cases: [{ title: 'M1 without målår', file: 'plan/mal/M1.md', says: [['Målet M1', '"målår: ÅÅÅÅ"']] }],
  },
  'goal-without-expected-result': {
    keeps: A1_ETC,
    cases: [{ title: 'M1 without förväntat_resultat', file: 'plan/mal/M1.md', says: [['Målet M1', '"förväntat_resultat:"']] }],
  },
  'budget-without-kind': {
    keeps: A1_ETC,
    cases: [{ title: 'a budget without slag, pointed at the budget', file: 'plan/aktiviteter/A1.md', says: [['A1', 'investering', 'drift']] }],
  },

  // ---- follow-up
  'followup-unknown-node': {
    keeps: A1_ETC,
    cases: [
      { title: 'avser A9, with suggestion', file: 'plan/uppfoljning/2025-08/A9.md', says: [['"A9"', 'Menade du "A1"?']] },
    ],
  },
  'followup-unknown-period': {
    keeps: A1_ETC,
    cases: [
      { title: 'a period before the plan period', file: 'plan/uppfoljning/2023-08/A1.md', says: [['2023-08', 'planperioden', '2024–2027']] },
      { title: 'a period after the policy is valid', file: 'policy/uppfoljning/2029-08/SP1.md', says: [['2029-08', 'giltighet', '2024–2028']] },
    ],
  },
  'followup-duplicate': {
    keeps: A1_ETC,
    cases: [
      {
        title: 'two follow-ups of A1 for 2025-08: the later file names the other',
        file: 'plan/uppfoljning/2025-08/A1.md',
        says: [['A1', '2025-08', 'plan/uppfoljning/2025-08/A1-igen.md']],
      },
    ],
  },
  'followup-wrong-fields': {
    keeps: A1_ETC,
    cases: [
      { title: 'an action followed up with bedömning instead of status (a missing status alone is an unfilled follow-up, not this error)', file: 'plan/uppfoljning/2025-08/A1.md', says: [['"bedömning"', '"status"']] },
      { title: 'a goal followed up with status', file: 'plan/uppfoljning/2025-08/M1.md', says: [['"status"', '"bedömning"']] },
    ],
  },
  // ---- configuration
  'invalid-config': {
    keeps: A1_ETC,
    cases: [
      {
        title: 'a misspelt rule id in regler, with a suggestion, at the key',
        file: 'sparbar.config.json',
        says: [['"action-without-due-dat"', 'Menade du "action-without-due-date"?']],
      },
    ],
  },
  'statement-without-contact': {
    keeps: A1_ETC,
    cases: [
      {
        title: 'a statement whose kontakt gives only a response time: at the key, naming the three keys and the law',
        file: 'sparbar.config.json',
        says: [['tillgänglighet.kontakt.epost', 'tillgänglighet.kontakt.telefon', 'tillgänglighet.kontakt.webbformulär', 'lagen om tillgänglighet till digital offentlig service', 'byggs inte']],
      },
    ],
  },
  'group-value-differs-from-mean': {
    keeps: [...A1_ETC, 'digplan:G1', 'digplan:G1.1', 'digplan:G1.2'],
    cases: [
      {
        title: 'G1 prints 2.4 for 2024, its questions give 2.5: both values, the rounding, at the printed value',
        file: 'plan/indikatorer/G1.md',
        says: [['G1', '2024', '2,4', '2,5', 'en decimal', '0,05']],
      },
    ],
  },
  'indicator-value-conflict': {
    keeps: [...A1_ETC, 'digplan:I1'],
    cases: [
      {
        title: 'utfall 2024 is 48 in the indicator and 52 in the follow-up: both places named',
        file: 'plan/uppfoljning/2024-08/I1.md',
        says: [['I1', '2024', '52', '48', 'plan/indikatorer/I1.md:10:16']],
      },
    ],
  },
};

/** Rules whose defect the tests create at run time (symlinks, unreadable files, a fault inside Spårbar). */
const RUNTIME_RULES = ['symlink-outside', 'unreadable-file', 'internal-error', 'followup-missing', 'followup-unfilled'];

describe('the rule fixtures', () => {
  it('every rule in the catalogue has a fixture folder and a test', () => {
    const ids = RULES.map((r) => r.id);
    const covered = [...Object.keys(RULE_FIXTURES), ...RUNTIME_RULES];
    expect([...covered].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(existsSync(committed(id)), id).toBe(true);
  });

  it('valid: a small plan with a little of everything gives no message', () => {
    const result = check('valid');
    expect(result.messages.map(full)).toEqual([]);
    expect(result.fileCount).toBe(19);
    expect(nodeKeys(result)).toEqual([
      'digplan',
      'digplan:A1',
      'digplan:A2',
      'digplan:FO1',
      'digplan:FO2',
      'digplan:I1',
      'digplan:I2',
      'digplan:I2.1',
      'digplan:I3',
      'digplan:I4',
      'digplan:I9',
      'digplan:M1',
      'digplan:M2',
      'ekby',
      'itpolicy',
      'itpolicy:O1',
      'itpolicy:SP1',
      'itpolicy:SP2',
    ]);
    expect(result.graph.followUps.map((f) => `${f.node} ${f.period}`)).toEqual([
      'digplan:A1 2025-08',
      'digplan:I1 2025-08',
      'digplan:M1 2025-08',
      'itpolicy:SP1 2025-08',
    ]);
  });

  it('the fixtures for symlink-outside, unreadable-file and internal-error are valid until the tests break them', () => {
    expect(check('symlink-outside').messages.map(full)).toEqual([]);
    expect(check('unreadable-file').messages.map(full)).toEqual([]);
    expect(check('internal-error').messages.map(full)).toEqual([]);
  });
});

for (const [ruleId, { keeps, cases }] of Object.entries(RULE_FIXTURES)) {
  describe(ruleId, () => {
    it('reports its rule, and the rest of the plan is still built', () => {
      const result = check(ruleId);
      expect(result.messages.some((m) => m.ruleId === ruleId)).toBe(true);
      expect(nodeKeys(result)).toEqual(expect.arrayContaining(keeps));
    });
    for (const c of cases) {
      it(`${c.file}: ${c.title}`, () => {
        const messages = check(ruleId).messages.filter((m) => m.file === c.file);
        expect(messages.length, 'messages in expected.txt for this file').toBe(c.says.length);
        c.says.forEach((says, i) => {
          const { words, not } = Array.isArray(says) ? { words: says, not: [] } : says;
          for (const word of words) expect(said(messages[i]!)).toContain(word);
          for (const word of not) expect(said(messages[i]!)).not.toContain(word);
        });
      });
    }
  });
}

/** A fixture's messages as expected.txt holds them: one `file:line:col severity rule-id` a line, in the checker's order. */
const listed = (r: CheckResult): string => r.messages.map((m) => `${m.file}:${m.line}:${m.column} ${severityOf(m)} ${m.ruleId}\n`).join('');

describe('fixture folders hold only what differs from their base', () => {
  it.each(ruleFixtureNames())('%s', (name) => {
    expect(redundantRuleFixtureFiles(name)).toEqual([]);
  });
});

describe('expected.txt: each fixture gives exactly the messages listed next to it', () => {
  // UPDATE_FIXTURES=1 npx vitest run test/rules.test.ts writes them from the checker instead; review the diff.
  const update = process.env.UPDATE_FIXTURES === '1';
  for (const name of ruleFixtureNames().filter((n) => n !== ROOT_BASE)) {
    it(name, () => {
      const actual = listed(check(name));
      if (update) writeFileSync(expectedFile(name), actual);
      else expect(actual).toBe(readFileSync(expectedFile(name), 'utf8'));
    });
  }
});

describe('invalid-utf8 fixture bytes', () => {
  it('git kept the invalid byte (test/fixtures/rules/.gitattributes: -text)', () => {
    const bytes = readFileSync(committed('invalid-utf8/plan/aktiviteter/A2.md'));
    expect(bytes.includes(Buffer.from([0x6a, 0xe4, 0x6e]))).toBe(true); // "j", 0xe4, "n"
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  });
});

describe('one broken file does not stop the rest of the plan', () => {
  it('several-defects: every broken file is reported, and valid files beside them are in the graph', () => {
    const result = check('several-defects');
    expect(result.messages.map(summary)).toEqual([
      { ruleId: 'yaml-syntax', file: 'plan/aktiviteter/A2.md', line: 4, column: 8, severity: 'error' },
      { ruleId: 'unknown-key', file: 'plan/aktiviteter/A3.md', line: 6, column: 1, severity: 'error' },
      { ruleId: 'unknown-reference', file: 'plan/aktiviteter/A4.md', line: 5, column: 15, severity: 'error' },
      { ruleId: 'invalid-value', file: 'plan/aktiviteter/A5.md', line: 9, column: 9, severity: 'error' },
      { ruleId: 'frontmatter-missing', file: 'plan/aktiviteter/A6.md', line: 1, column: 1, severity: 'error' },
      { ruleId: 'invalid-utf8', file: 'plan/las-mig.md', line: 1, column: 4, severity: 'error' },
    ]);
    expect(result.messages[3]!.reason).toContain('Menade du "ej påbörjad"?');
    expect(nodeKeys(result)).toEqual(expect.arrayContaining([...A1_ETC, 'digplan:A4']));
    expect(nodeKeys(result)).not.toContain('digplan:A2');
  });

  it('a typo in plan.md does not make every file under the plan "lie outside any plan" (no-document)', () => {
    const result = check('unknown-key-in-plan');
    const typo = result.messages.find((m) => m.file === 'plan/plan.md' && m.ruleId === 'unknown-key');
    expect(typo && summary(typo)).toEqual({ ruleId: 'unknown-key', file: 'plan/plan.md', line: 7, column: 1, severity: 'error' });
    expect(typo!.reason).toContain('Menade du "antagen_av"?');
    expect(result.messages.filter((m) => m.ruleId === 'no-document').map(full)).toEqual([]);
  });

  it('a typo in a goal file does not make references to the goal and its focus areas "unknown"', () => {
    const result = check('unknown-key-in-goal');
    expectFile(result.messages, 'plan/mal/M1.md', [err('unknown-key', 8, 1, ['"ansvar"', 'Menade du "ansvarig"?'])]);
    // FO1 and M1 are written in plan/mal/M1.md; the file has an error, but they exist.
    const misleading = result.messages.filter((m) => m.ruleId === 'unknown-reference' || m.ruleId === 'followup-unknown-node');
    expect(misleading.map(full)).toEqual([]);
  });
});

describe('byte-order mark and CRLF line endings', () => {
  it('crlf: the same messages at the same positions as the LF files', () => {
    expect(readFileSync(committed('crlf/plan/aktiviteter/A3.md'), 'latin1')).toContain('\r\n');
    const lf = check('several-defects');
    const crlf = check('crlf');
    expect(crlf.messages.map(full)).toEqual(lf.messages.map(full));
    expect(crlf.graph.nodes).toEqual(lf.graph.nodes);
  });

  it('bom: the same messages at the same positions as without the mark (also on line 1)', () => {
    expect([...readFileSync(committed('bom/plan/aktiviteter/A3.md')).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const plain = check('several-defects');
    const bom = check('bom');
    expect(bom.messages.map(full)).toEqual(plain.messages.map(full));
    expect(bom.graph.nodes).toEqual(plain.graph.nodes);
  });
});

const VALID_ACTION = (id: string) =>
  `---\ntyp: aktivitet\nid: ${id}\ntitel: Aktivitet ${id}\nbidrar_till: [FO1]\nansvarig: Kommunstyrelsen\nslut: 2025-12-31\n---\n`;

describe('symlink-outside', () => {
  const setUp = () => {
    const tmp = tempDir();
    const root = path.join(tmp, 'plans');
    cpSync(fixture('symlink-outside'), root, { recursive: true });
    mkdirSync(path.join(tmp, 'utanfor-mapp'));
    writeFileSync(path.join(tmp, 'utanfor-A9.md'), VALID_ACTION('A9'));
    writeFileSync(path.join(tmp, 'utanfor-mapp', 'A8.md'), VALID_ACTION('A8'));
    const actions = path.join(root, 'plan', 'aktiviteter');
    symlinkSync('../../.delat/A2.md', path.join(actions, 'A2.md')); // inside the plans folder
    symlinkSync(path.join(tmp, 'utanfor-A9.md'), path.join(actions, 'A9.md')); // a file outside
    symlinkSync(path.join(tmp, 'utanfor-mapp'), path.join(root, 'plan', 'extern')); // a folder outside
    symlinkSync('finns-inte.md', path.join(actions, 'A7.md')); // dangling
    return { tmp, root };
  };

  it('links out of the folder are reported and not read; a link inside is read at its own path', () => {
    const { root } = setUp();
    const result = checkPlans(root);
    expect(result.messages.map(summary)).toEqual([
      { ruleId: 'symlink-outside', file: 'plan/aktiviteter/A7.md', line: 1, column: 1, severity: 'error' },
      { ruleId: 'symlink-outside', file: 'plan/aktiviteter/A9.md', line: 1, column: 1, severity: 'error' },
      { ruleId: 'symlink-outside', file: 'plan/extern', line: 1, column: 1, severity: 'error' },
    ]);
    expect(result.messages[0]!.reason).toContain('inte finns');
    expect(result.messages[1]!.reason).toContain('ut ur planmappen');
    expect(result.messages[2]!.reason).toContain('ut ur planmappen');
    const keys = nodeKeys(result);
    expect(keys).toEqual(expect.arrayContaining([...A1_ETC, 'digplan:A2']));
    expect(keys).not.toContain('digplan:A9');
    expect(keys).not.toContain('digplan:A8');
    expect(result.graph.nodes.find((n) => n.key === 'digplan:A2')!.source).toEqual({ file: 'plan/aktiviteter/A2.md', line: 3, column: 1 });
  });

  it('a plans folder reached through a symlink is checked as the folder itself', () => {
    const { tmp, root } = setUp();
    const link = path.join(tmp, 'lank-till-plans');
    symlinkSync(root, link);
    expect(checkPlans(link).messages.map(full)).toEqual(checkPlans(root).messages.map(full));
  });
});

describe('unreadable-file', () => {
  const expected = [
    { ruleId: 'unreadable-file', file: 'plan/aktiviteter/A2.md', line: 1, column: 1, severity: 'error' },
    { ruleId: 'unreadable-file', file: 'plan/arkiv', line: 1, column: 1, severity: 'error' },
  ];

  it('a file and a folder that cannot be read (EACCES) are reported; the rest is checked', () => {
    const dir = fixture('unreadable-file'); // laid out before reads are made to fail
    denied.add(`${path.sep}unreadable-file${path.sep}plan${path.sep}aktiviteter${path.sep}A2.md`);
    denied.add(`${path.sep}unreadable-file${path.sep}plan${path.sep}arkiv`);
    let result: CheckResult;
    try {
      result = checkPlans(dir);
    } finally {
      denied.clear();
    }
    expect(result.messages.map(summary)).toEqual(expected);
    expect(result.messages[0]!.reason).toContain('EACCES');
    expect(result.messages[0]!.reason).toContain('Filen gick inte att läsa');
    expect(result.messages[1]!.reason).toContain('Mappen gick inte att läsa');
    const keys = nodeKeys(result);
    expect(keys).toEqual(expect.arrayContaining(A1_ETC));
    expect(keys).not.toContain('digplan:A2');
    expect(keys).not.toContain('digplan:A0');
  });

  // Real permissions: root reads any file whatever its mode, so as root the built CLI runs without the capabilities that let it.
  it('with real permissions (chmod 000)', () => {
    const base = tempDir();
    chmodSync(base, 0o755);
    const root = path.join(base, 'plans');
    cpSync(fixture('unreadable-file'), root, { recursive: true });
    const file = path.join(root, 'plan', 'aktiviteter', 'A2.md');
    const folder = path.join(root, 'plan', 'arkiv');
    chmodSync(file, 0o000);
    chmodSync(folder, 0o000);
    try {
      if (process.getuid?.() === 0) {
        const cli = fileURLToPath(new URL('../lib/src/cli/main.js', import.meta.url));
        // Root without the capabilities that bypass file permissions obeys them like any user.
        const dropped = '-dac_override,-dac_read_search';
        const r = spawnSync('setpriv', [`--inh-caps=${dropped}`, `--bounding-set=${dropped}`, '--', process.execPath, cli, 'check', root, '--format', 'json'], { encoding: 'utf8' });
        expect(r.stderr).toBe('');
        const json = JSON.parse(r.stdout) as { ruleId: string; file: string; line: number; column: number; severity: string }[];
        expect(json.map((m) => ({ ...m, file: path.relative(root, m.file) })).map(({ ruleId, file, line, column, severity }) => ({ ruleId, file, line, column, severity }))).toEqual(expected);
      } else {
        expect(checkPlans(root).messages.map(summary)).toEqual(expected);
      }
    } finally {
      chmodSync(file, 0o644);
      chmodSync(folder, 0o755);
    }
  });
});

describe('internal-error', () => {
  it('an unexpected failure inside Spårbar on one file is reported at that file; the rest is still checked', () => {
    const dir = fixture('internal-error'); // laid out before reads are made to fail
    garbled.add(`${path.sep}internal-error${path.sep}plan${path.sep}aktiviteter${path.sep}A2.md`);
    let result: CheckResult | undefined;
    try {
      expect(() => {
        result = checkPlans(dir);
      }).not.toThrow();
    } finally {
      garbled.clear();
    }
    expect(result!.messages.map(summary)).toEqual([
      { ruleId: 'internal-error', file: 'plan/aktiviteter/A2.md', line: 1, column: 1, severity: 'error' },
    ]);
    expect(result!.messages[0]!.reason).toContain('fel i Spårbar');
    expect(nodeKeys(result!)).toEqual(expect.arrayContaining(A1_ETC));
    expect(nodeKeys(result!)).not.toContain('digplan:A2');
  });
});

/** Every entry under `dir` (dot entries too) with its kind, size, mtime and content hash. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    const st = statSync(d);
    out[path.relative(dir, d) || '.'] = `dir ${st.mtimeMs} ${readdirSync(d).sort().join('|')}`;
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      const l = lstatSync(p);
      if (l.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = `file ${l.size} ${l.mtimeMs} ${l.mode} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`;
    }
  };
  walk(dir);
  return out;
}

describe('checkPlans never writes to the plans folder', () => {
  for (const name of ['valid', 'several-defects']) {
    it(`${name}: contents, modes and mtimes are the same after the check`, () => {
      const before = snapshot(fixture(name));
      checkPlans(fixture(name));
      checkPlans(fixture(name));
      expect(snapshot(fixture(name))).toEqual(before);
    });
  }
});

/** Deterministic pseudo-random bytes (mulberry32), so a failure can be reproduced. */
function randomBytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let a = seed;
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

const GARBAGE: Record<string, string | Buffer> = {
  'slumpbytes.md': randomBytes(64 * 1024, 20260823),
  'lista.md': '---\n- typ: aktivitet\n- id: X1\n---\n',
  'typ-tal.md': '---\ntyp: 5\nid: X2\n---\n',
  'typ-constructor.md': '---\ntyp: constructor\nid: X3\ntitel: Ärvd egenskap\n---\n',
  'typ-proto.md': '---\ntyp: __proto__\nid: X4\ntitel: Prototyp\n---\n',
  'djup-flow.md': `---\ntyp: aktivitet\nid: X5\ntitel: Djup lista\nbidrar_till: ${'['.repeat(20000)}FO1${']'.repeat(20000)}\n---\n`,
  'djup-block.md': `---\ntyp: aktivitet\nid: X6\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')}\n---\n`,
  'alias-bomb.md': [
    '---',
    'typ: aktivitet',
    'id: X7',
    'titel: Alias',
    'bidrar_till: [FO1]',
    'a: &a [x, x, x, x, x, x, x, x, x, x]',
    'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    '---',
    '',
  ].join('\n'),
  'lang-rad.md': 'a'.repeat(1024 * 1024),
  'lang-nyckel.md': `---\ntyp: aktivitet\nid: X8\ntitel: Lång\nbeskrivning: ${'x'.repeat(1024 * 1024)}\nbidrar_till: [FO1]\n---\n`,
  'nollbytes.md': Buffer.from([0, 0, 0, 1, 2, 3]),
  'bara-streck.md': '---',
  'skalar.md': '---\nbara en text\n---\n',
  'konstiga-nycklar.md': '---\ntyp: aktivitet\nid: X9\ntitel: a\nbidrar_till: [FO1]\n? [a, b]\n: c\n1: 2\n~: 3\n__proto__: {ansvarig: x}\n---\n',
  'fel-typer.md': '---\ntyp: aktivitet\nid: [1, 2]\ntitel: {a: 1}\nbidrar_till: [[x]]\nstart: 2024-01-01T10:00:00\nslut: .inf\n---\n',
};

/** A copy of the valid fixture with garbage files in plan/skrap/. */
function garbageTree(files: Record<string, string | Buffer>): string {
  const root = path.join(tempDir(), 'plans');
  cpSync(fixture('valid'), root, { recursive: true });
  mkdirSync(path.join(root, 'plan', 'skrap'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(root, 'plan', 'skrap', name), content);
  return root;
}

describe('garbage gives messages, never an exception', () => {
  const validKeys = () => nodeKeys(check('valid'));
  for (const [name, content] of Object.entries(GARBAGE)) {
    it(`plan/skrap/${name}`, () => {
      const root = garbageTree({ [name]: content });
      let result: CheckResult | undefined;
      expect(() => {
        result = checkPlans(root);
      }).not.toThrow();
      const own = result!.messages.filter((m) => m.file === `plan/skrap/${name}`);
      expect(own.length).toBeGreaterThan(0);
      expect(result!.messages.filter((m) => !m.file.startsWith('plan/skrap/')).map(full)).toEqual([]);
      expect(nodeKeys(result!)).toEqual(expect.arrayContaining(validKeys()));
    });
  }

  it('typ: constructor and typ: __proto__ are unknown types (invalid-value at the value), not inherited properties', () => {
    const root = garbageTree({ 'typ-constructor.md': GARBAGE['typ-constructor.md']!, 'typ-proto.md': GARBAGE['typ-proto.md']! });
    let result: CheckResult | undefined;
    expect(() => {
      result = checkPlans(root);
    }).not.toThrow();
    expectFile(result!.messages, 'plan/skrap/typ-constructor.md', [err('invalid-value', 2, 6, ['"constructor"', 'Okänd typ'])]);
    expectFile(result!.messages, 'plan/skrap/typ-proto.md', [err('invalid-value', 2, 6, ['"__proto__"', 'Okänd typ'])]);
  });

  it('specific garbage: random bytes, a list, typ: 5, a 1 MB line', () => {
    const root = garbageTree({
      'slumpbytes.md': GARBAGE['slumpbytes.md']!,
      'lista.md': GARBAGE['lista.md']!,
      'typ-tal.md': GARBAGE['typ-tal.md']!,
      'lang-rad.md': GARBAGE['lang-rad.md']!,
    });
    const result = checkPlans(root);
    const rules = (file: string) => result.messages.filter((m) => m.file === `plan/skrap/${file}`).map((m) => m.ruleId);
    expect(rules('slumpbytes.md')).toEqual(['invalid-utf8']);
    expect(rules('lista.md')).toEqual(['wrong-type']);
    expect(rules('typ-tal.md')).toEqual(['wrong-type']);
    expect(rules('lang-rad.md')).toEqual(['not-a-plan-file']);
  });

  it('all the garbage in one folder: every file gets a message and the valid plan is still built', () => {
    const root = garbageTree(GARBAGE);
    let result: CheckResult | undefined;
    expect(() => {
      result = checkPlans(root);
    }).not.toThrow();
    const files = new Set(result!.messages.map((m) => m.file));
    for (const name of Object.keys(GARBAGE)) expect(files.has(`plan/skrap/${name}`), name).toBe(true);
    expect(nodeKeys(result!)).toEqual(expect.arrayContaining(validKeys()));
  });
});

describe('--require-period (followup-missing, followup-unfilled)', () => {
  const summaries = (name: string) => checkPlans(fixture(name), { requirePeriod: '2025-08' }).messages.map((m) => [m.ruleId, m.file, m.line, m.column, severityOf(m)]);

  it('followup-missing: every active goal, focus area and action without a follow-up for the period, at the node', () => {
    expect(summaries('followup-missing')).toEqual([
      ['followup-missing', 'plan/aktiviteter/A2.md', 3, 1, 'error'],
      ['followup-missing', 'plan/fokusomraden/FO2.md', 3, 1, 'error'],
      ['followup-missing', 'plan/mal/M1.md', 9, 5, 'error'],
      ['followup-missing', 'plan/mal/M2.md', 3, 1, 'error'],
    ]);
    expect(checkPlans(fixture('followup-missing')).messages).toEqual([]);
  });

  it('followup-unfilled: a follow-up still carrying the "ej ifylld" marker', () => {
    const result = checkPlans(fixture('followup-unfilled'), { requirePeriod: '2025-08' });
    const unfilled = result.messages.filter((m) => m.ruleId === 'followup-unfilled');
    expect(unfilled.map((m) => [m.file, m.line, m.column])).toEqual([['plan/uppfoljning/2025-08/A2.md', 1, 1]]);
    expect(unfilled[0]!.reason).toContain('inte ifylld');
    // An error for the period required, and not also the warning every check gives.
    expect(unfilled.map(severityOf)).toEqual(['error']);
    expect(result.messages.some((m) => m.ruleId === 'followup-missing' && m.file === 'plan/aktiviteter/A2.md')).toBe(false);
    // Without --require-period: a warning at the follow-up's avser, and the follow-up counts as not submitted.
    const plain = checkPlans(fixture('followup-unfilled'));
    expect(plain.messages.map((m) => [m.ruleId, m.file, m.line, severityOf(m)])).toEqual([['followup-unfilled', 'plan/uppfoljning/2025-08/A2.md', 3, 'warning']]);
    expect(plain.graph.followUps.find((f) => f.node === 'digplan:A2' && f.period === '2025-08')).toMatchObject({ submitted: false, status: null, author: null });
  });

  it('followup-unfilled: a follow-up without its status, bedömning or author is valid and not submitted, never an error of its fields', () => {
    // A1 as uppfoljning ny writes it, M1 with text and no bedömning, SP1 with its marker.
    const result = checkPlans('test/fixtures/followup/ej-inlamnad');
    expect(result.messages.map((m) => [m.ruleId, m.file, m.line, severityOf(m)])).toEqual([
      ['followup-unfilled', 'plan/uppfoljning/2025-08/M1.md', 3, 'warning'],
      ['followup-unfilled', 'plan/uppfoljning/2025-08/kommunstyrelsen-digitaliseringsenheten/A1.md', 3, 'warning'],
      ['followup-unfilled', 'policy/uppfoljning/2025-08/SP1.md', 3, 'warning'],
    ]);
    // Without the comment the message names what is missing; with it, that the comment decides (a tester had written
    // bedömning and författare and was told to write them, while the kept comment was what made it ej inlämnad).
    const reasons = new Map(result.messages.map((m) => [m.file, m.reason]));
    expect(reasons.get('plan/uppfoljning/2025-08/M1.md')).toBe('Uppföljningen av M1 för 2025-08 är inte ifylld (ej inlämnad): bedömning saknas. Skriv bedömning och författare.');
    expect(reasons.get('policy/uppfoljning/2025-08/SP1.md')).toContain('räknas som ej inlämnad så länge kommentaren "sparbar: ej ifylld" står kvar');
    expect(result.graph.followUps.filter((f) => f.period === '2025-08').map((f) => [f.node, f.submitted, f.assessment ?? f.status])).toEqual([
      ['digplan:A1', false, null],
      ['digplan:M1', false, null],
      ['itpolicy:SP1', false, null],
    ]);
  });
});
