// History from git for the site: per node the commits of its file (following renames), per follow-up when its
// assessment was last changed; the adopted-vs-now comparison; and what happens outside a git checkout.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPlans } from '../../src/check/check-plans.js';
import { planSinceAdoption } from '../../src/diff/since-adoption.js';
import { parseLog, readPlanHistory, type PlanHistory } from '../../src/history/git-history.js';
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
