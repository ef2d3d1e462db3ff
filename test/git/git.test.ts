// The git module: one safe way to run git (no shell, no options from revision names, `--` before paths),
// Swedish errors as values, one cat-file reader, history that follows renames.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followFiles, readLog } from '../../src/git/log.js';
import { listTree, readObjects } from '../../src/git/objects.js';
import { describeCommit, locateRepo, resolveRevision, type RepoLocation } from '../../src/git/repo.js';
import { readRevisionFiles } from '../../src/git/revision-files.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';

describe('git module', () => {
  let repo: TempRepo;
  let location: RepoLocation;
  const sha: Record<string, string> = {};
  beforeAll(() => {
    repo = tempRepo({ withPlans: false });
    // A plans folder whose name looks like an option, with a file whose name has a space.
    repo.write('-planer/a b.md', 'ett\n');
    repo.write('-planer/c.md', 'tre\n');
    sha['first'] = repo.commit('Första', { author: 'Anna Berg', date: '2026-03-02T09:00:00+01:00' });
    repo.git('mv', '--', '-planer/c.md', '-planer/d.md');
    sha['move'] = repo.commit('Nytt namn');
    const located = locateRepo(path.join(repo.dir, '-planer'));
    if (!located.ok) throw located.error;
    location = located.value;
  });
  afterAll(() => repo.cleanup());

  it('finds the repository and the folder in it, even when the folder name starts with a dash', () => {
    expect(location.prefix).toBe('-planer');
    const tree = listTree(location, sha['move']!);
    expect(tree.ok && tree.value.map((e) => e.path)).toEqual(['-planer/a b.md', '-planer/d.md']);
  });

  it('refuses a revision that git would read as an option, and names it in Swedish', () => {
    const written = path.join(repo.dir, 'utdata.txt');
    for (const revision of ['--output=utdata.txt', '-h', '']) {
      const r = resolveRevision(location, revision);
      expect(r).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringMatching(/är ingen revision\. Ange en gren/) }) });
    }
    expect(existsSync(written)).toBe(false);
    expect(describeCommit(location, '--output=utdata.txt')).toBeNull();
    expect(existsSync(written)).toBe(false);
  });

  it('fits the advice for an unknown revision to its form and to the remotes the clone has', () => {
    const message = (revision: string) => {
      const r = resolveRevision(location, revision);
      return r.ok ? '' : r.error.message;
    };
    // No remote: only the spelling can be wrong; nothing to fetch from.
    expect(message('gren')).toBe('git känner inte till revisionen "gren". Kontrollera namnet (git branch -a, git tag).');
    expect(message('abc1234')).toMatch(/Commiten finns inte i den här klonen/);
    expect(message('HEAD~9')).toMatch(/historiken räcker så långt bakåt/);
    repo.git('remote', 'add', 'upstream', 'https://git.example.org/planer.git');
    try {
      expect(message('upstream/revision-2026')).toMatch(/Hämta grenen från fjärrförrådet: git fetch upstream revision-2026\.$/);
      expect(message('gren')).toMatch(/hämta den vid behov \(git fetch upstream gren\)\.$/);
      expect(message('upstream/revision-2026')).not.toMatch(/upstream upstream/);
    } finally {
      repo.git('remote', 'remove', 'upstream');
    }
  });

  it('returns an unknown revision and a folder outside git as values with what to do', () => {
    expect(resolveRevision(location, 'finns-inte')).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringMatching(/^git känner inte till revisionen "finns-inte"/) }) });
    const outside = mkdtempSync(path.join(os.tmpdir(), 'sparbar-utanfor-'));
    try {
      expect(locateRepo(outside)).toEqual({ ok: false, error: expect.objectContaining({ message: expect.stringMatching(/ligger inte i ett git-förråd/) }) });
    } finally {
      rmSync(outside, { recursive: true });
    }
  });

  it('reads objects by id and by commit:path in one batch, leaving out names git does not have', () => {
    const r = readObjects(location, [`${sha['first']}:-planer/a b.md`, `${sha['first']}:-planer/saknas.md`, `${sha['move']}:-planer/d.md`]);
    if (!r.ok) throw r.error;
    expect([...r.value].map(([name, bytes]) => [name.split(':')[1], bytes.toString('utf8')])).toEqual([
      ['-planer/a b.md', 'ett\n'],
      ['-planer/d.md', 'tre\n'],
    ]);
    const files = readRevisionFiles(location, sha['move']!);
    expect(files.ok && files.value.files.map((f) => [f.path, Buffer.from(f.bytes).toString('utf8')])).toEqual([
      ['a b.md', 'ett\n'],
      ['d.md', 'tre\n'],
    ]);
  });

  it('follows a file back through its rename, newest first', () => {
    const log = readLog(location);
    if (!log.ok) throw log.error;
    const followed = followFiles(log.value, new Map([['-planer/d.md', 'd']]));
    expect(followed.get('d')!.map((v) => [v.entry.message, v.repoPath])).toEqual([
      ['Nytt namn', '-planer/d.md'],
      ['Första', '-planer/c.md'],
    ]);
    expect(describeCommit(location, sha['first']!)).toEqual({ commit: sha['first'], date: '2026-03-02T09:00:00+01:00', author: 'Anna Berg', message: 'Första' });
  });
});
