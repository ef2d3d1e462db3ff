// History with renames: one `git log -M --raw` over a folder, and each file's commits followed back through its
// renames to where it was added, with the blob of each version (so that it is read by id, not by commit and path).
import type { CommitInfo, RepoLocation } from './repo.js';
import { fail, gitReason, ok, runGit, type GitResult } from './run-git.js';

const RS = '\u001e';
const US = '\u001f';

/** A commit of the log with what it changed. */
export interface LogCommit extends CommitInfo {
  /**
   * Changes: status letter (`A`, `M`, `D`, `R100`, …) and the paths (two for a rename or copy), relative to the
   * repository top; from `--raw` output also `object`, the blob id after the change (all zeros for a deletion).
   */
  changes: { status: string; paths: string[]; object?: string }[];
}

/**
 * Parses `git log -M --name-status -z --format=RS%H US %aI US %an US %s`, or the same with `--raw --no-abbrev`
 * instead of `--name-status` (each change then `:<mode> <mode> <blob> <blob> <status>` before its paths).
 */
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
      const token = tokens[i++]?.trim() ?? '';
      if (!token) continue;
      // `--raw`: `:100644 100644 <before> <after> M`; `--name-status`: the status alone.
      const raw = token.startsWith(':') ? token.split(' ') : undefined;
      const status = raw ? (raw[4] ?? '') : token;
      const count = status.startsWith('R') || status.startsWith('C') ? 2 : 1;
      const object = raw?.[3];
      changes.push(object === undefined ? { status, paths: tokens.slice(i, i + count) } : { status, paths: tokens.slice(i, i + count), object });
      i += count;
    }
    commits.push({ commit, date, author, message, changes });
  }
  return commits;
}

/** Every commit that changed something under the repository's `prefix`, newest first, with renames detected and each change's blob. */
export function readLog(repo: RepoLocation): GitResult<LogCommit[]> {
  const r = runGit(repo.top, ['log', '-M', '--raw', '--no-abbrev', '-z', `--format=${RS}%H${US}%aI${US}%an${US}%s`, '--', repo.prefix || '.']);
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
  /** The file's blob id in that commit, when the log gave it (`--raw`) and the commit did not delete the file. */
  object?: string;
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
      const deleted = change.status.startsWith('D');
      list.push(change.object === undefined || deleted ? { entry, repoPath: current, deleted } : { entry, repoPath: current, deleted, object: change.object });
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
