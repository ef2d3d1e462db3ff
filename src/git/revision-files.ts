// A plans folder as it was at a commit, read with git's plumbing (ls-tree, cat-file): read-only commands that
// never touch the work tree or the index.
import path from 'node:path';
import { MessageSink, type CheckMessage } from '../messages/report.js';
import { listTree, readObjects } from './objects.js';
import type { RepoLocation } from './repo.js';
import { ok, type GitResult } from './run-git.js';

/** A file's path relative to the plans folder (forward slashes) and its bytes, as `checkFiles` reads them. */
export interface RevisionFile {
  path: string;
  bytes: Uint8Array;
}

/** The files of a plans folder at a commit. */
export interface RevisionFiles {
  commit: string;
  /** False when the folder does not exist in that commit (then `files` is empty). */
  exists: boolean;
  files: RevisionFile[];
  /** Folder-level messages (symbolic links out of the folder), as checkPlans reports them. */
  messages: CheckMessage[];
}

const SKIPPED_DIRECTORIES = new Set(['node_modules']);

/**
 * The markdown files of the plans folder at `commit`, paths relative to the folder. Dot-folders and
 * node_modules are skipped as in the work tree; a symbolic link is read where it points when that is a file
 * inside the folder, and reported as `symlink-outside` otherwise. `known`: blobs already read from this
 * repository, by object id (the history's, in `sparbar build`), which are taken from there instead of from git.
 */
export function readRevisionFiles(repo: RepoLocation, commit: string, known: ReadonlyMap<string, Uint8Array> = new Map()): GitResult<RevisionFiles> {
  const listed = listTree(repo, commit);
  if (!listed.ok) return listed;
  const strip = (p: string) => (repo.prefix ? p.slice(repo.prefix.length + 1) : p);
  const inFolder = listed.value.filter((e) => !repo.prefix || e.path.startsWith(repo.prefix + '/'));
  const byPath = new Map(inFolder.map((e) => [strip(e.path), e]));
  const sink = new MessageSink();
  const wanted: { path: string; object: string }[] = [];
  for (const [rel, entry] of byPath) {
    const segments = rel.split('/');
    if (segments.some((s) => s.startsWith('.') || SKIPPED_DIRECTORIES.has(s))) continue;
    if (entry.type !== 'blob') continue;
    if (entry.mode === '120000' || rel.endsWith('.md')) wanted.push({ path: rel, object: entry.object });
  }
  const blobs = readObjects(
    repo,
    wanted.filter((w) => !known.has(w.object)).map((w) => w.object),
  );
  if (!blobs.ok) return blobs;
  const blobOf = (object: string): Uint8Array | undefined => known.get(object) ?? blobs.value.get(object);
  const files: RevisionFile[] = [];
  for (const w of wanted) {
    const entry = byPath.get(w.path)!;
    const bytes = blobOf(w.object);
    if (bytes === undefined) continue;
    if (entry.mode !== '120000') {
      files.push({ path: w.path, bytes });
      continue;
    }
    // A symbolic link: its blob is the target path.
    const link = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(w.path), link));
    const targetEntry = target.startsWith('../') || target === '..' || path.posix.isAbsolute(link) ? undefined : byPath.get(target);
    if (targetEntry === undefined) {
      sink.report('symlink-outside', 'Den symboliska länken pekar ut ur planmappen eller på något som inte finns och läses inte. Kopiera filen in i planmappen i stället för att länka till den.', {
        file: w.path,
        line: 1,
        column: 1,
      });
      continue;
    }
    if (!w.path.endsWith('.md') || targetEntry.type !== 'blob' || targetEntry.mode === '120000') continue;
    let targetBytes = blobOf(targetEntry.object);
    if (targetBytes === undefined) {
      const targetRead = readObjects(repo, [targetEntry.object]);
      if (!targetRead.ok) return targetRead;
      targetBytes = targetRead.value.get(targetEntry.object);
    }
    if (targetBytes !== undefined) files.push({ path: w.path, bytes: targetBytes });
  }
  return ok({ commit, exists: inFolder.length > 0, files, messages: sink.messages });
}
