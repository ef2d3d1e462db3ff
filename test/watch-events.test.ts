// check --watch after saves that the file's size and time do not show, a severity changed in the configuration, and
// a link pointing at nothing that goes or gets a target (tester8 T1-T3): after each, what a full check gives.
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPlans, type CheckResult } from '../src/check/check-plans.js';
import { CheckSession } from '../src/check/check-session.js';
import { severityOf } from '../src/messages/report.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sparbar-watch-events-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const copy = (name: string) => {
  const dir = path.join(tmp, name);
  cpSync('plans', dir, { recursive: true });
  return dir;
};
const FOLDER = 'ekby/plan-2024-2027/aktiviteter/it-enheten';
const A15 = `${FOLDER}/A15.md`;
const plain = (r: CheckResult) => ({
  graph: JSON.stringify(r.graph),
  messages: r.messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.ruleId} ${severityOf(m)} ${m.reason}`),
});
const brief = (list: readonly { file: string; ruleId: string }[]) => list.map((m) => `${m.file} ${m.ruleId} ${severityOf(m as never)}`);

describe('check --watch sees what a save changed', () => {
  it('a save of the same size whose time is kept (cp -p, touch -r) is read again', { timeout: 120_000 }, () => {
    const dir = copy('same-stamp');
    const file = path.join(dir, A15);
    // A whole second: a time the file system keeps exactly, as `touch -d` with the old time sets it again.
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    const session = new CheckSession(dir);
    session.start();
    const { atime, mtime, ino } = statSync(file);
    const before = readFileSync(file, 'utf8');
    const after = before.replace('status: ej påbörjad', 'status: ej påbörjax');
    expect(after.length).toBe(before.length);
    writeFileSync(file, after);
    utimesSync(file, atime, mtime);
    expect([statSync(file).mtimeMs, statSync(file).ino]).toEqual([mtime.getTime(), ino]);
    const u = session.update([A15]);
    expect(brief(u.added)).toEqual([`${A15} invalid-value error`]);
    expect(plain(u.result)).toEqual(plain(checkPlans(dir)));
  });

  it('a save whose size and time are kept is read again when the folder is listed again (the poll fallback)', { timeout: 120_000 }, () => {
    const dir = copy('same-stamp-poll');
    const file = path.join(dir, A15);
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    const session = new CheckSession(dir);
    session.start();
    const { atime, mtime, ino } = statSync(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: ej påbörjad', 'status: ej påbörjax'));
    utimesSync(file, atime, mtime);
    expect([statSync(file).mtimeMs, statSync(file).ino]).toEqual([mtime.getTime(), ino]);
    const u = session.update();
    expect(brief(u.added)).toEqual([`${A15} invalid-value error`]);
    expect(plain(u.result)).toEqual(plain(checkPlans(dir)));
  });

  it('a severity changed in sparbar.config.json shows as resolved at the old severity and new at the new', { timeout: 120_000 }, () => {
    const dir = copy('severity');
    writeFileSync(path.join(dir, A15), readFileSync(path.join(dir, A15), 'utf8').replace(/^slut: .*\n/m, ''));
    const session = new CheckSession(dir);
    expect(brief(session.start().messages)).toEqual([`${A15} action-without-due-date warning`]);
    const config = path.join(dir, 'sparbar.config.json');
    const original = JSON.parse(readFileSync(config, 'utf8')) as Record<string, unknown>;
    writeFileSync(config, JSON.stringify({ ...original, regler: { 'action-without-due-date': 'fel' } }, null, 2));
    let u = session.update(['sparbar.config.json']);
    expect([brief(u.added), brief(u.resolved)]).toEqual([[`${A15} action-without-due-date error`], [`${A15} action-without-due-date warning`]]);
    expect(plain(u.result)).toEqual(plain(checkPlans(dir)));
    writeFileSync(config, JSON.stringify({ ...original, regler: { 'action-without-due-date': 'varning' } }, null, 2));
    u = session.update(['sparbar.config.json']);
    expect([brief(u.added), brief(u.resolved)]).toEqual([[`${A15} action-without-due-date warning`], [`${A15} action-without-due-date error`]]);
  });

  it('a link pointing at nothing: its error goes with the link, and changes when its target is made', { timeout: 120_000 }, () => {
    const dir = copy('dangling');
    const session = new CheckSession(dir);
    session.start();
    const link = `${FOLDER}/X.md`;
    symlinkSync('nowhere.md', path.join(dir, link));
    let u = session.update([link]);
    expect(brief(u.added)).toEqual([`${link} symlink-outside error`]);
    expect(plain(u.result)).toEqual(plain(checkPlans(dir)));
    rmSync(path.join(dir, link));
    u = session.update([link]);
    expect(brief(u.resolved)).toEqual([`${link} symlink-outside error`]);
    expect(plain(u.result)).toEqual(plain(checkPlans(dir)));
    // Made again, then its target is created: what the link now reads is checked, as a full check does.
    symlinkSync('nowhere.md', path.join(dir, link));
    session.update([link]);
    writeFileSync(path.join(dir, FOLDER, 'nowhere.md'), readFileSync(path.join(dir, FOLDER, 'A20.md'), 'utf8').replace('id: A20', 'id: A91'));
    u = session.update([`${FOLDER}/nowhere.md`]);
    expect(plain(u.result)).toEqual(plain(checkPlans(dir)));
  });
});
