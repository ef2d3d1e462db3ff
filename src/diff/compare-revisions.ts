// Compares the plans folder at two git revisions (the head defaults to the work tree): reads both with git,
// checks both with the same pipeline as `sparbar check`, and diffs the graphs.
import { existsSync, statSync } from 'node:fs';
import { loadRuleSettings } from '../rules/settings.js';
import type { CheckCache } from '../check/check-cache.js';
import { checkFiles } from '../check/check-files.js';
import { checkPlans, type CheckOptions, type CheckResult } from '../check/check-plans.js';
import { severityOf } from '../messages/report.js';
import { danglingReferences, DIFF_FORMAT, DIFF_VERSION, diffGraphs, type PlanDiff } from './diff-graphs.js';
import { locateRepo, resolveRevision, type RepoLocation } from '../git/repo.js';
import { readRevisionFiles } from '../git/revision-files.js';
import { GitError, type GitResult } from '../git/run-git.js';

/** One side of the comparison as the report names it. */
export interface SideInfo {
  /** The revision as given (`main`, `v2024`, `HEAD~1`), or null for the work tree. */
  revision: string | null;
  /** The commit it names; null for the work tree. */
  commit: string | null;
  /** False when the plans folder does not exist on this side. */
  exists: boolean;
  files: number;
  errors: number;
  warnings: number;
}

/** The JSON of `sparbar diff --format json`. */
export interface PlanDiffReport extends PlanDiff {
  format: typeof DIFF_FORMAT;
  version: typeof DIFF_VERSION;
  /** The plans folder, relative to the repository's top. */
  folder: string;
  base: SideInfo;
  head: SideInfo;
}

export interface Comparison {
  report: PlanDiffReport;
  /** The full check of each side, for callers that want the messages or graphs. */
  base: CheckResult;
  head: CheckResult;
}

/** What a caller already has from git for the same plans folder, so that compareRevisions does not ask git for it again. */
export interface FromGit {
  /** Where the plans folder lies: locateRepo(dir)'s answer. */
  repo?: RepoLocation;
  /** Blobs of the repository by object id (see readRevisionFiles). */
  blobs?: ReadonlyMap<string, Uint8Array>;
  /**
   * The check cache the work tree's check used (`checkPlans(dir, { cache })`): a revision's files with the same path
   * and bytes take their outcome from it instead of being read and validated again.
   */
  checked?: CheckCache;
}

const counts = (r: CheckResult) => {
  const errors = r.messages.filter((m) => severityOf(m) === 'error').length;
  return { files: r.fileCount, errors, warnings: r.messages.length - errors };
};

/** The value, or its GitError thrown: compareRevisions reports git's problems by throwing (its public contract). */
function orThrow<T>(result: GitResult<T>): T {
  if (!result.ok) throw result.error;
  return result.value;
}

function checkRevision(repo: RepoLocation, revision: string, options: CheckOptions, known: FromGit): { info: SideInfo; result: CheckResult } {
  const commit = orThrow(resolveRevision(repo, revision));
  const read = orThrow(readRevisionFiles(repo, commit, known.blobs));
  const result = checkFiles(read.files, known.checked ? { ...options, cache: known.checked } : options, read.messages);
  return { info: { revision, commit, exists: read.exists, ...counts(result) }, result };
}

/**
 * The diff of the plans folder `dir` between `base` and `head` (a revision, or the work tree when omitted).
 * `workTree` is what `checkPlans(dir)` gave for the work tree just before (`sparbar build` has it): used as the
 * head side instead of checking the folder again, when it is the same check (no head revision, no options, and
 * the folder's rule settings without messages of their own, which checkPlans(dir) would add to it). `known`: the
 * repository and blobs of it the caller has already had from git, and the work tree check's cache (FromGit), so that
 * git is not asked for them again and files the same on both sides are not read twice.
 * Throws GitError (Swedish, with what to do) when git or a revision is missing, or the folder exists on neither side.
 */
export function compareRevisions(dir: string, base: string, head?: string, options: CheckOptions = {}, workTree?: CheckResult, known: FromGit = {}): Comparison {
  const repo = known.repo ?? orThrow(locateRepo(dir));
  const reuse = workTree !== undefined && head === undefined && Object.keys(options).length === 0;
  // Both sides are checked with the rules as the plans folder configures them now (a revision's own files are .md only).
  let ruleMessages = 0;
  if (options.rules === undefined) {
    const settings = loadRuleSettings(dir);
    ruleMessages = settings.messages.length;
    options = { ...options, rules: settings.settings };
  }
  const b = checkRevision(repo, base, options, known);
  let h: { info: SideInfo; result: CheckResult };
  if (head === undefined) {
    const exists = existsSync(dir) && statSync(dir).isDirectory();
    const result = reuse && ruleMessages === 0 && exists ? workTree : exists ? checkPlans(dir, options) : checkFiles([], options);
    h = { info: { revision: null, commit: null, exists, ...counts(result) }, result };
  } else {
    h = checkRevision(repo, head, options, known);
  }
  if (!b.info.exists && !h.info.exists) {
    const where = head === undefined ? 'i arbetskopian' : `i ${head}`;
    throw new GitError(`Planmappen "${repo.prefix || '.'}" finns varken i ${base} eller ${where}. Ange planmappen som sista argument, t.ex. sparbar diff ${base} plans.`);
  }
  const diff = diffGraphs(b.result.graph, h.result.graph, danglingReferences(h.result.messages));
  return {
    report: { format: DIFF_FORMAT, version: DIFF_VERSION, folder: repo.prefix || '.', base: b.info, head: h.info, ...diff },
    base: b.result,
    head: h.result,
  };
}
