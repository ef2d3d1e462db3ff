// History from git for the published site: each node's change history and when each follow-up's assessment
// was last changed (readPlanHistory), and per plan what has been revised since it was adopted
// (planSinceAdoption against the revision in `antagen_revision`). `sparbar build` works this out beside the
// graph and hands it to the Astro build (SPARBAR_HISTORY); outside a git checkout the pages say so.
import { planSinceAdoption, type SinceAdoption } from '../diff/since-adoption.js';
import { describeCommit as gitDescribeCommit, locateRepo } from '../git/repo.js';
import { withoutMachinePaths } from './machine-paths.js';
import type { CheckResult } from '../check/check-plans.js';
import type { CheckCache } from '../check/check-cache.js';
import type { Graph } from '../graph/types.js';
import { readPlanHistoryInto, type FollowUpHistory, type NodeHistoryEntry } from '../history/git-history.js';
import { adoptionView, type AdoptedCommit, type AdoptionView } from './adoption-view.js';
import { ADOPTION_KEY } from './history-constants.js';
import type { SiteConfig } from './site-config.js';

export { ADOPTION_KEY, SINCE_ADOPTION_SEGMENT } from './history-constants.js';

/** What the site shows; plain JSON, the same for the same repository state. */
export type SiteHistory = {
  /** Each plan's "Ändringar sedan antagandet", by plan key. */
  adoption: Record<string, AdoptionView>;
} & (
  | {
      available: true;
      /** A shallow clone: older commits are missing. */
      shallow: boolean;
      /** Commits per node key, newest first (those of the file the node is written in). */
      nodes: Record<string, NodeHistoryEntry[]>;
      followUps: FollowUpHistory[];
    }
  | { available: false; reason: string }
);

/** The adopted revision of each plan, by plan key, from the configuration; errors name an unknown plan id. */
export function adoptedRevisions(setting: SiteConfig['adoptedRevision'], graph: Graph): { revisions: Map<string, string>; errors: string[] } {
  const plans = graph.nodes.filter((n) => n.type === 'plan');
  const revisions = new Map<string, string>();
  const errors: string[] = [];
  if (setting === null || setting === undefined) return { revisions, errors };
  if (typeof setting === 'string') {
    for (const p of plans) revisions.set(p.key, setting);
    return { revisions, errors };
  }
  const ids = new Map(plans.map((p) => [p.id, p.key]));
  for (const [id, revision] of Object.entries(setting)) {
    const key = ids.get(id);
    if (key === undefined) {
      const known = plans.map((p) => `"${p.id}"`).join(', ');
      errors.push(`${ADOPTION_KEY}.${id}: det finns ingen plan med id "${id}"${known ? ` (planerna heter ${known})` : ''}.`);
    } else revisions.set(key, revision);
  }
  return { revisions, errors };
}

/** What the change history says when the plans are not in a git repository. */
export const NOT_IN_GIT_HISTORY = 'Ändringshistoriken kan inte visas: webbplatsen byggdes utanför en git-klon av planerna.';
/** What "Ändringar sedan antagandet" says when the plans are not in a git repository. */
export const NOT_IN_GIT_ADOPTION = 'Jämförelsen med den antagna planen kan inte visas: webbplatsen byggdes utanför en git-klon av planerna.';


/**
 * The site's history for the plans folder `dir` and its checked `graph`, with the adopted revisions from
 * `adoptedRevisions`. `workTree`, when given, is the check `graph` came from (`checkPlans(dir)`), so that the
 * comparison with an adopted revision does not check the work tree again; `checked`, the check cache that check used
 * (`checkPlans(dir, { cache })`), so that the revision's files with the same bytes are not read again. Never throws:
 * what cannot be had from git is a Swedish reason on the page.
 */
export function siteHistory(dir: string, graph: Graph, revisions: ReadonlyMap<string, string>, workTree?: CheckResult, checked?: CheckCache): SiteHistory {
  const public_ = (reason: string) => withoutMachinePaths(reason, dir);
  // Located once, for the history, each adopted revision and its commit.
  const located = locateRepo(dir);
  if (!located.ok) {
    // Said in plain words: git's own message names the build machine's folder, which is not published.
    const adoption: Record<string, AdoptionView> = {};
    for (const plan of graph.nodes.filter((n) => n.type === 'plan')) {
      const revision = revisions.get(plan.key);
      adoption[plan.key] = adoptionView(plan.key, revision === undefined ? null : { available: false, reason: NOT_IN_GIT_ADOPTION }, { revision: revision ?? '' });
    }
    return { available: false, reason: NOT_IN_GIT_HISTORY, adoption };
  }
  // The blobs the history reads are those the adopted revisions mostly consist of: read once, for both.
  const blobs = new Map<string, Buffer>();
  const repo = located.value;
  const history = readPlanHistoryInto(dir, graph, blobs, located);
  const comparisons = new Map<string, SinceAdoption>();
  const adoption: Record<string, AdoptionView> = {};
  const policiesOf = (plan: string) => graph.edges.filter((e) => e.from === plan && e.type === 'implements').map((e) => e.to);
  for (const plan of graph.nodes.filter((n) => n.type === 'plan')) {
    const revision = revisions.get(plan.key);
    if (revision === undefined) {
      adoption[plan.key] = adoptionView(plan.key, null);
      continue;
    }
    let since = comparisons.get(revision);
    if (!since) {
      since = planSinceAdoption(dir, revision, workTree, { repo, blobs, ...(checked ? { checked } : {}) });
      comparisons.set(revision, since);
    }
    const commit: AdoptedCommit | null = since.available && since.report.base.commit ? gitDescribeCommit(repo, since.report.base.commit) : null;
    adoption[plan.key] = adoptionView(plan.key, since.available ? since : { available: false, reason: public_(since.reason) }, { revision, policies: policiesOf(plan.key), commit });
  }
  if (!history.available) return { available: false, reason: public_(history.reason), adoption };
  return { available: true, shallow: history.shallow, nodes: history.nodes, followUps: history.followUps, adoption };
}
