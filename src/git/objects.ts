// Reading a revision's tree and objects: `git ls-tree` for what is there, one `git cat-file --batch` for the bytes.
import type { RepoLocation } from './repo.js';
import { fail, gitReason, ok, runGit, type GitResult } from './run-git.js';

/** One entry of a tree: mode (`100644`, `120000` for a symbolic link), type (`blob`, `tree`, `commit`), object id, path from the top. */
export interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  path: string;
}

/** Every entry of `commit`, recursively, under the repository's `prefix` (the whole tree when it is ''); paths relative to the top. */
export function listTree(repo: RepoLocation, commit: string): GitResult<TreeEntry[]> {
  const args = ['ls-tree', '-r', '-z', '--full-tree', commit];
  if (repo.prefix) args.push('--', repo.prefix);
  const r = runGit(repo.top, args);
  if (r.status !== 0) return fail(`git ls-tree misslyckades för ${commit}: ${gitReason(r)}.`);
  const entries: TreeEntry[] = [];
  for (const record of r.stdout.toString('utf8').split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    const [mode = '', type = '', object = ''] = record.slice(0, tab).split(' ');
    entries.push({ mode, type, object, path: record.slice(tab + 1) });
  }
  return ok(entries);
}

/**
 * The contents of objects by name, with one `git cat-file --batch --buffer`: object ids (`3b18e51…`) or
 * `<commit>:<path>` names. Names git does not have (`missing`, `ambiguous`) are left out of the map.
 * A name must not contain a line break (one name per input line). Object ids are the cheaper names: for a
 * `<commit>:<path>` git walks the commit's trees down to the file, for each name.
 */
export function readObjects(repo: RepoLocation, names: readonly string[]): GitResult<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const unique = [...new Set(names)];
  if (unique.length === 0) return ok(out);
  const r = runGit(repo.top, ['cat-file', '--batch', '--buffer'], unique.join('\n') + '\n');
  if (r.status !== 0) return fail(`git cat-file misslyckades: ${gitReason(r)}.`);
  const buf = r.stdout;
  let at = 0;
  for (const name of unique) {
    const eol = buf.indexOf(0x0a, at);
    if (eol < 0) break;
    const header = buf.subarray(at, eol).toString('utf8');
    at = eol + 1;
    // `<oid> <type> <size>` then the contents and a line feed; `<name> missing` (or `ambiguous`) alone.
    if (header.endsWith(' missing') || header.endsWith(' ambiguous')) continue;
    const [, kind, size] = header.split(' ');
    if (kind === undefined || size === undefined) continue;
    const n = Number(size);
    out.set(name, buf.subarray(at, at + n));
    at += n + 1;
  }
  return ok(out);
}
