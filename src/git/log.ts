// History with renames: one `git log -M --name-status` over a folder, and each file's commits followed back
// through its renames to where it was added.
import type { CommitInfo, RepoLocation } from './repo.js';
import { fail, gitReason, ok, runGit, type GitResult } from './run-git.js';

const RS = '\u001e';
const US = '\u001f';

/** A commit of the log with what it changed. */
export interface LogCommit extends CommitInfo {
  /** Changes: status letter (`A`, `M`, `D`, `R100`, …) and the paths (two for a rename or copy), relative to the repository top. */
  changes: { status: string; paths: string[] }[];
}

/** Parses `git log -M --name-status -z --format=RS%H US %aI US %an US %s`. */
export function parseLog(out: string): LogCommit[] {
  const commits: LogCommit[] = [];
  for (const record of out.split(RS)) {
    if (!record) continue;
    const headerEnd = record.indexOf('\0');
    const header = headerEnd === -1 ? record : record.slice(0, headerEnd);
    const [commit = '', date = '', author = '', message = ''] = header.split(US);
    const tokens = (headerEnd === -1 ? '' : record.slice(headerEnd + 1)).replace(/^\n/, '').split('\0');
    const changes: LogCommit['changes'] = [];
    for (let i = 0; i < tokens.length; ) {
      const status = tokens[i++]?.trim() ?? '';
      if (!status) continue;
      const count = status.startsWith('R') || status.startsWith('C') ? 2 : 1;
      changes.push({ status, paths: tokens.slice(i, i + count) });
      i += count;
    }
    commits.push({ commit, date, author, message, changes });
  }
  return commits;
}

/** Every commit that changed something under the repository's `prefix`, newest first, with renames detected. */
export function readLog(repo: RepoLocation): GitResult<LogCommit[]> {
  const r = runGit(repo.top, ['log', '-M', '--name-status', '-z', `--format=${RS}%H${US}%aI${US}%an${US}%s`, '--', repo.prefix || '.']);
  if (r.status !== 0) return fail(`git log misslyckades (${gitReason(r)})`);
  return ok(parseLog(r.stdout.toString('utf8')));
}

/** A commit that touched a followed file, with the file's path at that commit (for reading that version). */
export interface FileVersion {
  entry: CommitInfo;
  /** The file's path from the repository top in that commit. */
  repoPath: string;
  /** True when the commit deleted the file. */
  deleted: boolean;
}

/**
 * Follows files back through `commits` (newest first, as `readLog` gives them): for each file named by
 * `wanted` (its path from the repository top → the caller's name for it), the commits that touched it under
 * any of its earlier names, newest first. A rename moves the name back; the commit that added the file ends it.
 */
export function followFiles(commits: readonly LogCommit[], wanted: ReadonlyMap<string, string>): Map<string, FileVersion[]> {
  const track = new Map(wanted);
  const versions = new Map<string, FileVersion[]>();
  for (const c of commits) {
    const entry: CommitInfo = { commit: c.commit, date: c.date, author: c.author, message: c.message };
    const moves: [string, string | undefined][] = [];
    for (const change of c.changes) {
      const current = change.paths[change.paths.length - 1]!;
      const name = track.get(current);
      if (name === undefined) continue;
      const list = versions.get(name) ?? [];
      list.push({ entry, repoPath: current, deleted: change.status.startsWith('D') });
      versions.set(name, list);
      if (change.status.startsWith('R')) moves.push([current, change.paths[0]]);
      else if (change.status.startsWith('A')) moves.push([current, undefined]);
    }
    for (const [from, to] of moves) {
      const name = track.get(from)!;
      track.delete(from);
      if (to !== undefined) track.set(to, name);
    }
  }
  return versions;
}
