// The site's page "Ändringar sedan antagandet" as data: the plan diff (the plan as adopted, a git tag or
// revision, against the plan now) narrowed to one plan and grouped by goal, in plain Swedish lines for
// readers who are not programmers. Pure: the comparison in, the view out; the page adds the links.
import { ADJECTIVES, agree, capitalise, definite, nounFor } from '../words/agreement.js';
import { countedAdjective, LINK_VERBS, NODE_WORDS } from '../words/nodes.js';
import type { EdgeType } from '../graph/types.js';
import type { NodeType } from '../graph/types.js';
import type { PlanDiffReport } from '../diff/compare-revisions.js';
import type { FieldChange, FollowUpRef, LinkChange, NodeRef } from '../diff/diff-graphs.js';
import { naturalCompare } from '../util/natural-compare.js';
import { brokenLinkText, describeChange, detachedText, formatValue as formatDiffValue, movedText, reusedIdText } from '../diff/format-markdown.js';
import type { SinceAdoption } from '../diff/since-adoption.js';
import { formatNumber, formatPeriod } from './format.js';

/** A node as an entry names it; the page links it when the node has a page now. */
export interface ViewNode {
  key: string;
  type: NodeType;
  id: string;
  title: string;
}

export interface AdoptionItem {
  /** What happened, starting the entry: "Ny aktivitet", "Ändrad aktivitet", "Uppföljning augusti 2026 av". */
  label: string;
  node: ViewNode;
  /** True when the node is gone now (no page to link to). */
  removed: boolean;
  /** The details, one plain sentence or `Fält: före → efter` each. */
  lines: string[];
}

export interface AdoptionGroup {
  /** The goal the entries belong under; null for the plan itself and what lies beside the goals. */
  goal: ViewNode | null;
  items: AdoptionItem[];
}

export interface AdoptionNote {
  text: string;
  /** A change for the worse (a principle no longer realised, a goal without focus areas). */
  warning: boolean;
  node: ViewNode;
}

/** The adopted revision's commit, as the page shows it. */
export interface AdoptedCommit {
  commit: string;
  /** Author date, ISO 8601. */
  date: string;
  author: string;
  message: string;
}

export type AdoptionView =
  | { state: 'not-configured'; plan: string }
  | { state: 'unavailable'; plan: string; revision: string; reason: string }
  | {
      state: 'available';
      plan: string;
      revision: string;
      commit: AdoptedCommit | null;
      /** False when the plan did not exist at the adopted revision (then nothing is listed). */
      planExisted: boolean;
      /** Errors in the plans folder at the adopted revision and now (the comparison shows what could be read). */
      errorsBefore: number;
      errorsNow: number;
      /** "2 ändrade aktiviteter", "1 ny uppföljning", … ; empty when nothing changed. */
      summary: string[];
      coverage: AdoptionNote[];
      groups: AdoptionGroup[];
    };


const TYPE_ORDER: NodeType[] = ['plan', 'mål', 'fokusområde', 'aktivitet', 'indikator', 'styrprincip', 'område', 'policy', 'organisation'];


const FACTS: Record<string, string> = {
  ansvarig: 'ansvarig',
  start: 'start',
  slut: 'slut',
  status: 'status',
  budget: 'budget',
  målår: 'målår',
  förväntat_resultat: 'förväntat resultat',
  enhet: 'enhet',
  källa: 'källa',
};



/** The diff's markdown lines made plain text again (they escape markdown characters with a backslash). */
export function plainLine(line: string): string {
  return line.replace(/\\([\\`*_{}[\]<>|#~!])/g, '$1');
}

const plainValue = (v: unknown) => plainLine(formatDiffValue(v));
const ref = (r: NodeRef | ViewNode): ViewNode => ({ key: r.key, type: r.type, id: r.id, title: r.title });
const label = (r: { id: string; title: string }) => `${r.id} ${r.title}`;

/** Lines for one changed field; numbers and dates as the site writes them elsewhere. */
function changeLines(c: FieldChange): string[] {
  return describeChange(c).map(plainLine);
}

function linkLines(added: LinkChange[], removed: LinkChange[]): string[] {
  const lines: string[] = [];
  for (const type of [...new Set([...added, ...removed].map((l) => l.type))].sort()) {
    const a = added.filter((l) => l.type === type).map((l) => label(l.to));
    const r = removed.filter((l) => l.type === type).map((l) => label(l.to));
    const verb = LINK_VERBS[type];
    if (a.length > 0 && r.length > 0) lines.push(`${capitalise(verb)} nu ${a.join(', ')} i stället för ${r.join(', ')}.`);
    else if (a.length > 0) lines.push(`${capitalise(verb)} nu också ${a.join(', ')}.`);
    else lines.push(`${capitalise(verb)} inte längre ${r.join(', ')}.`);
  }
  return lines;
}

function followUpValues(f: FollowUpRef): string[] {
  const parts: string[] = [];
  if (f.assessment) parts.push(`Bedömning: ${f.assessment}`);
  if (f.forecast) parts.push(`Prognos: ${f.forecast}`);
  if (f.status) parts.push(`Status: ${f.status}`);
  if (f.value !== null) parts.push(`Utfall: ${formatNumber(f.value)}`);
  return parts;
}


interface Ranked extends AdoptionItem {
  goal: string | null;
  rank: number;
}

/**
 * The view of `since` (planSinceAdoption over the whole plans folder) for the plan `plan`: only its own
 * nodes, links and follow-ups, and the coverage of the principles of `policies` (the policies it implements).
 */
export function adoptionView(plan: string, since: SinceAdoption | null, opts: { revision?: string; policies?: readonly string[]; commit?: AdoptedCommit | null } = {}): AdoptionView {
  if (since === null) return { state: 'not-configured', plan };
  if (!since.available) return { state: 'unavailable', plan, revision: opts.revision ?? '', reason: since.reason };
  const report: PlanDiffReport = since.report;
  const inPlan = (r: { key: string }) => r.key === plan || r.key.startsWith(`${plan}:`);
  const inPolicies = (r: { key: string }) => (opts.policies ?? []).some((p) => r.key.startsWith(`${p}:`));
  const planExisted = report.base.exists && !report.nodes.added.some((n) => n.key === plan);
  const base = {
    state: 'available' as const,
    plan,
    revision: since.revision,
    commit: opts.commit ?? null,
    planExisted,
    errorsBefore: report.base.errors,
    errorsNow: report.head.errors,
  };
  if (!planExisted) return { ...base, summary: [], coverage: [], groups: [] };

  const added = report.nodes.added.filter(inPlan);
  const removed = report.nodes.removed.filter(inPlan);
  // A node moved to or from another plan is told on both plans' pages.
  const renamed = report.nodes.renamed.filter((r) => inPlan(r.to) || inPlan(r.from));
  const broken = report.links.broken.filter((l) => inPlan(l.from));
  const linksAdded = report.links.added.filter((l) => inPlan(l.from));
  const linksRemoved = report.links.removed.filter((l) => inPlan(l.from));
  const changed = new Map(report.nodes.changed.filter((c) => inPlan(c.node)).map((c) => [c.node.key, c]));
  const renamedKeys = new Set(renamed.map((r) => r.to.key));
  /** Nodes with changed fields or links (renamed ones are listed as renamed). */
  const changedNodes = new Map<string, NodeRef>();
  for (const c of changed.values()) changedNodes.set(c.node.key, c.node);
  for (const l of [...linksAdded, ...linksRemoved]) changedNodes.set(l.from.key, l.from);
  for (const key of renamedKeys) changedNodes.delete(key);
  const fuAdded = report.followUps.added.filter((f) => inPlan(f.node));
  const fuChanged = report.followUps.changed.filter((f) => inPlan(f.node));
  const fuRemoved = report.followUps.removed.filter((f) => inPlan(f.node));
  const fuDetached = report.followUps.detached.filter((f) => inPlan(f.node));

  const countBy = (refs: { type: NodeType }[], kind: 'ny' | 'ändrad' | 'borttagen') =>
    TYPE_ORDER.map((t) => [t, refs.filter((r) => r.type === t).length] as const)
      .filter(([, n]) => n > 0)
      .map(([t, n]) => `${n} ${countedAdjective(kind, t, n)}`);
  const fuCount = (n: number, one: string, many: string) => (n > 0 ? [`${n} ${n === 1 ? one : many}`] : []);
  const summary = [
    ...countBy(added, 'ny'),
    ...countBy(removed, 'borttagen'),
    ...TYPE_ORDER.map((t) => [t, renamed.filter((r) => r.to.type === t && r.moved !== null).length] as const)
      .filter(([, n]) => n > 0)
      .map(([t, n]) => `${n} ${agree(ADJECTIVES.flyttad, n, NODE_WORDS[t])} ${nounFor(n, NODE_WORDS[t])}`),
    ...TYPE_ORDER.map((t) => [t, renamed.filter((r) => r.to.type === t && r.moved === null).length] as const)
      .filter(([, n]) => n > 0)
      .map(([t, n]) => `${n} ${n === 1 ? NODE_WORDS[t].one : NODE_WORDS[t].many} med nytt id`),
    ...countBy([...changedNodes.values()], 'ändrad'),
    ...fuCount(fuAdded.length, 'ny uppföljning', 'nya uppföljningar'),
    ...fuCount(fuChanged.length, 'ändrad uppföljning', 'ändrade uppföljningar'),
    ...fuCount(fuRemoved.length, 'borttagen uppföljning', 'borttagna uppföljningar'),
    ...fuCount(fuDetached.length, 'uppföljning vars ”avser” inte längre leder någonstans', 'uppföljningar vars ”avser” inte längre leder någonstans'),
    ...fuCount(broken.length, 'hänvisning som inte längre leder någonstans', 'hänvisningar som inte längre leder någonstans'),
  ];

  const c = report.coverage;
  const coverage: AdoptionNote[] = [
    ...c.uncovered.filter(inPolicies).map((p) => ({ text: 'Styrprincipen förverkligas inte längre av något mål.', warning: true, node: ref(p) })),
    ...c.covered.filter(inPolicies).map((p) => ({ text: 'Styrprincipen förverkligas nu av minst ett mål.', warning: false, node: ref(p) })),
    ...c.goalsWithoutFocusAreas.added.filter(inPlan).map((g) => ({ text: 'Målet har inga fokusområden.', warning: true, node: ref(g) })),
    ...c.goalsWithoutFocusAreas.removed.filter(inPlan).map((g) => ({ text: 'Målet har nu fokusområden.', warning: false, node: ref(g) })),
    ...c.focusAreasWithoutActions.added.filter(inPlan).map((f) => ({ text: 'Fokusområdet har inga aktiviteter.', warning: true, node: ref(f) })),
    ...c.focusAreasWithoutActions.removed.filter(inPlan).map((f) => ({ text: 'Fokusområdet har nu aktiviteter.', warning: false, node: ref(f) })),
  ];

  const rank = (t: NodeType) => TYPE_ORDER.indexOf(t);
  const items: Ranked[] = [];
  for (const n of added) {
    const facts = Object.entries(FACTS)
      .filter(([field]) => n.fields[field] !== undefined)
      .map(([field, word]) => `${capitalise(word)}: ${plainValue(n.fields[field])}`)
      .filter((line) => line.length <= 200);
    const byType = new Map<EdgeType, string[]>();
    for (const l of n.links) {
      if (l.type === 'part-of' && (n.type === 'aktivitet' || n.type === 'indikator' || n.type === 'mål')) continue;
      byType.set(l.type, [...(byType.get(l.type) ?? []), `${l.to.slice(l.to.indexOf(':') + 1)} ${l.title}`]);
    }
    const links = [...byType].map(([type, targets]) => `${capitalise(LINK_VERBS[type])} ${targets.join(', ')}.`);
    items.push({ label: capitalise(countedAdjective('ny', n.type, 1)), node: ref(n), removed: false, lines: [...facts, ...links], goal: n.goal, rank: rank(n.type) });
  }
  for (const n of removed) items.push({ label: capitalise(countedAdjective('borttagen', n.type, 1)), node: ref(n), removed: true, lines: [], goal: n.goal, rank: rank(n.type) });
  const linksOf = (key: string) => [
    ...linkLines(linksAdded.filter((l) => l.from.key === key), linksRemoved.filter((l) => l.from.key === key)),
    ...broken.filter((l) => l.from.key === key).map((l) => brokenLinkText(report, l)),
  ];
  for (const l of broken) if (!renamedKeys.has(l.from.key)) changedNodes.set(l.from.key, l.from);
  for (const r of renamed) {
    items.push({
      label:
        r.moved === null
          ? `${capitalise(NODE_WORDS[r.to.type].one)} med nytt id (tidigare ${r.from.id}):`
          : `${capitalise(agree(ADJECTIVES.flyttad, 1, NODE_WORDS[r.to.type]))} ${NODE_WORDS[r.to.type].one}${r.from.id === r.to.id ? '' : ` med nytt id (tidigare ${r.from.id})`}:`,
      node: ref(r.to),
      removed: false,
      lines: [...(r.moved ? [`${capitalise(movedText(r.moved))}.`] : []), ...(r.reusedId ? [`${capitalise(reusedIdText(r))}.`] : []), ...r.changes.filter((ch) => ch.field !== 'id').flatMap(changeLines), ...linksOf(r.to.key)],
      goal: r.to.goal,
      rank: rank(r.to.type),
    });
  }
  for (const [key, node] of changedNodes) {
    const lines = [...(changed.get(key)?.changes ?? []).flatMap(changeLines), ...linksOf(key)];
    if (lines.length > 0) items.push({ label: capitalise(countedAdjective('ändrad', node.type, 1)), node: ref(node), removed: false, lines, goal: node.goal, rank: rank(node.type) });
  }
  const fuRank = TYPE_ORDER.length;
  const gone = new Set(removed.map((r) => r.key));
  for (const f of fuAdded) items.push({ label: `Ny uppföljning ${formatPeriod(f.period)} av`, node: ref(f.node), removed: gone.has(f.node.key), lines: followUpValues(f), goal: f.node.goal, rank: fuRank });
  for (const f of fuChanged) items.push({ label: `Ändrad uppföljning ${formatPeriod(f.period)} av`, node: ref(f.node), removed: gone.has(f.node.key), lines: f.changes.flatMap(changeLines), goal: f.node.goal, rank: fuRank });
  for (const f of fuRemoved) items.push({ label: `Borttagen uppföljning ${formatPeriod(f.period)} av`, node: ref(f.node), removed: gone.has(f.node.key), lines: [], goal: f.node.goal, rank: fuRank });
  for (const f of fuDetached) {
    const noun = definite(NODE_WORDS[f.node.type]);
    items.push({ label: `Uppföljning ${formatPeriod(f.period)} som inte längre hör till ${noun}`, node: ref(f.node), removed: true, lines: [detachedText(report, f)], goal: f.node.goal, rank: fuRank });
  }

  const goals = new Map(report.goals.filter(inPlan).map((g) => [g.key, g]));
  const byGoal = new Map<string, Ranked[]>();
  for (const item of items) {
    const k = item.goal !== null && goals.has(item.goal) ? item.goal : '';
    byGoal.set(k, [...(byGoal.get(k) ?? []), item]);
  }
  const groups: AdoptionGroup[] = [...byGoal.keys()]
    .sort((a, b) => (a === '' ? 1 : b === '' ? -1 : naturalCompare(goals.get(a)!.id, goals.get(b)!.id)))
    .map((k) => ({
      goal: k === '' ? null : { key: k, type: 'mål' as const, id: goals.get(k)!.id, title: goals.get(k)!.title },
      items: byGoal
        .get(k)!
        // A node removed comes before the node that took its id (A02 borttagen; A03 har nytt id A02).
        .sort((a, b) => a.rank - b.rank || naturalCompare(a.node.id, b.node.id) || Number(b.removed) - Number(a.removed) || naturalCompare(a.label, b.label))
        .map(({ label: l, node, removed: r, lines }) => ({ label: l, node, removed: r, lines })),
    }));
  return { ...base, summary, coverage, groups };
}
