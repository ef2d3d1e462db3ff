// The change history of a plan from git, for the published site: per node, the commits that changed its file
// (date, author, message), following renames; per follow-up, when its assessment (or status, or outcome) was
// last changed. One `git log` and one `git cat-file --batch`, read-only. Outside a git checkout it says so.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { GitError, locateRepo, type RepoLocation } from '../diff/git-revision.js';
import type { FollowUp, Graph } from '../graph/types.js';
import { splitFrontmatter } from '../parse/frontmatter.js';

/** One commit as the site shows it. */
export interface HistoryEntry {
  commit: string;
  /** Author date, ISO 8601 with offset. */
  date: string;
  author: string;
  /** The commit message's first line. */
  message: string;
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
}

export type PlanHistory =
  | {
      available: true;
      /** True in a shallow clone (CI often fetches only the last commit): older history is missing. */
      shallow: boolean;
      /** Commits per file of the plans folder (path relative to the folder), newest first, following renames. */
      files: Record<string, HistoryEntry[]>;
      /** Commits per node key: those of the file the node is written in (a focus area written inside its goal shares the goal file's). */
      nodes: Record<string, HistoryEntry[]>;
      followUps: FollowUpHistory[];
    }
  | {
      available: false;
      /** Swedish, for the page: why there is no history. */
      reason: string;
    };

const RS = '\u001e';
const US = '\u001f';

function git(repo: RepoLocation, args: readonly string[], input?: string) {
  return spawnSync('git', args, {
    cwd: repo.top,
    input,
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
  });
}

interface LogCommit extends HistoryEntry {
  /** Changes: status letter and the paths (two for a rename or copy), relative to the repository top. */
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
  let repo: RepoLocation;
  try {
    repo = locateRepo(dir);
  } catch (error) {
    const detail = error instanceof GitError ? error.message : String(error);
    return { available: false, reason: `Ändringshistoriken kan inte visas: webbplatsen byggdes utanför en git-klon av planerna. (${detail})` };
  }
  const unavailable = (what: string): PlanHistory => ({ available: false, reason: `Ändringshistoriken kan inte visas: ${what}.` });
  const head = git(repo, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  if (head.status !== 0) return unavailable('förrådet har inga incheckningar ännu');
  const log = git(repo, ['log', '-M', '--name-status', '-z', `--format=${RS}%H${US}%aI${US}%an${US}%s`, '--', repo.prefix || '.']);
  if (log.status !== 0) return unavailable(`git log misslyckades (${log.stderr.toString('utf8').trim() || 'okänt fel'})`);
  const shallow = git(repo, ['rev-parse', '--is-shallow-repository']).stdout.toString('utf8').trim() === 'true';
  const commits = parseLog(log.stdout.toString('utf8'));

  const toRepo = (rel: string) => (repo.prefix ? `${repo.prefix}/${rel}` : rel);
  const wanted = new Set<string>([...graph.nodes.map((n) => n.source.file), ...graph.followUps.map((f) => f.source.file)]);
  // Newest to oldest: where each wanted file was called at that time; a rename moves the name back, an addition ends it.
  const track = new Map<string, string>([...wanted].map((rel) => [toRepo(rel), rel]));
  const files: Record<string, HistoryEntry[]> = {};
  /** For each wanted file: its path at each commit that touched it (for reading old versions). */
  const versions = new Map<string, { entry: HistoryEntry; repoPath: string; deleted: boolean }[]>();
  for (const c of commits) {
    const entry: HistoryEntry = { commit: c.commit, date: c.date, author: c.author, message: c.message };
    const moves: [string, string | undefined][] = [];
    for (const change of c.changes) {
      const current = change.paths[change.paths.length - 1]!;
      const rel = track.get(current);
      if (rel === undefined) continue;
      (files[rel] ??= []).push(entry);
      const list = versions.get(rel) ?? [];
      list.push({ entry, repoPath: current, deleted: change.status.startsWith('D') });
      versions.set(rel, list);
      if (change.status.startsWith('R')) moves.push([current, change.paths[0]]);
      else if (change.status.startsWith('A')) moves.push([current, undefined]);
    }
    for (const [from, to] of moves) {
      const rel = track.get(from)!;
      track.delete(from);
      if (to !== undefined) track.set(to, rel);
    }
  }
  const nodes: Record<string, HistoryEntry[]> = {};
  for (const n of graph.nodes) nodes[n.key] = files[n.source.file] ?? [];

  // Follow-ups: read every committed version of each follow-up file at once.
  const types = new Map(graph.nodes.map((n) => [n.key, n.type]));
  const followUps = graph.followUps.map((f) => ({ f, field: fieldOf(types, f), list: (versions.get(f.source.file) ?? []).filter((v) => !v.deleted) }));
  const objects = [...new Set(followUps.flatMap(({ list }) => list.map((v) => `${v.entry.commit}:${v.repoPath}`)))];
  const blobs = new Map<string, string>();
  if (objects.length > 0) {
    const batch = git(repo, ['cat-file', '--batch'], objects.join('\n') + '\n');
    if (batch.status === 0) {
      const buf = batch.stdout;
      let at = 0;
      for (const name of objects) {
        const eol = buf.indexOf(0x0a, at);
        if (eol < 0) break;
        const header = buf.subarray(at, eol).toString('utf8');
        at = eol + 1;
        if (header.endsWith(' missing')) continue;
        const size = Number(header.split(' ')[2]);
        blobs.set(name, buf.subarray(at, at + size).toString('utf8'));
        at += size + 1;
      }
    }
  }
  const out: FollowUpHistory[] = followUps.map(({ f, field, list }) => {
    const valueAt = (i: number) => valueIn(blobs.get(`${list[i]!.entry.commit}:${list[i]!.repoPath}`), field);
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
    return { node: f.node, period: f.period, file: f.source.file, field, lastChanged, uncommitted: committed === undefined || worktree !== committed };
  });
  return { available: true, shallow, files, nodes, followUps: out };
}
