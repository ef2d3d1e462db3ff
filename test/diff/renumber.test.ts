// The plan diff after renumbering: when an id is reused for another node (A02 removed and A03 renumbered to
// A02, two ids swapped, a list shifted), content decides before the id, so the diff and the page
// "Ändringar sedan antagandet" say what really happened.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compareRevisions, type PlanDiffReport } from '../../src/diff/compare-revisions.js';
import { formatDiffMarkdown } from '../../src/diff/format-markdown.js';
import { planSinceAdoption } from '../../src/diff/since-adoption.js';
import { adoptionView } from '../../src/site/adoption-view.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';

const PLAN = 'plans/ekby/plan-2024-2027';
const DOC = 'ekby-digplan-2024-2027';
const ACTIONS = `${PLAN}/aktiviteter/digitaliseringsenheten`;

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

/** Titles of A01–A09 in the example plan, read from the files. */
function title(r: TempRepo, id: string): string {
  return /^titel: (.*)$/m.exec(r.read(`${ACTIONS}/${id}.md`))![1]!;
}

/** The files named `<id>.md` under plans/: an action's own file and its follow-ups. */
function filesOf(r: TempRepo, id: string): string[] {
  return r.git('ls-files', 'plans').split('\n').filter((f) => f.endsWith(`/${id}.md`));
}

/** Removes actions with their follow-ups (git rm). */
function remove(r: TempRepo, ids: string[]): void {
  for (const id of ids) for (const file of filesOf(r, id)) r.git('rm', '-q', file);
}

/**
 * Gives actions new ids, all at once (so swaps work): each action file and its follow-ups are moved with
 * git mv to the new id's name, and `id:`, `avser:` and every reference to the old id become the new one.
 */
function renumber(r: TempRepo, moves: Record<string, string>): void {
  const anyOld = `\\b(${Object.keys(moves).join('|')})\\b`;
  for (const file of r.git('grep', '-l', '-E', anyOld, '--', 'plans').split('\n').filter(Boolean)) {
    r.write(file, r.read(file).replace(new RegExp(anyOld, 'g'), (id) => moves[id]!));
  }
  const files = Object.keys(moves).flatMap((from) => filesOf(r, from).map((file) => ({ file, to: path.posix.join(path.posix.dirname(file), `${moves[from]}.md`) })));
  for (const { file } of files) r.git('mv', file, `${file}.tmp`);
  for (const { file, to } of files) r.git('mv', `${file}.tmp`, to);
}

function diff(r: TempRepo): PlanDiffReport {
  return compareRevisions(path.join(r.dir, 'plans'), 'main').report;
}

const ids = (refs: { id: string }[]) => refs.map((x) => x.id);
const renames = (report: PlanDiffReport) => report.nodes.renamed.map((x) => `${x.from.id}→${x.to.id}${x.reusedId ? ' (återanvänt)' : ''}`);

describe('the plan diff after renumbering', () => {
  it('git rm A02.md && git mv A03.md A02.md reads "A02 borttagen; A03 har nytt id A02"', () => {
    repo = tempRepo();
    const [a02, a03] = [title(repo, 'A02'), title(repo, 'A03')];
    remove(repo, ['A02']);
    renumber(repo, { A03: 'A02' });
    const report = diff(repo);
    expect(report.head.errors).toBe(0);
    expect(report.nodes.removed.map((n) => `${n.id} ${n.title}`)).toEqual([`A02 ${a02}`]);
    expect(renames(report)).toEqual(['A03→A02 (återanvänt)']);
    expect(report.nodes.renamed[0]!.to).toMatchObject({ key: `${DOC}:A02`, title: a03 });
    expect(report.nodes.renamed[0]!.changes.map((c) => c.field)).toEqual(['fil']);
    expect(report.nodes.added).toEqual([]);
    expect(report.nodes.changed).toEqual([]);
    // A02's follow-ups went with it; A03's follow the renamed node, unchanged.
    expect(report.followUps.removed.map((f) => `${f.node.id} ${f.period}`)).toEqual(['A02 2025-08', 'A02 2026-08']);
    expect(report.followUps.changed).toEqual([]);
    expect(report.followUps.added).toEqual([]);

    const markdown = formatDiffMarkdown(report);
    expect(markdown).toContain('**I korthet:** 1 borttagen aktivitet, 1 aktivitet med nytt id, 2 borttagna uppföljningar.');
    expect(markdown).toContain(`- **Borttagen aktivitet A02 ${a02}**`);
    expect(markdown).toContain(`- **Aktivitet A03 har fått id A02** ${a03} (samma innehåll; id A02 hörde tidigare till en annan aktivitet)`);
    expect(markdown).not.toMatch(/Rubrik:|Status:|Slutdatum:|Borttagen aktivitet A03/);
  });

  it('deleting in the middle of a list and closing the gap', () => {
    repo = tempRepo();
    remove(repo, ['A04']);
    renumber(repo, { A05: 'A04', A06: 'A05', A07: 'A06', A08: 'A07', A09: 'A08' });
    const report = diff(repo);
    expect(report.head.errors).toBe(0);
    expect(ids(report.nodes.removed)).toEqual(['A04']);
    expect(renames(report)).toEqual(['A05→A04 (återanvänt)', 'A06→A05 (återanvänt)', 'A07→A06 (återanvänt)', 'A08→A07 (återanvänt)', 'A09→A08 (återanvänt)']);
    expect(report.nodes.added).toEqual([]);
    // Only A13, whose text names A09 (now A08), changed; none of the renumbered actions did.
    expect(report.nodes.changed.map((c) => `${c.node.id} ${c.changes.map((x) => x.field).join(',')}`)).toEqual(['A13 text']);
    expect(report.followUps.changed).toEqual([]);
  });

  it('inserting in the middle of a list and shifting the rest up', () => {
    repo = tempRepo();
    // A30–A36 (in four owners' folders) become A31–A37, and a new A30 comes in.
    const shifted = ['A30', 'A31', 'A32', 'A33', 'A34', 'A35', 'A36'];
    renumber(repo, Object.fromEntries(shifted.map((id) => [id, `A${Number(id.slice(1)) + 1}`])));
    repo.write(
      `${ACTIONS}/A30.md`,
      '---\ntyp: aktivitet\nid: A30\ntitel: Digital brevlåda för alla förvaltningar\nbidrar_till: [FO2.1]\nansvarig: Kommunledningsförvaltningen – Digitaliseringsenheten\nstart: 2026-09-01\nslut: 2027-06-30\nstatus: ej påbörjad\n---\nAlla förvaltningar tar emot och skickar post digitalt.\n',
    );
    const report = diff(repo);
    expect(report.head.errors).toBe(0);
    expect(report.nodes.added.map((n) => `${n.id} ${n.title}`)).toEqual(['A30 Digital brevlåda för alla förvaltningar']);
    expect(renames(report)).toEqual([...shifted.slice(0, -1).map((id) => `${id}→A${Number(id.slice(1)) + 1} (återanvänt)`), 'A36→A37']);
    expect(report.nodes.removed).toEqual([]);
    expect(report.nodes.changed.filter((c) => c.node.type === 'aktivitet')).toEqual([]);
    // Only the follow-up whose text names A36 (now A37) changed.
    expect(report.followUps.changed.map((f) => `${f.node.id} ${f.period} ${f.changes.map((c) => c.field).join(',')}`)).toEqual(['FO2.2 2026-08 text']);
    expect(formatDiffMarkdown(report)).toMatch(/- \*\*Ny aktivitet A30 Digital brevlåda för alla förvaltningar\*\*/);
  });

  it('swapping two ids', () => {
    repo = tempRepo();
    const [a02, a03] = [title(repo, 'A02'), title(repo, 'A03')];
    renumber(repo, { A02: 'A03', A03: 'A02' });
    const report = diff(repo);
    expect(report.head.errors).toBe(0);
    expect(renames(report)).toEqual(['A03→A02 (återanvänt)', 'A02→A03 (återanvänt)']);
    expect(report.nodes.renamed.map((r) => r.to.title)).toEqual([a03, a02]);
    expect([...report.nodes.added, ...report.nodes.removed, ...report.nodes.changed]).toEqual([]);
    expect(report.followUps).toEqual({ added: [], removed: [], changed: [], detached: [] });
    const markdown = formatDiffMarkdown(report);
    expect(markdown).toContain('**I korthet:** 2 aktiviteter med nytt id.');
    expect(markdown).toContain(`**Aktivitet A02 har fått id A03** ${a02} (samma innehåll; id A03 hörde tidigare till en annan aktivitet)`);
  });

  it('renumbering a whole list to another form', () => {
    repo = tempRepo();
    const moves = Object.fromEntries(['A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07', 'A08', 'A09'].map((id) => [id, id.replace('A0', 'A')]));
    renumber(repo, moves);
    const report = diff(repo);
    expect(report.head.errors).toBe(0);
    expect(renames(report)).toEqual(Object.entries(moves).map(([from, to]) => `${from}→${to}`));
    expect([...report.nodes.added, ...report.nodes.removed]).toEqual([]);
    expect(report.nodes.changed.map((c) => `${c.node.id} ${c.changes.map((x) => x.field).join(',')}`)).toEqual(['A13 text']);
    expect(report.followUps).toEqual({ added: [], removed: [], changed: [], detached: [] });
  });

  it('an action rewritten in place, with no other node to match, stays the same action', () => {
    repo = tempRepo();
    const file = `${ACTIONS}/A02.md`;
    const text = repo.read(file);
    const front = text.slice(0, text.indexOf('\n---\n', 4) + 5);
    repo.write(file, front.replace(/^titel: .*$/m, 'titel: Helt ny inriktning, gemensam tjänstekatalog').replace('bidrar_till: [FO1.2]', 'bidrar_till: [FO2.1]') + 'Ett nytt innehåll från början till slut.\n');
    const report = diff(repo);
    expect([...report.nodes.added, ...report.nodes.removed, ...report.nodes.renamed]).toEqual([]);
    expect(report.nodes.changed.map((c) => c.node.id)).toEqual(['A02']);
  });

  it('the page "Ändringar sedan antagandet" reads the same way', () => {
    repo = tempRepo();
    const [a02, a03] = [title(repo, 'A02'), title(repo, 'A03')];
    remove(repo, ['A02']);
    renumber(repo, { A03: 'A02' });
    const view = adoptionView(DOC, planSinceAdoption(path.join(repo.dir, 'plans'), 'main'), { revision: 'main' });
    expect(view.state).toBe('available');
    if (view.state !== 'available') return;
    expect(view.summary).toEqual(['1 borttagen aktivitet', '1 aktivitet med nytt id', '2 borttagna uppföljningar']);
    const items = view.groups.flatMap((g) => g.items).filter((i) => i.node.type === 'aktivitet' && !i.label.includes('uppföljning'));
    expect(items.map((i) => [i.label, i.node.id, i.node.title, i.removed])).toEqual([
      ['Borttagen aktivitet', 'A02', a02, true],
      ['Aktivitet med nytt id (tidigare A03):', 'A02', a03, false],
    ]);
    expect(items[1]!.lines).toContain('Id A02 hörde tidigare till en annan aktivitet.');
    expect(view.groups.flatMap((g) => g.items).map((i) => i.label)).not.toContain('Ändrad aktivitet');
  });
});
