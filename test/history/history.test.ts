// History from git for the site: per node the commits of its file (following renames), per follow-up when its
// assessment was last changed; the adopted-vs-now comparison; and what happens outside a git checkout.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPlans } from '../../src/check/check-plans.js';
import { planSinceAdoption } from '../../src/diff/since-adoption.js';
import { parseLog, readPlanHistory, readPlanHistoryInto, type PlanHistory } from '../../src/history/git-history.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';

const PLAN = 'plans/ekby/plan-2024-2027';
const DOC = 'ekby-digplan-2024-2027';
const FU = `${PLAN}/uppfoljning/2026-08/digitaliseringsenheten/FO2.3.md`;

describe('readPlanHistory', () => {
  let repo: TempRepo;
  let history: Extract<PlanHistory, { available: true }>;
  const sha: Record<string, string> = {};
  beforeAll(() => {
    repo = tempRepo();
    sha['adopted'] = repo.git('rev-parse', 'HEAD');
    repo.git('tag', 'antagen-2024');
    repo.edit(`${PLAN}/aktiviteter/digitaliseringsenheten/A05.md`, 'slut: 2025-12-31', 'slut: 2026-12-31');
    sha['a05'] = repo.commit('A05 senareläggs ett år', { author: 'Anna Berg', date: '2026-03-02T09:00:00+01:00' });
    repo.git('mv', `${PLAN}/aktiviteter/it-enheten/A20.md`, `${PLAN}/aktiviteter/it-enheten/integrationsplattform.md`);
    sha['move'] = repo.commit('Tydligare filnamn', { author: 'Jonas Ek', date: '2026-04-01T10:00:00+02:00' });
    repo.edit(FU, 'bedömning: uppfyllt', 'bedömning: delvis uppfyllt');
    sha['assess'] = repo.commit('Bedömningen av FO2.3 justeras', { author: 'Anna Berg', date: '2026-08-25T15:00:00+02:00' });
    repo.edit(FU, 'Alla tre aktiviteterna är klara.', 'Alla tre aktiviteterna är klara sedan juni.');
    sha['text'] = repo.commit('Språket i FO2.3', { author: 'Lena Holm', date: '2026-08-26T08:00:00+02:00' });
    // Not committed: a new status for A12's follow-up.
    repo.edit(`${PLAN}/uppfoljning/2026-08/digitaliseringsenheten/A12.md`, /status: \S+/, 'status: pausad');
    const dir = path.join(repo.dir, 'plans');
    const h = readPlanHistory(dir, checkPlans(dir).graph);
    if (!h.available) throw new Error(h.reason);
    history = h;
  });
  afterAll(() => repo.cleanup());

  it("lists each node's commits, newest first, with date, author and message", () => {
    expect(history.shallow).toBe(false);
    expect(history.nodes[`${DOC}:A05`]).toEqual([
      { commit: sha['a05'], date: '2026-03-02T09:00:00+01:00', author: 'Anna Berg', message: 'A05 senareläggs ett år', changes: ['Slutdatum: 2025-12-31 → 2026-12-31 (senareläggs 12 månader)'] },
      { commit: sha['adopted'], date: '2026-01-01T12:00:00+01:00', author: 'Test', message: 'Planen som antagen', changes: ['Skapades'] },
    ]);
    // A focus area written inside its goal file shares the goal file's history.
    expect(history.nodes[`${DOC}:FO2.1`]).toEqual(history.nodes[`${DOC}:M2`]);
  });

  it('follows a file across a rename', () => {
    expect(history.nodes[`${DOC}:A20`]!.map((e) => e.message)).toEqual(['Tydligare filnamn', 'Planen som antagen']);
    // What changed, in words: a move alone changes no value.
    expect(history.nodes[`${DOC}:A20`]!.map((e) => e.changes)).toEqual([['Flyttades till en annan fil'], ['Skapades']]);
    // A follow-up's text edited: the body.
    expect(history.files['ekby/plan-2024-2027/uppfoljning/2026-08/digitaliseringsenheten/FO2.3.md']!.map((e) => e.changes)).toEqual([
      ['Beskrivningen har ändrats.'],
      ['Bedömning: uppfyllt → delvis uppfyllt'],
      ['Skapades'],
    ]);
    expect(history.files['ekby/plan-2024-2027/aktiviteter/it-enheten/integrationsplattform.md']).toHaveLength(2);
  });

  it('tells when each assessment was last changed, not when the file was', () => {
    const fo23 = history.followUps.find((f) => f.node === `${DOC}:FO2.3` && f.period === '2026-08')!;
    expect(fo23).toEqual({
      node: `${DOC}:FO2.3`,
      period: '2026-08',
      file: 'ekby/plan-2024-2027/uppfoljning/2026-08/digitaliseringsenheten/FO2.3.md',
      field: 'bedömning',
      lastChanged: { commit: sha['assess'], date: '2026-08-25T15:00:00+02:00', author: 'Anna Berg', message: 'Bedömningen av FO2.3 justeras' },
      uncommitted: false,
      // Every commit of the file, newest first, with what it changed (for "Ändrad efter behandlingen").
      commits: history.files['ekby/plan-2024-2027/uppfoljning/2026-08/digitaliseringsenheten/FO2.3.md'],
    });
    expect(fo23.commits.map((c) => c.changes)).toEqual([['Beskrivningen har ändrats.'], ['Bedömning: uppfyllt → delvis uppfyllt'], ['Skapades']]);
    const a12 = history.followUps.find((f) => f.node === `${DOC}:A12` && f.period === '2026-08')!;
    expect(a12).toMatchObject({ field: 'status', uncommitted: true, lastChanged: { commit: sha['adopted'] } });
    const i1 = history.followUps.find((f) => f.node.endsWith(':I1'));
    if (i1) expect(i1.field).toBe('utfall');
  });

  it('compares the plan as adopted (a tag) with the plan now, for the site', () => {
    const since = planSinceAdoption(path.join(repo.dir, 'plans'), 'antagen-2024');
    if (!since.available) throw new Error(since.reason);
    expect(since.unchanged).toBe(false);
    expect(since.report.base).toMatchObject({ revision: 'antagen-2024', commit: sha['adopted'] });
    expect(since.report.nodes.changed.map((c) => c.node.id)).toEqual(['A05', 'A20']);
    expect(since.markdown).toContain('Slutdatum: 2025-12-31 → 2026-12-31 (senareläggs 12 månader)');
    const unknown = planSinceAdoption(path.join(repo.dir, 'plans'), 'antagen-1999');
    expect(unknown).toEqual({ available: false, reason: expect.stringMatching(/^Jämförelsen med den antagna planen kan inte visas: git känner inte till revisionen "antagen-1999"/) });
  });

  it('says when the clone is shallow', () => {
    const clone = mkdtempSync(path.join(os.tmpdir(), 'sparbar-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone]);
      const dir = path.join(clone, 'plans');
      const h = readPlanHistory(dir, checkPlans(dir).graph);
      expect(h.available && h.shallow).toBe(true);
      if (h.available) expect(h.nodes[`${DOC}:A05`]!.map((e) => e.message)).toEqual(['Språket i FO2.3']);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });
});

describe('versions that share a blob (a value changed and changed back)', () => {
  let repo: TempRepo;
  const sha: Record<string, string> = {};
  const A05 = `${PLAN}/aktiviteter/digitaliseringsenheten/A05.md`;
  const A12 = `${PLAN}/uppfoljning/2026-08/digitaliseringsenheten/A12.md`;
  beforeAll(() => {
    repo = tempRepo();
    sha['adopted'] = repo.git('rev-parse', 'HEAD');
    repo.git('tag', 'antagen');
    repo.edit(A05, 'slut: 2025-12-31', 'slut: 2026-12-31');
    repo.edit(A12, 'status: klar', 'status: pausad');
    sha['out'] = repo.commit('A05 senareläggs, A12 pausas', { date: '2026-03-02T09:00:00+01:00' });
    // Back to the adopted bytes: the newest version is the same blob as the oldest.
    repo.edit(A05, 'slut: 2026-12-31', 'slut: 2025-12-31');
    repo.edit(A12, 'status: pausad', 'status: klar');
    sha['back'] = repo.commit('Tillbaka som antaget', { date: '2026-04-02T09:00:00+02:00' });
    // Not committed: A12 as in the middle commit (a blob the history has, but not the newest one).
    repo.edit(A12, 'status: klar', 'status: pausad');
  });
  afterAll(() => repo.cleanup());

  it('describes each version against the one before it, and tells an uncommitted edit from the newest commit', () => {
    const dir = path.join(repo.dir, 'plans');
    const check = checkPlans(dir);
    const h = readPlanHistory(dir, check.graph);
    if (!h.available) throw new Error(h.reason);
    expect(h.nodes[`${DOC}:A05`]!.map((e) => [e.commit, e.changes])).toEqual([
      [sha['back'], ['Slutdatum: 2026-12-31 → 2025-12-31 (tidigareläggs 12 månader)']],
      [sha['out'], ['Slutdatum: 2025-12-31 → 2026-12-31 (senareläggs 12 månader)']],
      [sha['adopted'], ['Skapades']],
    ]);
    const a12 = h.followUps.find((f) => f.node === `${DOC}:A12` && f.period === '2026-08')!;
    expect(a12).toMatchObject({ field: 'status', uncommitted: true, lastChanged: { commit: sha['back'] } });
    expect(a12.commits.map((c) => c.changes)).toEqual([['Status: pausad → klar'], ['Status: klar → pausad'], ['Skapades']]);
    // Committed again as it was: nothing uncommitted.
    repo.edit(A12, 'status: pausad', 'status: klar');
    try {
      const again = readPlanHistory(dir, checkPlans(dir).graph);
      expect(again.available && again.followUps.find((f) => f.node === `${DOC}:A12` && f.period === '2026-08')!.uncommitted).toBe(false);
    } finally {
      repo.edit(A12, 'status: klar', 'status: pausad');
    }
  });

  it('compares with the adopted revision the same with the blobs the history read as without them', () => {
    const dir = path.join(repo.dir, 'plans');
    const check = checkPlans(dir);
    const blobs = new Map<string, Buffer>();
    expect(readPlanHistoryInto(dir, check.graph, blobs).available).toBe(true);
    expect(blobs.size).toBeGreaterThan(0);
    const alone = planSinceAdoption(dir, 'antagen', check);
    expect(planSinceAdoption(dir, 'antagen', check, { blobs })).toEqual(alone);
    // A05 is as adopted again; only the uncommitted A12 follow-up differs.
    if (!alone.available) throw new Error(alone.reason);
    expect(alone.report.nodes.changed.map((c) => c.node.id)).not.toContain('A05');
    expect(alone.unchanged).toBe(false);
  });
});

describe('outside a git checkout', () => {
  it('says so instead of failing, for the history and the adopted plan', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sparbar-nogit-'));
    try {
      cpSync('plans', path.join(dir, 'plans'), { recursive: true });
      const plans = path.join(dir, 'plans');
      expect(readPlanHistory(plans, checkPlans(plans).graph)).toEqual({
        available: false,
        reason: expect.stringMatching(/^Ändringshistoriken kan inte visas: webbplatsen byggdes utanför en git-klon av planerna\./),
      });
      expect(planSinceAdoption(plans, 'v1')).toEqual({ available: false, reason: expect.stringMatching(/ligger inte i ett git-förråd/) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('parses git log output with renames', () => {
    const out = '\u001eabc\u001f2026-01-01T00:00:00+01:00\u001fAnna\u001fFörsta\u0000\nM\u0000a.md\u0000R087\u0000b.md\u0000c.md\u0000';
    expect(parseLog(out)).toEqual([
      { commit: 'abc', date: '2026-01-01T00:00:00+01:00', author: 'Anna', message: 'Första', changes: [{ status: 'M', paths: ['a.md'] }, { status: 'R087', paths: ['b.md', 'c.md'] }] },
    ]);
  });
});
