// The site's history from git: each node's commits, when each follow-up's assessment was last changed, and each
// plan's changes since adoption. From SPARBAR_HISTORY when `sparbar build` runs us (it reads git while Astro
// bundles the site), else worked out here with the compiled code in lib/ (a plain `astro build` or `astro dev`).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FollowUpHistory, NodeHistoryEntry } from '@src/history/git-history.js';
import type { AdoptionView } from '@src/site/adoption-view.js';
import { boardHandling, changedAfterHandling, type AfterHandling, type BoardHandling } from '@src/site/board-handling.js';
import type { SiteHistory } from '@src/site/history.js';
import { fileWritten, site } from './data';

async function loadHistory(): Promise<SiteHistory> {
  const file = process.env.SPARBAR_HISTORY;
  if (file) {
    await fileWritten(file, 'ändringshistoriken');
    return JSON.parse(readFileSync(file, 'utf8')) as SiteHistory;
  }
  const lib = (name: string) => pathToFileURL(path.resolve(process.env.SPARBAR_LIB || 'lib', name)).href;
  const { adoptedRevisions, siteHistory } = (await import(/* @vite-ignore */ lib('src/site/history.js'))) as typeof import('@src/site/history.js');
  const { model, config, plansDir } = site();
  const adopted = adoptedRevisions(config.adoptedRevision, model.graph);
  if (adopted.errors.length > 0) throw new Error(`Webbplatsens konfiguration har fel:\n${adopted.errors.join('\n')}`);
  return siteHistory(plansDir, model.graph, adopted.revisions);
}

const data = await loadHistory();
const followUps = new Map<string, FollowUpHistory>();
if (data.available) for (const f of data.followUps) followUps.set(`${f.node}\u0000${f.period}`, f);

/** A node's commits, newest first; `available: false` with the reason when there is no git history. */
export function nodeHistory(key: string): { available: true; shallow: boolean; entries: NodeHistoryEntry[] } | { available: false; reason: string } {
  if (!data.available) return { available: false, reason: data.reason };
  return { available: true, shallow: data.shallow, entries: data.nodes[key] ?? [] };
}

/** When a follow-up's assessment (status, outcome) was last changed; undefined without git history. */
export function followUpHistory(node: string, period: string): FollowUpHistory | undefined {
  return followUps.get(`${node}\u0000${period}`);
}

/** Every follow-up's commits (for "changed after the meeting", src/site/board-handling.ts); null without git history. */
export const followUpCommits: FollowUpHistory[] | null = data.available ? data.followUps : null;

const afterHandlingMade = new Map<string, { handling: BoardHandling | null; after: AfterHandling | null }>();

/**
 * How `plan`'s file records the handling of `period` (null when it does not) and the period's follow-ups of the plan's
 * goals, focus areas, actions, indicators and principles changed in git after that meeting (src/site/board-handling.ts).
 * Worked out once per plan and period: every node page of the plan shows its own part of it. The result is shared.
 */
export function periodAfterHandling(plan: string, period: string): { handling: BoardHandling | null; after: AfterHandling | null } {
  const key = `${plan}\u0000${period}`;
  let made = afterHandlingMade.get(key);
  if (!made) {
    const { model } = site();
    const handling = boardHandling(model, plan, period);
    let after: AfterHandling | null = null;
    if (handling) {
      const planNodes = [
        ...model.goalsOfPlan(plan),
        ...model.focusAreasOfPlan(plan),
        ...model.actionsOfPlan(plan),
        ...model.indicatorsOfPlan(plan),
        ...model.planCoverage(plan).map((c) => c.principle),
      ].map((n) => n.key);
      after = changedAfterHandling(followUpCommits, new Set(planNodes), handling);
    }
    afterHandlingMade.set(key, (made = { handling, after }));
  }
  return made;
}

/** Whether the follow-up history is known at all (a git checkout). */
export const historyAvailable: boolean = data.available;

/** A plan's "Ändringar sedan antagandet". */
export function adoption(plan: string): AdoptionView {
  return data.adoption[plan] ?? { state: 'not-configured', plan };
}

let firstInFile: Map<string, string> | undefined;

/** The node a file is first about, when `key` is written inside another node's file (a focus area in its goal's file). */
export function fileHolder(key: string): string | undefined {
  const { model } = site();
  if (!firstInFile) {
    firstInFile = new Map();
    const best = new Map<string, { key: string; line: number }>();
    for (const n of model.graph.nodes) {
      const current = best.get(n.source.file);
      if (!current || n.source.line < current.line) best.set(n.source.file, { key: n.key, line: n.source.line });
    }
    for (const [file, b] of best) firstInFile.set(file, b.key);
  }
  const node = model.node(key);
  const holder = node ? firstInFile.get(node.source.file) : undefined;
  return holder !== undefined && holder !== key ? holder : undefined;
}

/**
 * The date (ÅÅÅÅ-MM-DD, in the commit's own time zone) of the last commit that changed the plan: its own file,
 * the files of its goals, focus areas, actions and indicators, and their follow-ups' assessments. Null without
 * git history or when nothing of the plan is committed. For the open data's `dcterms:modified`.
 */
export function planLastChanged(plan: string): string | null {
  if (!data.available) return null;
  const { model } = site();
  const dates: string[] = [];
  const nodes = model.graph.nodes.filter((n) => n.key === plan || n.plan === plan || n.document === plan);
  const keys = new Set(nodes.map((n) => n.key));
  for (const n of nodes) for (const entry of data.nodes[n.key] ?? []) dates.push(entry.date.slice(0, 10));
  for (const f of data.followUps) if (keys.has(f.node) && f.lastChanged) dates.push(f.lastChanged.date.slice(0, 10));
  return dates.sort().at(-1) ?? null;
}
