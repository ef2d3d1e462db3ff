// The plan as adopted (a git tag or revision, named in the site's configuration) against the plan as it is now
// (the work tree): the data for the site's "what has been revised since adoption" page. Never throws.
import type { CheckResult } from '../check/check-plans.js';
import { compareRevisions, type FromGit, type PlanDiffReport } from './compare-revisions.js';
import { isEmptyDiff } from './diff-graphs.js';
import { formatDiffMarkdown } from './format-markdown.js';
import { GitError } from '../git/run-git.js';

export type SinceAdoption =
  | {
      available: true;
      /** The revision as configured, e.g. `antagen-2024-02-14`. */
      revision: string;
      /** The same JSON as `sparbar diff <revision> --format json`. */
      report: PlanDiffReport;
      /** True when nothing has been revised. */
      unchanged: boolean;
      /** The same summary as `sparbar diff <revision>`: Swedish markdown grouped by goal, safe to render. */
      markdown: string;
    }
  | {
      available: false;
      /** Swedish, for the page: why the comparison cannot be shown (no git checkout, unknown tag, …). */
      reason: string;
    };

/**
 * What has changed in the plans folder `dir` since `revision` (the adopted plan). `workTree`: what
 * `checkPlans(dir)` gave just before, so the work tree is not checked again (see compareRevisions); `known`: the
 * repository and blobs of it already had from git (the history's), so that git is not asked for them again.
 */
export function planSinceAdoption(dir: string, revision: string, workTree?: CheckResult, known?: FromGit): SinceAdoption {
  try {
    const { report } = compareRevisions(dir, revision, undefined, {}, workTree, known);
    return { available: true, revision, report, unchanged: isEmptyDiff(report), markdown: formatDiffMarkdown(report) };
  } catch (error) {
    if (error instanceof GitError) return { available: false, reason: `Jämförelsen med den antagna planen kan inte visas: ${error.message}` };
    return { available: false, reason: `Jämförelsen med den antagna planen kan inte visas: ett internt fel i Spårbar (${error instanceof Error ? error.message : String(error)}).` };
  }
}
