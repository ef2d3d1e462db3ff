// The change history of a plan from git, for the published site: per node, the commits that changed its file
// (date, author, message, and what changed in words), following renames; per follow-up, when its assessment (or status, or outcome) was
// last changed. One `git log` and one `git cat-file --batch`, read-only. Outside a git checkout it says so.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { followFiles, readLog, type FileVersion } from '../git/log.js';
import { readObjects } from '../git/objects.js';
import { hasCommits, isShallow, locateRepo, type CommitInfo } from '../git/repo.js';
import type { FollowUp, Graph } from '../graph/types.js';
import { splitFrontmatter } from '../parse/frontmatter.js';
import { describeVersion } from './describe-version.js';

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

/** The value of `field` in a file's frontmatter, as text for comparing (undefined when unreadable). */
function valueIn(text: string | undefined, field: string): string | undefined {
  if (text === undefined) return undefined;
  const split = splitFrontmatter(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  if (split.kind !== 'frontmatter') return undefined;
  try {
    const data = parse(split.yaml, { maxAliasCount: 100 }) as Record<string, unknown> | null;
    return data && typeof data === 'object' ? JSON.stringify(data[field] ?? null) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The history of the plans folder `dir` for the nodes and follow-ups of `graph` (built from the same folder).
 * Never throws: outside a git checkout, without git, or on a git failure it returns `available: false` with a reason.
 */
export function readPlanHistory(dir: string, graph: Graph): PlanHistory {
  const located = locateRepo(dir);
  if (!located.ok) {
    return { available: false, reason: `Ändringshistoriken kan inte visas: webbplatsen byggdes utanför en git-klon av planerna. (${located.error.message})` };
  }
  const repo = located.value;
  const unavailable = (what: string): PlanHistory => ({ available: false, reason: `Ändringshistoriken kan inte visas: ${what}.` });
  if (!hasCommits(repo)) return unavailable('förrådet har inga incheckningar ännu');
  const log = readLog(repo);
  if (!log.ok) return unavailable(log.error.message);
  const shallow = isShallow(repo);

  const toRepo = (rel: string) => (repo.prefix ? `${repo.prefix}/${rel}` : rel);
  const wanted = new Set<string>([...graph.nodes.map((n) => n.source.file), ...graph.followUps.map((f) => f.source.file)]);
  /** For each wanted file (relative to the plans folder): the commits that touched it, following renames, newest first. */
  const versions = followFiles(log.value, new Map([...wanted].map((rel) => [toRepo(rel), rel])));
  // Follow-ups: read every committed version of each follow-up file at once.
  const types = new Map(graph.nodes.map((n) => [n.key, n.type]));
  const followUps = graph.followUps.map((f) => ({ f, field: fieldOf(types, f), list: (versions.get(f.source.file) ?? []).filter((v) => !v.deleted) }));
  // Every committed version of every node file and follow-up file, read at once.
  const nodeFiles = [...versions].map(([rel, list]) => ({ rel, list }));
  const objectNames = new Set<string>();
  for (const { list } of [...nodeFiles, ...followUps]) for (const v of list) if (!v.deleted) objectNames.add(`${v.entry.commit}:${v.repoPath}`);
  const read = readObjects(repo, [...objectNames]);
  // Without the old versions (git failed) every follow-up reads as changed in its newest commit.
  const blobs = read.ok ? read.value : new Map<string, Buffer>();
  const textOf = (v: FileVersion | undefined) => (v === undefined || v.deleted ? undefined : blobs.get(`${v.entry.commit}:${v.repoPath}`)?.toString('utf8'));
  const files: Record<string, NodeHistoryEntry[]> = {};
  for (const { rel, list } of nodeFiles) {
    files[rel] = list.map((v, i) => {
      const before = list[i + 1];
      // The oldest commit of a shallow clone may not be the one that created the file: what it changed is unknown.
      const unknown = before === undefined && shallow;
      const changes = !read.ok || unknown ? [] : describeVersion(textOf(before), v.deleted ? undefined : (textOf(v) ?? ''), before !== undefined && before.repoPath !== v.repoPath);
      return { ...v.entry, changes };
    });
  }
  const nodes: Record<string, NodeHistoryEntry[]> = {};
  for (const n of graph.nodes) nodes[n.key] = files[n.source.file] ?? [];
  const out: FollowUpHistory[] = followUps.map(({ f, field, list }) => {
    const valueAt = (i: number) => valueIn(blobs.get(`${list[i]!.entry.commit}:${list[i]!.repoPath}`)?.toString('utf8'), field);
    let lastChanged: HistoryEntry | null = null;
    for (let i = 0; i < list.length; i++) {
      // The newest commit whose value differs from the version before it (or that created the file).
      if (i === list.length - 1 || valueAt(i) !== valueAt(i + 1)) {
        lastChanged = list[i]!.entry;
        break;
      }
    }
    const abs = path.join(dir, f.source.file);
    let worktree: string | undefined;
    try {
      worktree = existsSync(abs) ? valueIn(readFileSync(abs, 'utf8'), field) : undefined;
    } catch {
      worktree = undefined;
    }
    const committed = list.length > 0 ? valueAt(0) : undefined;
    return { node: f.node, period: f.period, file: f.source.file, field, lastChanged, uncommitted: committed === undefined || worktree !== committed, commits: files[f.source.file] ?? [] };
  });
  return { available: true, shallow, files, nodes, followUps: out };
}
