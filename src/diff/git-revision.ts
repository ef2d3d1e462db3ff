// Reads a plans folder as it was at a git revision, with git's own plumbing (rev-parse, ls-tree, cat-file):
// read-only commands that never touch the work tree or the index.
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { PlanFileBytes } from '../check/check-files.js';
import { MessageSink, type CheckMessage } from '../messages/report.js';

/** A problem with git or a revision, in Swedish with what to do; the CLI exits 2 on it. */
export class GitError extends Error {}

const SKIPPED_DIRECTORIES = new Set(['node_modules']);
const MAX_BUFFER = 1024 * 1024 * 1024;

/** Runs git read-only; stdout as bytes. Optional locks are off so not even the index's stat cache is refreshed. */
function git(cwd: string, args: readonly string[], input?: string): { status: number | null; stdout: Buffer; stderr: string; error?: Error } {
  const r = spawnSync('git', args, {
    cwd,
    input,
    maxBuffer: MAX_BUFFER,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
  });
  return { status: r.status, stdout: r.stdout ?? Buffer.alloc(0), stderr: r.stderr?.toString('utf8') ?? '', ...(r.error ? { error: r.error } : {}) };
}

/** Where a plans folder lies in its repository. */
export interface RepoLocation {
  /** The repository's top folder (absolute). */
  top: string;
  /** The plans folder relative to the top, with forward slashes; '' when it is the top itself. */
  prefix: string;
}

/** Finds the repository that holds `dir` (which need not exist in the work tree); GitError when there is none. */
export function locateRepo(dir: string): RepoLocation {
  const absolute = path.resolve(dir);
  // The nearest folder that exists: the plans folder may exist only in the revisions.
  let existing = absolute;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  const r = git(existing, ['rev-parse', '--show-toplevel']);
  if (r.error) throw new GitError(`git gick inte att köra (${r.error.message}). Installera git och se till att kommandot git finns i PATH.`);
  if (r.status !== 0) throw new GitError(`Mappen "${dir}" ligger inte i ett git-förråd. Kör kommandot i en klon av planens förråd.`);
  const top = r.stdout.toString('utf8').trim();
  const realExisting = realpathSync(existing);
  const realTop = realpathSync(top);
  const rel = path.relative(realTop, path.join(realExisting, path.relative(existing, absolute)));
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new GitError(`Mappen "${dir}" ligger utanför git-förrådet ${top}.`);
  return { top: realTop, prefix: rel.split(path.sep).filter(Boolean).join('/') };
}

/** The commit a revision names (branch, tag, sha, HEAD~1 …), or GitError when git does not know it. */
export function resolveRevision(repo: RepoLocation, revision: string): string {
  if (revision === '' || revision.startsWith('-')) throw new GitError(`"${revision}" är ingen revision. Ange en gren, en tagg eller en commit, t.ex. main eller HEAD~1.`);
  const r = git(repo.top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
  if (r.status !== 0) {
    throw new GitError(
      `git känner inte till revisionen "${revision}". Kontrollera namnet (git branch -a, git tag) och hämta den vid behov (git fetch origin ${revision}); en grund klon (fetch-depth 1) saknar äldre commits.`,
    );
  }
  return r.stdout.toString('utf8').trim();
}

/** The files of a plans folder at a commit. */
export interface RevisionFiles {
  commit: string;
  /** False when the folder does not exist in that commit (then `files` is empty). */
  exists: boolean;
  files: PlanFileBytes[];
  /** Folder-level messages (symbolic links out of the folder), as checkPlans reports them. */
  messages: CheckMessage[];
}

interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  path: string;
}

/** Every entry under `prefix` at `commit`, recursively, paths relative to the repository top. */
function listTree(repo: RepoLocation, commit: string): TreeEntry[] {
  const args = ['ls-tree', '-r', '-z', '--full-tree', commit];
  if (repo.prefix) args.push('--', repo.prefix);
  const r = git(repo.top, args);
  if (r.status !== 0) throw new GitError(`git ls-tree misslyckades för ${commit}: ${r.stderr.trim() || 'okänt fel'}.`);
  const entries: TreeEntry[] = [];
  for (const record of r.stdout.toString('utf8').split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    const [mode = '', type = '', object = ''] = record.slice(0, tab).split(' ');
    entries.push({ mode, type, object, path: record.slice(tab + 1) });
  }
  return entries;
}

/** The contents of blobs by object id, with one `git cat-file --batch`. */
export function readBlobs(repo: RepoLocation, objects: readonly string[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const unique = [...new Set(objects)];
  if (unique.length === 0) return out;
  const r = git(repo.top, ['cat-file', '--batch'], unique.join('\n') + '\n');
  if (r.status !== 0) throw new GitError(`git cat-file misslyckades: ${r.stderr.trim() || 'okänt fel'}.`);
  const buf = r.stdout;
  let at = 0;
  for (const object of unique) {
    const eol = buf.indexOf(0x0a, at);
    if (eol < 0) break;
    const header = buf.subarray(at, eol).toString('utf8');
    at = eol + 1;
    const [, kind, size] = header.split(' ');
    if (kind === undefined || size === undefined || header.endsWith(' missing')) continue;
    const n = Number(size);
    out.set(object, buf.subarray(at, at + n));
    at += n + 1;
  }
  return out;
}

/**
 * The markdown files of the plans folder at `commit`, as checkFiles wants them (paths relative to the folder).
 * Dot-folders and node_modules are skipped like in the work tree; a symbolic link is read where it points
 * when that is a file inside the folder, and reported as symlink-outside otherwise.
 */
export function readRevisionFiles(repo: RepoLocation, commit: string): RevisionFiles {
  const entries = listTree(repo, commit);
  const strip = (p: string) => (repo.prefix ? p.slice(repo.prefix.length + 1) : p);
  const inFolder = entries.filter((e) => !repo.prefix || e.path.startsWith(repo.prefix + '/'));
  const byPath = new Map(inFolder.map((e) => [strip(e.path), e]));
  const sink = new MessageSink();
  const wanted: { path: string; object: string }[] = [];
  for (const [rel, entry] of byPath) {
    const segments = rel.split('/');
    if (segments.some((s) => s.startsWith('.') || SKIPPED_DIRECTORIES.has(s))) continue;
    if (entry.type !== 'blob') continue;
    if (entry.mode === '120000') {
      wanted.push({ path: rel, object: entry.object });
      continue;
    }
    if (rel.endsWith('.md')) wanted.push({ path: rel, object: entry.object });
  }
  const blobs = readBlobs(
    repo,
    wanted.map((w) => w.object),
  );
  const files: PlanFileBytes[] = [];
  for (const w of wanted) {
    const entry = byPath.get(w.path)!;
    const bytes = blobs.get(w.object);
    if (bytes === undefined) continue;
    if (entry.mode !== '120000') {
      files.push({ path: w.path, bytes });
      continue;
    }
    // A symbolic link: its blob is the target path.
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(w.path), bytes.toString('utf8')));
    const targetEntry = target.startsWith('../') || target === '..' || path.posix.isAbsolute(bytes.toString('utf8')) ? undefined : byPath.get(target);
    if (targetEntry === undefined) {
      sink.report('symlink-outside', 'Den symboliska länken pekar ut ur planmappen eller på något som inte finns och läses inte. Kopiera filen in i planmappen i stället för att länka till den.', {
        file: w.path,
        line: 1,
        column: 1,
      });
      continue;
    }
    if (!w.path.endsWith('.md') || targetEntry.type !== 'blob' || targetEntry.mode === '120000') continue;
    const targetBytes = readBlobs(repo, [targetEntry.object]).get(targetEntry.object);
    if (targetBytes !== undefined) files.push({ path: w.path, bytes: targetBytes });
  }
  return { commit, exists: inFolder.length > 0, files, messages: sink.messages };
}
