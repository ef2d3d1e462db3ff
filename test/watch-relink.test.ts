// check --watch's relink step resolves again only the links a change can affect (src/graph/resolve-links.ts,
// relinkStructure in src/graph/build-graph.ts): each step below is a change that must reach links in other files
// (an id another file names comes or goes, a rename, a cycle, a duplicate, a broken file, a wrong type), and after
// every step the session's graph and messages must be those of a full check.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPlans, type CheckResult } from '../src/check/check-plans.js';
import { CheckSession, type GraphStep } from '../src/check/check-session.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sparbar-watch-relink-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const plain = (r: CheckResult) => ({
  graph: JSON.stringify(r.graph),
  fileCount: r.fileCount,
  messages: r.messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.ruleId} ${m.fatal ? 'E' : 'W'} ${m.reason} ${JSON.stringify(m.expected ?? null)}`),
});

const PLAN = 'ekby/plan-2024-2027';
const A17 = `${PLAN}/aktiviteter/it-enheten/A17.md`;
const A18 = `${PLAN}/aktiviteter/it-enheten/A18.md`;
const A36 = `${PLAN}/aktiviteter/kultur-och-fritid/A36.md`;
const A99 = `${PLAN}/aktiviteter/it-enheten/A99.md`;
const A97 = `${PLAN}/aktiviteter/it-enheten/A97.md`;
const FO23 = `${PLAN}/fokusomraden/FO2.3.md`;
const I6 = `${PLAN}/indikatorer/I6.md`;
const I6_FOLLOW_UP = `${PLAN}/uppfoljning/2026-08/I6-grupp.md`;
const SP1_FOLLOW_UP = `${PLAN}/uppfoljning/2026-08/SP1.md`;
const A22 = `${PLAN}/aktiviteter/kansliavdelningen/A22.md`;

const action = (id: string, extra = '') => `---
typ: aktivitet
id: ${id}
titel: Ny aktivitet ${id}
bidrar_till: [FO2.3]
ansvarig: Servicenämnden – IT-enheten
start: 2025-01-01
slut: 2025-12-31
status: pågår
${extra}---
Text.
`;

/** One step: files written (text) or removed (null), and the graph step the session must take. */
interface Step {
  what: string;
  files: Record<string, string | null | ((text: string) => string)>;
  step: GraphStep;
}

const STEPS: Step[] = [
  { what: 'a link names an id nobody has', files: { [A36]: (t) => t.replace('beroenden: [A05]', 'beroenden: [A05, A99]') }, step: 'relinked' },
  { what: 'a new file adds the id that link named', files: { [A99]: action('A99') }, step: 'relinked' },
  { what: 'the new file depends on the one that named it: a cycle', files: { [A99]: action('A99', 'beroenden: [A36]\n') }, step: 'relinked' },
  { what: 'the cycle broken', files: { [A99]: action('A99') }, step: 'relinked' },
  { what: 'the id removed again', files: { [A99]: null }, step: 'relinked' },
  { what: 'a file with a wrong date names an id nobody has', files: { [A99]: action('A99', 'beroenden: [A97]\n').replace('slut: 2025-12-31', 'slut: 2025-02-30') }, step: 'relinked' },
  { what: 'a line added above the unknown id in the file with the wrong date', files: { [A99]: (t) => t.replace('titel:', '# en rad\ntitel:') }, step: 'relinked' },
  { what: 'a new file adds the id the file with the wrong date named', files: { [A97]: action('A97') }, step: 'relinked' },
  { what: 'both removed', files: { [A99]: null, [A97]: null }, step: 'relinked' },
  { what: 'an id added that is a nearer suggestion for the unknown link', files: { [A99]: action('A98') }, step: 'relinked' },
  { what: 'that id renamed to the one named', files: { [A99]: action('A99') }, step: 'relinked' },
  { what: 'a node renamed that another file depends on', files: { [A17]: (t) => t.replace('id: A17', 'id: A17b') }, step: 'relinked' },
  { what: 'renamed back', files: { [A17]: (t) => t.replace('id: A17b', 'id: A17') }, step: 'relinked' },
  { what: 'a cycle between two existing files', files: { [A17]: (t) => t.replace('status: ej påbörjad', 'status: ej påbörjad\nberoenden: [A18]') }, step: 'relinked' },
  { what: 'the cycle undone', files: { [A17]: (t) => t.replace('\nberoenden: [A18]', '') }, step: 'relinked' },
  { what: 'a file depended on breaks (its id a shadow)', files: { [A17]: (t) => t.replace(/^titel: /m, 'titel: [ ') }, step: 'relinked' },
  { what: 'and is fixed', files: { [A17]: (t) => t.replace('titel: [ ', 'titel: ') }, step: 'relinked' },
  { what: 'a link to a node of the wrong type', files: { [A18]: (t) => t.replace('beroenden: [A17]', 'beroenden: [A17, FO2.3]') }, step: 'relinked' },
  { what: 'the focus area many actions contribute to goes', files: { [FO23]: null }, step: 'relinked' },
  { what: 'and comes back', files: { [FO23]: 'original' }, step: 'relinked' },
  { what: 'two files at once: an id moves from one to the other', files: { [A17]: (t) => t.replace('id: A17', 'id: A17c'), [A99]: action('A17') }, step: 'relinked' },
  { what: 'a duplicate id made', files: { [A17]: (t) => t.replace('id: A17c', 'id: A17') }, step: 'rebuilt' },
  { what: 'and fixed', files: { [A99]: null }, step: 'rebuilt' },
  { what: 'relinking works after the rebuild', files: { [A18]: (t) => t.replace('beroenden: [A17, FO2.3]', 'beroenden: [A17]') }, step: 'relinked' },
  { what: 'everything as it was', files: { [A36]: 'original' }, step: 'relinked' },
  // The patch step reuses the follow-ups it attached last time unless what they read changed: here whether an
  // indicator is a group (a group's follow-up may not give utfall).
  {
    what: 'a follow-up gives a group its utfall',
    files: { [I6_FOLLOW_UP]: '---\ntyp: uppföljning\navser: I6\nperiod: 2026-08\nutfall: 3\nförfattare: Anna Berg\n---\nText.\n' },
    step: 'relinked',
  },
  { what: 'the indicator is no longer a group', files: { [I6]: (t) => t.replace('beräkning: medelvärde\n', '') }, step: 'patched' },
  { what: 'and is a group again', files: { [I6]: 'original' }, step: 'patched' },
  { what: 'the status of an action edited (its follow-ups reused)', files: { [A18]: (t) => t.replace('status: ej påbörjad', 'status: pågår') }, step: 'patched' },
  { what: 'the follow-up removed, the status back', files: { [I6_FOLLOW_UP]: null, [A18]: 'original' }, step: 'relinked' },
  // A follow-up is attached again when a node its avser could name comes, goes or breaks (reattachFollowUps): here a
  // follow-up of the policy's principle SP1, written in the plan, and then a node of the plan with that id, which it
  // names first.
  {
    what: "a follow-up in the plan of the policy's principle SP1",
    files: { [SP1_FOLLOW_UP]: '---\ntyp: uppföljning\navser: SP1\nperiod: 2026-08\nbedömning: uppfyllt\nförfattare: Anna Berg\n---\nText.\n' },
    step: 'relinked',
  },
  { what: 'an action of the plan with the id SP1, which the follow-up now names', files: { [A99]: action('SP1') }, step: 'relinked' },
  { what: 'that action breaks (a shadow)', files: { [A99]: (t) => t.replace(/^titel: /m, 'titel: [ ') }, step: 'relinked' },
  { what: 'and is gone', files: { [A99]: null }, step: 'relinked' },
  { what: 'an action whose follow-up is filled in breaks', files: { [A22]: (t) => t.replace(/^titel: /m, 'titel: [ ') }, step: 'relinked' },
  { what: 'and is fixed, the principle\'s follow-up gone', files: { [A22]: 'original', [SP1_FOLLOW_UP]: null }, step: 'relinked' },
];

describe.each([{}, { requirePeriod: '2026-08' }])('check --watch relink, options %j', (options) => {
  it('gives the graph and messages of a full check after each change that reaches other files', { timeout: 600_000 }, () => {
    const dir = path.join(tmp, `plans-${Object.keys(options).length}`);
    cpSync('plans', dir, { recursive: true });
    const original = (p: string) => readFileSync(path.join('plans', p), 'utf8');
    const session = new CheckSession(dir, options);
    const first = session.start();
    expect(plain(first)).toEqual(plain(checkPlans(dir, options)));
    for (const [i, step] of STEPS.entries()) {
      for (const [file, edit] of Object.entries(step.files)) {
        const full = path.join(dir, file);
        if (edit === null) rmSync(full);
        else if (edit === 'original') writeFileSync(full, original(file));
        else if (typeof edit === 'string') writeFileSync(full, edit);
        else {
          const before = readFileSync(full, 'utf8');
          const after = edit(before);
          expect(after, `step ${i} (${step.what}) changes ${file}`).not.toBe(before);
          writeFileSync(full, after);
        }
      }
      const u = session.update(Object.keys(step.files));
      expect(u.graphStep, `step ${i}: ${step.what}`).toBe(step.step);
      expect(plain(u.result), `step ${i}: ${step.what}`).toEqual(plain(checkPlans(dir, options)));
    }
    // The walk ends where it began, and says so: nothing new, nothing left over.
    expect(plain(session.update([A36]).result)).toEqual(plain(first));
  });
});
