// How kommunstyrelsen (or another organ) handled a follow-up period, as the plan records it (`behandlingar`:
// organ, meeting date, §, diarienummer, decision), and which of the period's follow-ups were changed in git
// after that meeting: the auditors judge the report the board handled, so a later change must be said
// (kommunallagen 12 kap.; issue 13). Pure: reads the site model and the history the build read from git.
import type { NodeHistoryEntry } from '../history/git-history.js';
import type { SiteModel } from './model.js';

/** One handling of a follow-up period. Dates are ÅÅÅÅ-MM-DD. */
export interface BoardHandling {
  period: string;
  /** The organ, as written: `Kommunstyrelsen`. */
  organ: string;
  date: string;
  /** `§ 141`, or null when not written. */
  paragraph: string | null;
  registrationNumber: string | null;
  /** The decision in words, or null. */
  decision: string | null;
}

/** The handling of `period` that `planKey`'s file records (the last one written, should there be two); null when none. */
export function boardHandling(model: SiteModel, planKey: string, period: string): BoardHandling | null {
  const plan = model.index.nodeOf(planKey, 'plan');
  const records = (plan?.fields.behandlingar ?? []).filter((b) => b.period === period);
  const b = records[records.length - 1];
  if (!b) return null;
  return { period, organ: b.organ, date: b.datum, paragraph: b.paragraf ?? null, registrationNumber: b.diarienummer ?? null, decision: b.beslut ?? null };
}

/** `kommunstyrelsen 17 september 2025, § 141`: the organ in lower case as it reads inside a sentence. */
export function organInSentence(organ: string): string {
  return organ.charAt(0).toLowerCase() + organ.slice(1);
}

/** What git can tell about a period's follow-ups after its handling. */
export type AfterHandling =
  /** The site was built without git history. */
  | { state: 'no-history' }
  /** Git holds no version of the period's follow-ups from the meeting date or before (they were committed later, or the clone is shallow): nothing can be compared. */
  | { state: 'unknown' }
  /** Each follow-up of the period committed after the meeting day, with those commits (newest first); empty when none was. */
  | { state: 'known'; changed: { node: string; commits: NodeHistoryEntry[] }[] };

/** The follow-up history the site has for a node and period, as `site/lib/history` gives it. */
export interface FollowUpCommits {
  node: string;
  period: string;
  commits: NodeHistoryEntry[];
}

/** The local calendar day of a commit's ISO 8601 author date (`2025-10-02T09:00:00+02:00` → `2025-10-02`). */
const dayOf = (iso: string) => iso.slice(0, 10);

/**
 * The follow-ups of `nodes` for `handling.period` that were committed after the meeting day (a commit on the
 * day itself counts as before it). `history` is null without git history. A commit that created a file counts
 * (a follow-up added after the meeting) once git shows the period as it stood at the meeting: when no
 * follow-up of the period has a commit on or before the meeting day, the state is `unknown`, never a notice on
 * every follow-up of a repository that was committed after the fact.
 */
export function changedAfterHandling(history: readonly FollowUpCommits[] | null, nodes: ReadonlySet<string>, handling: BoardHandling): AfterHandling {
  if (history === null) return { state: 'no-history' };
  const ofPeriod = history.filter((h) => h.period === handling.period && nodes.has(h.node));
  const knownAtMeeting = ofPeriod.some((h) => h.commits.some((c) => dayOf(c.date) <= handling.date));
  if (!knownAtMeeting) return { state: 'unknown' };
  const changed = ofPeriod
    .map((h) => ({ node: h.node, commits: h.commits.filter((c) => dayOf(c.date) > handling.date) }))
    .filter((h) => h.commits.length > 0);
  return { state: 'known', changed };
}
