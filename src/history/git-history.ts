// The change history of a plan from git, for the published site: per node, the commits that changed its file
// (date, author, message, and what changed in words), following renames; per follow-up, when its assessment (or status, or outcome) was
// last changed. One `git log --raw` (which names each version's blob) and one `git cat-file --batch` for the blobs,
// each blob read and parsed once however many versions share it; read-only. Outside a git checkout it says so.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { followFiles, readLog, type FileVersion } from '../git/log.js';
import { readObjects } from '../git/objects.js';
import { hasCommits, isShallow, locateRepo, type CommitInfo, type RepoLocation } from '../git/repo.js';
import type { GitResult } from '../git/run-git.js';
import type { FollowUp, Graph } from '../graph/types.js';
import { describeRead, readVersionText, type VersionText } from './describe-version.js';

export { parseLog } from '../git/log.js';

/** One commit as the site shows it. */
export type HistoryEntry = CommitInfo;

/** One commit of a node's file, with what it changed in plain Swedish (./describe-version.ts); empty when unknown (the oldest commit of a shallow clone). */
export interface NodeHistoryEntry extends HistoryEntry {
  changes: string[];
}

export interface FollowUpHistory {
  node: string;
  period: string;
  /** The follow-up's file, relative to the plans folder. */
  file: string;
  /** Which value the history follows: bedömning (goals, focus areas, principles), status (actions) or utfall (indicators). */
  field: 'bedömning' | 'status' | 'utfall';
  /** The commit that last changed that value (or created the file with it); null when not committed yet or not found. */
  lastChanged: HistoryEntry | null;
  /** True when the file in the work tree differs from the last commit in that value (changed but not committed). */
  uncommitted: boolean;
  /** Every commit of the follow-up's file, newest first, with what it changed in words (the oldest one created it, except in a shallow clone). */
  commits: NodeHistoryEntry[];
}

export type PlanHistory =
  | {
      available: true;
      /** True in a shallow clone (CI often fetches only the last commit): older history is missing. */
      shallow: boolean;
      /** Commits per file of the plans folder (path relative to the folder), newest first, following renames. */
      files: Record<string, NodeHistoryEntry[]>;
      /** Commits per node key: those of the file the node is written in (a focus area written inside its goal shares the goal file's). */
      nodes: Record<string, NodeHistoryEntry[]>;
      followUps: FollowUpHistory[];
    }
  | {
      available: false;
      /** Swedish, for the page: why there is no history. */
      reason: string;
    };

const fieldOf = (types: ReadonlyMap<string, string>, f: FollowUp): FollowUpHistory['field'] => {
  const type = types.get(f.node);
  return type === 'aktivitet' ? 'status' : type === 'indikator' ? 'utfall' : 'bedömning';
};

/** The value of `field` in a file version read with readVersionText, as text for comparing (undefined when unreadable). */
function valueIn(read: VersionText | null | undefined, field: string): string | undefined {
  if (read === null || read === undefined) return undefined;
  const data = read.data as Record<string, unknown> | null;
  try {
    return data && typeof data === 'object' ? JSON.stringify(data[field] ?? null) : undefined;
  } catch {
    return undefined;
  }
}

/** The blob id git gives `bytes` (`git hash-object`), in the repository's hash (SHA-1, or SHA-256 when `like` is 64 digits long). */
function blobId(bytes: Buffer, like: string): string {
  return createHash(like.length === 64 ? 'sha256' : 'sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/**
 * The history of the plans folder `dir` for the nodes and follow-ups of `graph` (built from the same folder).
 * Never throws: outside a git checkout, without git, or on a git failure it returns `available: false` with a reason.
 */
export function readPlanHistory(dir: string, graph: Graph): PlanHistory {
  return readPlanHistoryInto(dir, graph, new Map());
}

/**
 * readPlanHistory, keeping the blobs it reads in `blobs` (by object id) for a later reader of the same repository
 * (the adopted revision shares most of its blobs with the history). Blobs already in `blobs` are not read again.
 * `located`: locateRepo(dir)'s answer, when the caller has it.
 */
export function readPlanHistoryInto(dir: string, graph: Graph, blobs: Map<string, Buffer>, located: GitResult<RepoLocation> = locateRepo(dir)): PlanHistory {
  if (!located.ok) {
    return { available: false, reason: `Ändringshistoriken kan inte visas: webbplatsen byggdes utanför en git-klon av planerna. (${located.error.message})` };
  }
  const repo = located.value;
  const unavailable = (what: string): PlanHistory => ({ available: false, reason: `Ändringshistoriken kan inte visas: ${what}.` });
  const log = readLog(repo);
  // Asked only when the log failed (a repository without commits is one reason): one git command less otherwise.
  if (!log.ok) return unavailable(hasCommits(repo) ? log.error.message : 'förrådet har inga incheckningar ännu');
  const shallow = isShallow(repo);

  const toRepo = (rel: string) => (repo.prefix ? `${repo.prefix}/${rel}` : rel);
  const wanted = new Set<string>([...graph.nodes.map((n) => n.source.file), ...graph.followUps.map((f) => f.source.file)]);
  /** For each wanted file (relative to the plans folder): the commits that touched it, following renames, newest first. */
  const versions = followFiles(log.value, new Map([...wanted].map((rel) => [toRepo(rel), rel])));
  // Follow-ups: read every committed version of each follow-up file at once.
  const types = new Map(graph.nodes.map((n) => [n.key, n.type]));
  const followUps = graph.followUps.map((f) => ({ f, field: fieldOf(types, f), list: (versions.get(f.source.file) ?? []).filter((v) => !v.deleted) }));
  // Every committed version of every node file and follow-up file, read at once: by blob id, each blob once (a
  // version the log gave no blob for is named by commit and path).
  const nodeFiles = [...versions].map(([rel, list]) => ({ rel, list }));
  const nameOf = (v: FileVersion) => v.object ?? `${v.entry.commit}:${v.repoPath}`;
  // The work tree's files, each read once (null when there is none or it cannot be read).
  const onDisk = new Map<string, Buffer | null>();
  const diskBytes = (rel: string): Buffer | null => {
    let bytes = onDisk.get(rel);
    if (bytes !== undefined) return bytes;
    try {
      // A file that is not there, or not a file, has no bytes (readFileSync throws).
      bytes = readFileSync(path.join(dir, rel));
    } catch {
      bytes = null;
    }
    onDisk.set(rel, bytes);
    return bytes;
  };
  // A file's newest version is usually the file in the work tree: when the bytes there are that blob (the same
  // object id), they are taken from there instead of from git. Uncommitted edits, or bytes that git's filters or
  // line-end conversion change, have another id and are read from git.
  for (const { rel, list } of nodeFiles) {
    const newest = list[0];
    if (newest === undefined || newest.deleted || newest.object === undefined || blobs.has(newest.object)) continue;
    const bytes = diskBytes(rel);
    if (bytes !== null && blobId(bytes, newest.object) === newest.object) blobs.set(newest.object, bytes);
  }
  const objectNames = new Set<string>();
  for (const { list } of [...nodeFiles, ...followUps]) for (const v of list) if (!v.deleted && !blobs.has(nameOf(v))) objectNames.add(nameOf(v));
  const read = readObjects(repo, [...objectNames]);
  // Without the old versions (git failed) every follow-up reads as changed in its newest commit.
  if (read.ok) for (const [name, bytes] of read.value) blobs.set(name, bytes);
  const known = read.ok ? blobs : new Map<string, Buffer>();
  // Each blob's text is read (frontmatter parsed) once, however many versions and comparisons share it.
  const readings = new Map<string, VersionText | null>();
  const readingOf = (name: string): VersionText | null | undefined => {
    if (readings.has(name)) return readings.get(name);
    const bytes = known.get(name);
    if (bytes === undefined) return undefined;
    const reading = readVersionText(bytes.toString('utf8'));
    readings.set(name, reading);
    return reading;
  };
  const textOf = (v: FileVersion | undefined): (() => VersionText | null) | undefined => {
    if (v === undefined || v.deleted) return undefined;
    const name = nameOf(v);
    // A version git did not give reads as an empty text (no frontmatter).
    return known.has(name) ? () => readingOf(name)! : undefined;
  };
  const emptyText = () => null;
  const files: Record<string, NodeHistoryEntry[]> = {};
  for (const { rel, list } of nodeFiles) {
    files[rel] = list.map((v, i) => {
      const before = list[i + 1];
      // The oldest commit of a shallow clone may not be the one that created the file: what it changed is unknown.
      const unknown = before === undefined && shallow;
      const changes = !read.ok || unknown ? [] : describeRead(textOf(before), v.deleted ? undefined : (textOf(v) ?? emptyText), before !== undefined && before.repoPath !== v.repoPath);
      return { ...v.entry, changes };
    });
  }
  const nodes: Record<string, NodeHistoryEntry[]> = {};
  for (const n of graph.nodes) nodes[n.key] = files[n.source.file] ?? [];
  const out: FollowUpHistory[] = followUps.map(({ f, field, list }) => {
    const valueAt = (i: number) => valueIn(readingOf(nameOf(list[i]!)), field);
    let lastChanged: HistoryEntry | null = null;
    for (let i = 0; i < list.length; i++) {
      // The newest commit whose value differs from the version before it (or that created the file).
      if (i === list.length - 1 || valueAt(i) !== valueAt(i + 1)) {
        lastChanged = list[i]!.entry;
        break;
      }
    }
    const newest = list[0]?.object;
    const bytes = diskBytes(f.source.file);
    // The work tree's file as committed (the same blob) holds the committed value: nothing to parse or compare. (Its
    // frontmatter is readable: the check made the follow-up `f` of these bytes.) Otherwise both values are read.
    let uncommitted = false;
    if (bytes === null || newest === undefined || !known.has(newest) || blobId(bytes, newest) !== newest) {
      let worktree: string | undefined;
      try {
        worktree = bytes === null ? undefined : valueIn(readVersionText(bytes.toString('utf8')), field);
      } catch {
        worktree = undefined;
      }
      const committed = list.length > 0 ? valueAt(0) : undefined;
      uncommitted = committed === undefined || worktree !== committed;
    }
    return { node: f.node, period: f.period, file: f.source.file, field, lastChanged, uncommitted, commits: files[f.source.file] ?? [] };
  });
  return { available: true, shallow, files, nodes, followUps: out };
}
