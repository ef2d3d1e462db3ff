// check --watch: the incremental session gives exactly what a full check gives after every kind of change,
// reads only what changed, and the watch loop prints only new and resolved problems.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPlans, type CheckResult } from '../src/check/check-plans.js';
import { CheckSession } from '../src/check/check-session.js';
import { watchPlans } from '../src/cli/watch.js';
import { fieldRecord } from '../src/graph/node-fields.js';
import { runCli } from './helpers/cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sparbar-watch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const copy = () => {
  const dir = path.join(tmp, Math.random().toString(36).slice(2));
  cpSync('plans', dir, { recursive: true });
  return dir;
};
const PLAN = 'ekby/plan-2024-2027';
const A05 = `${PLAN}/aktiviteter/digitaliseringsenheten/A05.md`;

const plain = (r: CheckResult) => ({
  graph: r.graph,
  fileCount: r.fileCount,
  messages: r.messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.ruleId} ${m.fatal ? 'E' : 'W'} ${m.reason}`),
});
const ids = (list: readonly { ruleId: string; file: string }[]) => list.map((m) => `${m.file} ${m.ruleId}`);

describe('CheckSession', () => {
  it('matches a full check after every kind of change, reading only what changed', () => {
    const dir = copy();
    const session = new CheckSession(dir);
    expect(plain(session.start())).toEqual(plain(checkPlans(dir)));
    const edit = (rel: string, from: string | RegExp, to: string) => writeFileSync(path.join(dir, rel), readFileSync(path.join(dir, rel), 'utf8').replace(from, to));
    const step = (changed: string[] | undefined) => {
      const u = session.update(changed);
      expect(plain(u.result)).toEqual(plain(checkPlans(dir)));
      return u;
    };

    // Only the body: the graph is kept, its text updated.
    edit(A05, 'Plattformen ersätter', 'Den nya plattformen ersätter');
    let u = step([A05]);
    expect([u.reread, u.graphStep, u.added.length, u.resolved.length]).toEqual([1, 'kept', 0, 0]);
    expect(u.result.graph.nodes.find((n) => n.id === 'A05')!.body).toContain('Den nya plattformen ersätter');

    // A bad value: the file's error is new, and what the graph said about it changes with it.
    edit(A05, 'status: ej påbörjad', 'status: pågående');
    u = step([A05]);
    expect(u.graphStep).toBe('relinked');
    expect(ids(u.added)).toEqual([`${A05} invalid-value`]);

    // Fixed again: resolved.
    edit(A05, 'status: pågående', 'status: klar');
    u = step([A05]);
    expect(ids(u.resolved)).toEqual([`${A05} invalid-value`]);
    expect(u.added).toEqual([]);

    // Fields only: the structure is kept and patched, and its field checks run again.
    edit(A05, 'status: klar', 'status: pågår');
    u = step([A05]);
    expect([u.graphStep, u.added.length, u.resolved.length]).toEqual(['patched', 0, 0]);
    expect(fieldRecord(u.result.graph.nodes.find((n) => n.id === 'A05')!)['status']).toBe('pågår');
    edit(A05, 'slut: 2025-12-31', 'slut: 2023-12-31');
    u = step([A05]);
    expect([u.graphStep, ...ids(u.added)]).toEqual(['patched', `${A05} end-before-start`]);
    // A line added below the links moves the field's message, not the structure.
    edit(A05, 'ansvarig:', '# flyttad rad\nansvarig:');
    u = step([A05]);
    expect([u.graphStep, u.added.length, u.resolved.length]).toEqual(['patched', 0, 0]);
    expect(u.result.messages.find((m) => m.ruleId === 'end-before-start')!.line).toBe(9);
    // Broken, then edited while still broken in the same way: the graph is kept as it is.
    edit(A05, 'status: pågår', 'status: pågående');
    expect(step([A05]).graphStep).toBe('relinked');
    edit(A05, 'diarienummer: KS 2024/77', 'diarienummer: KS 2024/78');
    u = step([A05]);
    expect([u.graphStep, u.added.length, u.resolved.length]).toEqual(['kept', 0, 0]);
    edit(A05, 'status: pågående', 'status: klar');
    step([A05]);
    // A changed link, title or id place changes the structure: the file's part is replaced and links resolved again.
    edit(A05, 'bidrar_till: [FO2.1, FO2.2]', 'bidrar_till: [FO2.1, FO2.99]');
    u = step([A05]);
    expect([u.graphStep, ...ids(u.added)]).toEqual(['relinked', `${A05} unknown-reference`]);
    edit(A05, 'bidrar_till: [FO2.1, FO2.99]', 'bidrar_till: [FO2.1, FO2.2]');
    expect(step([A05]).graphStep).toBe('relinked');
    edit(A05, 'titel: Ny e-tjänsteplattform', 'titel: Gemensam e-tjänsteplattform');
    expect(step([A05]).graphStep).toBe('relinked');
    edit(A05, 'slut: 2023-12-31', 'slut: 2025-12-31');
    expect(step([A05]).graphStep).toBe('patched');

    // An inline focus area's description is a field of the goal's file: patched, the focus area's text updated.
    const M2 = `${PLAN}/mal/M2.md`;
    edit(M2, 'beskrivning: Kommunens data publiceras löpande', 'beskrivning: Kommunens data publiceras varje vecka');
    u = step([M2]);
    expect(u.graphStep).toBe('patched');
    expect(u.result.graph.nodes.find((n) => n.id === 'FO2.4')!.body).toMatch(/varje vecka/);

    // A follow-up's assessment: patched, and its check against the actions' status runs again.
    const FU = `${PLAN}/uppfoljning/2026-08/digitaliseringsenheten/FO2.3.md`;
    edit(FU, 'bedömning: uppfyllt', 'bedömning: ej uppfyllt');
    u = step([FU]);
    expect([u.graphStep, ...ids(u.added)]).toEqual(['patched', `${FU} assessment-disagrees-with-rollup`]);
    edit(FU, 'bedömning: ej uppfyllt', 'bedömning: uppfyllt');
    u = step([FU]);
    expect([u.graphStep, ...ids(u.resolved)]).toEqual(['patched', `${FU} assessment-disagrees-with-rollup`]);
    // Its text, then its assessment: the kept structure has the new text.
    edit(FU, 'Alla tre aktiviteterna', 'Samtliga tre aktiviteter');
    expect(step([FU]).graphStep).toBe('kept');
    edit(FU, 'bedömning: uppfyllt', 'bedömning: delvis uppfyllt');
    u = step([FU]);
    expect(u.graphStep).toBe('patched');
    expect(u.result.graph.followUps.find((f) => f.source.file === FU)!.body).toMatch(/^Samtliga tre aktiviteter/);

    // A new action that another depends on, then removed: relinked both ways.
    const A99 = `${PLAN}/aktiviteter/digitaliseringsenheten/A99.md`;
    edit(A05, 'bidrar_till: [FO2.1, FO2.2]', 'bidrar_till: [FO2.1, FO2.2]\nberoenden: [A99]');
    u = step([A05]);
    expect([u.graphStep, ...ids(u.added)]).toEqual(['relinked', `${A05} unknown-reference`]);
    writeFileSync(path.join(dir, A99), '---\ntyp: aktivitet\nid: A99\ntitel: Förstudie\nbidrar_till: [FO2.1]\nansvarig: IT\nslut: 2026-12-31\n---\n');
    u = step([A99]);
    expect([u.graphStep, u.added.length, ...ids(u.resolved)]).toEqual(['relinked', 0, `${A05} unknown-reference`]);
    expect(u.result.graph.edges).toContainEqual({ from: 'ekby-digplan-2024-2027:A05', to: 'ekby-digplan-2024-2027:A99', type: 'depends-on' });
    rmSync(path.join(dir, A99));
    u = step([A99]);
    expect([u.graphStep, ...ids(u.added)]).toEqual(['relinked', `${A05} unknown-reference`]);
    edit(A05, '\nberoenden: [A99]', '');
    expect(step([A05]).graphStep).toBe('relinked');

    // A new file in a new folder (fs.watch may report only the folder), a duplicate id: which one wins is the
    // files' order, so the graph is rebuilt while the duplicate is there.
    mkdirSync(path.join(dir, `${PLAN}/nytt`));
    writeFileSync(path.join(dir, `${PLAN}/nytt/A05b.md`), '---\ntyp: aktivitet\nid: A05\ntitel: Dubblett\nbidrar_till: [FO1.1]\nansvarig: IT\nslut: 2027-01-01\n---\n');
    u = step([`${PLAN}/nytt`]);
    expect(ids(u.added)).toEqual([`${PLAN}/nytt/A05b.md duplicate-id`]);
    edit(A05, 'bidrar_till: [FO2.1, FO2.2]', 'bidrar_till: [FO2.1]');
    expect(step([A05]).graphStep).toBe('rebuilt');
    edit(A05, 'bidrar_till: [FO2.1]', 'bidrar_till: [FO2.1, FO2.2]');
    expect(step([A05]).graphStep).toBe('rebuilt');

    // The folder renamed, then removed.
    renameSync(path.join(dir, `${PLAN}/nytt`), path.join(dir, `${PLAN}/nyare`));
    u = step([`${PLAN}/nytt`, `${PLAN}/nyare`]);
    expect(ids(u.added)).toEqual([`${PLAN}/nyare/A05b.md duplicate-id`]);
    rmSync(path.join(dir, `${PLAN}/nyare`), { recursive: true });
    u = step([`${PLAN}/nyare`]);
    expect(u.added).toEqual([]);
    expect(ids(u.resolved)).toEqual([`${PLAN}/nyare/A05b.md duplicate-id`]);

    // A deleted file that others refer to.
    rmSync(path.join(dir, `${PLAN}/fokusomraden/FO2.3.md`));
    u = step([`${PLAN}/fokusomraden/FO2.3.md`]);
    expect(u.added.length).toBeGreaterThan(0);
    expect(new Set(u.added.map((m) => m.ruleId))).toEqual(new Set(['unknown-reference', 'followup-unknown-node']));

    // A link inside the folder, edits through its target, files that are not markdown, dot-folders.
    symlinkSync(path.join(dir, 'organisationer/ekby.md'), path.join(dir, 'organisationer/lank.md'));
    u = step(['organisationer/lank.md']);
    expect(ids(u.added)).toEqual(['organisationer/lank.md duplicate-id']);
    edit('organisationer/ekby.md', 'id: ekby', 'id: ekby # kommentar');
    step(['organisationer/ekby.md']);
    writeFileSync(path.join(dir, 'anteckning.txt'), 'inte en planfil');
    mkdirSync(path.join(dir, '.git'));
    writeFileSync(path.join(dir, '.git/x.md'), 'trasig');
    u = step(['anteckning.txt', '.git/x.md']);
    expect([u.reread, u.added.length]).toEqual([0, 0]);

    // A whole re-listing (an event without a file name).
    writeFileSync(path.join(dir, 'README.md'), 'Om planerna.\n');
    u = step(undefined);
    expect(ids(u.added)).toEqual(['README.md not-a-plan-file']);
  });

  it('keeps --require-period right when only a follow-up text changes, and when the text marks it unfilled', () => {
    const dir = copy();
    const fu = `${PLAN}/uppfoljning/2026-08/digitaliseringsenheten/FO2.3.md`;
    const options = { requirePeriod: '2026-08' };
    const session = new CheckSession(dir, options);
    session.start();
    const text = readFileSync(path.join(dir, fu), 'utf8');
    writeFileSync(path.join(dir, fu), `${text}\nEn mening till.\n`);
    const edited = session.update([fu]);
    expect(edited.graphStep).toBe('kept');
    expect(ids(edited.added)).toEqual([]);
    // The marker makes the follow-up not submitted (ej inlämnad): the graph changes, and the period check says so.
    writeFileSync(path.join(dir, fu), `${text}\n<!-- sparbar: ej ifylld -->\n`);
    const u = session.update([fu]);
    expect(u.graphStep).not.toBe('kept');
    expect(ids(u.added)).toEqual([`${fu} followup-unfilled`]);
    expect(plain(u.result)).toEqual(plain(checkPlans(dir, options)));
  });
});

/** Waits until `read()` matches, polling; fails with what it had after `ms`. */
async function until(read: () => string, pattern: RegExp, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (pattern.test(read())) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  expect(read()).toMatch(pattern);
}

describe('check --watch', () => {
  for (const mode of ['fs.watch', 'polling'] as const) {
    it(`prints the first report, then only new and resolved problems (${mode})`, async () => {
      const dir = copy();
      let out = '';
      let err = '';
      const controller = new AbortController();
      const done = watchPlans(dir, { debounceMs: 20, ...(mode === 'polling' ? { pollMs: 50 } : {}) }, { stdout: (s) => (out += s), stderr: (s) => (err += s), color: false }, controller.signal);
      await until(() => out, /Bevakar /);
      expect(out).toMatch(/^✓ Inga problem \(249 filer kontrollerade\)\.\n/);
      const file = path.join(dir, A05);
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace('status: ej påbörjad', 'status: pågående'));
      await until(() => out, /\+ ny {8}fel {6}\S+A05\.md:9:9 {2}"status" har värdet "pågående".* invalid-value\n.*1 fel och 0 varningar i planen, kontrollerad på \d+,\d\d s\.\n/);
      const mark = out.length;
      writeFileSync(file, text);
      await until(() => out.slice(mark), /- åtgärdad {2}fel {6}\S+A05\.md:9:9 .* invalid-value\n.*0 fel och 0 varningar i planen/);
      expect(out.slice(mark)).not.toMatch(/\+ ny/);
      // Polls that find nothing changed print nothing (tester8 T8: a line a second for ever).
      const quiet = out.length;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(out.slice(quiet)).toBe('');
      controller.abort();
      expect(await done).toBe(0);
      expect(err).toBe('');
      expect(out).toMatch(/Bevakningen avslutad\.\n$/);
    });
  }

  it('--strict: a warning kept through a save of its file is not printed as resolved and new (tester8 T11)', async () => {
    const dir = copy();
    const file = path.join(dir, A05);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^slut: .*\n/m, ''));
    let out = '';
    const controller = new AbortController();
    const done = watchPlans(dir, { debounceMs: 20, strict: true }, { stdout: (s) => (out += s), stderr: () => {}, color: false }, controller.signal);
    await until(() => out, /Bevakar /);
    expect(out).toMatch(/fel .*saknar slutdatum/);
    const mark = out.length;
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: ej påbörjad', 'status: pågår'));
    await until(() => out.slice(mark), /Inga ändrade problem \(1 fel och 0 varningar i planen\)/);
    expect(out.slice(mark)).not.toMatch(/åtgärdad|\+ ny/);
    controller.abort();
    expect(await done).toBe(1);
  });

  it('sees every save that replaces the file (a new file renamed over the old), and files in folders made while watching', async () => {
    const dir = copy();
    let out = '';
    const controller = new AbortController();
    const done = watchPlans(dir, { debounceMs: 20 }, { stdout: (s) => (out += s), stderr: () => {}, color: false }, controller.signal);
    await until(() => out, /Bevakar /);
    const file = path.join(dir, A05);
    const text = readFileSync(file, 'utf8');
    // How vim, gedit and other editors' safe write save: write beside the file, then rename over it.
    const replaceSave = (target: string, content: string) => {
      writeFileSync(`${path.dirname(target)}/.${path.basename(target)}.tmp`, content);
      renameSync(`${path.dirname(target)}/.${path.basename(target)}.tmp`, target);
    };
    const count = (pattern: RegExp) => String((out.match(pattern) ?? []).length);
    for (let round = 1; round <= 3; round++) {
      replaceSave(file, text.replace('status: ej påbörjad', 'status: pågående'));
      await until(() => count(/\+ ny .*invalid-value\n/g), new RegExp(`^${round}$`));
      replaceSave(file, text);
      await until(() => count(/- åtgärdad .*invalid-value\n/g), new RegExp(`^${round}$`));
    }
    expect(out.match(/- åtgärdad .*invalid-value/g)).toHaveLength(3);

    // A folder made while watching, and a file in it (a duplicate id), then the file fixed in place.
    mkdirSync(path.join(dir, `${PLAN}/nytt/djupare`), { recursive: true });
    const dup = path.join(dir, `${PLAN}/nytt/djupare/A05b.md`);
    writeFileSync(dup, '---\ntyp: aktivitet\nid: A05\ntitel: Dubblett\nbidrar_till: [FO1.1]\nansvarig: IT\nslut: 2027-01-01\n---\n');
    await until(() => out, /\+ ny .*nytt\/djupare\/A05b\.md.*duplicate-id\n/);
    writeFileSync(dup, readFileSync(dup, 'utf8').replace('id: A05', 'id: A05b'));
    await until(() => out, /- åtgärdad .*nytt\/djupare\/A05b\.md.*duplicate-id\n/);
    controller.abort();
    expect(await done).toBe(0);
  });

  it('says once that the plans folder is gone, and goes on when it is back', async () => {
    const dir = copy();
    let out = '';
    let err = '';
    const controller = new AbortController();
    const done = watchPlans(dir, { debounceMs: 20 }, { stdout: (s) => (out += s), stderr: (s) => (err += s), color: false }, controller.signal);
    await until(() => out, /Bevakar /);
    rmSync(dir, { recursive: true });
    await until(() => err, /finns inte eller är ingen mapp\. Bevakningen fortsätter/);
    // Polled every second while it is gone: still said only once.
    await new Promise((r) => setTimeout(r, 2200));
    expect(err.match(/finns inte eller är ingen mapp/g)).toHaveLength(1);
    expect(err).toMatch(/^Obs: filbevakningen avbröts \(planmappen togs bort eller flyttades\); planmappen läses om var 1000 ms i stället\.\n/);
    cpSync('plans', dir, { recursive: true });
    await until(() => out, /Planmappen finns igen\.\n.*Inga ändrade problem \(0 fel och 0 varningar i planen\)/);
    controller.abort();
    expect(await done).toBe(0);
  });

  it('refuses --watch with a machine format, and a missing folder', async () => {
    const r = await runCli(['check', 'plans', '--watch', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--watch skriver läsbar text/);
    const missing = await runCli(['check', path.join(tmp, 'saknas'), '--watch']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Planmappen ".*saknas" finns inte/);
  });
});
