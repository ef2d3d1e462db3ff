// The plan diff as markdown for a pull request comment or a job summary: plain Swedish, grouped by goal,
// written for reviewers who are not programmers (no keys, no JSON, dates and amounts as people write them).
import { ADJECTIVES, agree, capitalise, definite, nounFor } from '../words/agreement.js';
import { countedAdjective, LINK_VERBS, NODE_WORDS } from '../words/nodes.js';
import type { EdgeType, NodeType } from '../graph/types.js';
import type { PlanDiffReport, SideInfo } from './compare-revisions.js';
import { naturalCompare } from '../util/natural-compare.js';
import type { BrokenLink, DetachedFollowUp, DocumentRef, FollowUpRef, LinkChange, NodeRef, PlanDiff, Rename } from './diff-graphs.js';
import { describeChange, escapeMarkdown, FIELD_LABELS, formatValue, num } from './describe-change.js';

export { describeChange, escapeMarkdown, formatValue } from './describe-change.js';

/** Lines after which the summary stops listing details (a PR comment holds about 65,000 characters). */
const MAX_LINES = 800;
/** Above this many new follow-ups for one goal and period they are listed on one line. */
const CONDENSE_FOLLOW_UPS = 5;


const TYPE_ORDER: NodeType[] = ['mål', 'fokusområde', 'aktivitet', 'indikator', 'styrprincip', 'område', 'policy', 'plan', 'organisation'];


/** "id A02 hörde tidigare till en annan aktivitet", for a rename to an id another node had at the base. */
export function reusedIdText(r: Rename): string {
  const w = NODE_WORDS[r.to.type];
  return `id ${r.to.id} hörde tidigare till ${w.ett ? 'ett annat' : 'en annan'} ${w.one}`;
}

const name = (r: { id: string; title: string }) => `${escapeMarkdown(r.id)} ${escapeMarkdown(r.title)}`;

/** "planen aby-plan-2025-2028 Åbys plan" (not escaped). */
export function documentName(d: DocumentRef): string {
  return `${d.type === 'policy' ? 'policyn' : 'planen'} ${d.id} ${d.title}`;
}

/** "från planen … till planen …" for a node moved between documents (not escaped). */
export function movedText(moved: NonNullable<Rename['moved']>): string {
  return `från ${documentName(moved.from)} till ${documentName(moved.to)}`;
}

/**
 * What became of the node a reference still names (not escaped), from the renames of the diff: "har nu id FO1.6",
 * "finns nu i planen aby-plan-2025-2028", "har tagits bort"; and what to write instead, when there is something.
 */
export function whatBecameOf(diff: Pick<PlanDiff, 'nodes'>, key: string, side: 'base' | 'head'): { text: string; write: string | null } {
  const r = diff.nodes.renamed.find((x) => (side === 'head' ? x.to.key : x.from.key) === key);
  if (r === undefined) {
    const gone = side === 'base' && diff.nodes.removed.some((x) => x.key === key);
    return { text: gone ? 'har tagits bort' : 'inte längre finns där hänvisningen letar', write: null };
  }
  if (r.moved !== null) {
    const where = `${r.moved.to.type === 'policy' ? 'policyn' : 'planen'} ${r.moved.to.id}`;
    return { text: r.from.id === r.to.id ? `nu finns i ${where}` : `nu har id ${r.to.id} och finns i ${where}`, write: `${r.moved.to.id}:${r.to.id}` };
  }
  return { text: `nu har id ${r.to.id}`, write: r.to.id };
}

/** "Mäter fortfarande FO1.3, som nu har id FO1.6: hänvisningen leder ingenstans. Skriv FO1.6." (not escaped). */
export function brokenLinkText(diff: Pick<PlanDiff, 'nodes'>, l: BrokenLink): string {
  const [first = '', ...rest] = LINK_VERBS[l.type].split(' ');
  const what = whatBecameOf(diff, l.to.key, 'head');
  return `${[capitalise(first), 'fortfarande', ...rest].join(' ')} ${l.written} (${l.to.title}), som ${what.text}: hänvisningen leder ingenstans.${what.write ? ` Skriv ${what.write}.` : ''}`;
}

/** "avser fortfarande M4, som nu finns i planen …: uppföljningen hör inte längre till något mål." (not escaped). */
export function detachedText(diff: Pick<PlanDiff, 'nodes'>, f: DetachedFollowUp): string {
  const what = whatBecameOf(diff, f.node.key, 'base');
  const renamedOnly = what.write !== null && !what.write.includes(':');
  return `Filen finns kvar och avser fortfarande ${f.written}, som ${what.text}: uppföljningen hör inte längre till ${NODE_WORDS[f.node.type].ett ? 'något' : 'någon'} ${NODE_WORDS[f.node.type].one}.${renamedOnly ? ` Skriv avser: ${what.write}.` : ''}`;
}

/** Lines for the link changes of one node, e.g. "Bidrar nu till FO2.3 … (i stället för FO2.1 …)". */
function describeLinks(added: LinkChange[], removed: LinkChange[]): string[] {
  const types = [...new Set([...added, ...removed].map((l) => l.type))].sort();
  const lines: string[] = [];
  for (const type of types) {
    const a = added.filter((l) => l.type === type).map((l) => name(l.to));
    const r = removed.filter((l) => l.type === type).map((l) => name(l.to));
    const [first = '', ...restWords] = LINK_VERBS[type].split(' ');
    const verb = (adverb: string) => [capitalise(first), adverb, ...restWords].join(' ');
    if (a.length > 0 && r.length > 0) lines.push(`${verb('nu')} ${a.join(', ')} (i stället för ${r.join(', ')})`);
    else if (a.length > 0) lines.push(`${verb('nu också')} ${a.join(', ')}`);
    else lines.push(`${verb('inte längre')} ${r.join(', ')}`);
  }
  return lines;
}

function followUpValues(f: FollowUpRef): string {
  const parts: string[] = [];
  if (f.assessment) parts.push(`bedömning ${f.assessment}`);
  if (f.forecast) parts.push(`prognos ${f.forecast}`);
  if (f.status) parts.push(`status ${f.status}`);
  if (f.value !== null) parts.push(`utfall ${num(f.value)}`);
  return parts.join(', ');
}

interface Item {
  node: NodeRef;
  /** Sort rank inside a goal: the node's type, then follow-ups. */
  rank: number;
  lines: string[];
}

const sideName = (s: SideInfo) => (s.revision === null ? 'arbetskopian' : `\`${s.revision.replace(/`/g, '')}\`${s.commit ? ` (${s.commit.slice(0, 7)})` : ''}`);

/** The whole report as markdown. */
export function formatDiffMarkdown(report: PlanDiffReport): string {
  const out: string[] = ['## Ändringar i planen', ''];
  out.push(`Planmappen \`${report.folder.replace(/`/g, '')}\` i ${sideName(report.base)} jämförd med ${sideName(report.head)}.`, '');
  for (const [side, info] of [['före', report.base], ['efter', report.head]] as const) {
    if (!info.exists) out.push(`Planmappen fanns inte ${side === 'före' ? `i ${sideName(info)}: allt nedan är nytt` : `i ${sideName(info)}: allt nedan är borttaget`}.`, '');
    else if (info.errors > 0) {
      out.push(
        `**Obs!** Planen i ${sideName(info)} har ${info.errors} fel. Jämförelsen visar bara det som gick att läsa${side === 'efter' ? '; rätta felen (kör `sparbar check`) innan ändringen godkänns' : ''}.`,
        '',
      );
    }
  }

  // In short
  const count = (refs: NodeRef[], kind: 'ny' | 'ändrad' | 'borttagen') =>
    TYPE_ORDER.map((t) => [t, refs.filter((r) => r.type === t).length] as const)
      .filter(([, n]) => n > 0)
      .map(([t, n]) => `${n} ${countedAdjective(kind, t, n)}`);
  const changedNodes = new Map<string, NodeRef>();
  for (const c of report.nodes.changed) changedNodes.set(c.node.key, c.node);
  for (const l of [...report.links.added, ...report.links.removed]) changedNodes.set(l.from.key, l.from);
  for (const r of report.nodes.renamed) changedNodes.delete(r.to.key);
  const fu = report.followUps;
  const fuParts = [
    fu.added.length ? `${fu.added.length} ${fu.added.length === 1 ? 'ny uppföljning' : 'nya uppföljningar'}` : '',
    fu.changed.length ? `${fu.changed.length} ${fu.changed.length === 1 ? 'ändrad uppföljning' : 'ändrade uppföljningar'}` : '',
    fu.removed.length ? `${fu.removed.length} ${fu.removed.length === 1 ? 'borttagen uppföljning' : 'borttagna uppföljningar'}` : '',
    fu.detached.length ? `${fu.detached.length} ${fu.detached.length === 1 ? 'uppföljning' : 'uppföljningar'} vars ”avser” inte längre leder någonstans` : '',
  ].filter(Boolean);
  const summary = [
    ...count(report.nodes.added, 'ny'),
    ...count(report.nodes.removed, 'borttagen'),
    ...TYPE_ORDER.map((t) => [t, report.nodes.renamed.filter((r) => r.to.type === t && r.moved !== null).length] as const)
      .filter(([, n]) => n > 0)
      .map(([t, n]) => `${n} ${agree(ADJECTIVES.flyttad, n, NODE_WORDS[t])} ${nounFor(n, NODE_WORDS[t])}`),
    ...TYPE_ORDER.map((t) => [t, report.nodes.renamed.filter((r) => r.to.type === t && r.moved === null).length] as const)
      .filter(([, n]) => n > 0)
      .map(([t, n]) => `${n} ${n === 1 ? NODE_WORDS[t].one : NODE_WORDS[t].many} med nytt id`),
    ...count([...changedNodes.values()], 'ändrad'),
    ...fuParts,
    report.links.broken.length ? `${report.links.broken.length} ${report.links.broken.length === 1 ? 'hänvisning' : 'hänvisningar'} som inte längre leder någonstans` : '',
  ].filter(Boolean);
  const c = report.coverage;
  const addedKeys = new Set(report.nodes.added.map((n) => n.key));
  const coverageLines = [
    ...c.uncovered.map((p) => `**Obs!** Styrprincipen ${name(p)} förverkligas ${addedKeys.has(p.key) ? 'inte' : 'inte längre'} av något mål.`),
    ...c.covered.map((p) => `Styrprincipen ${name(p)} förverkligas nu av minst ett mål.`),
    ...c.goalsWithoutFocusAreas.added.map((g) => `**Obs!** Målet ${name(g)} har inga fokusområden.`),
    ...c.goalsWithoutFocusAreas.removed.map((g) => `Målet ${name(g)} har nu fokusområden.`),
    ...c.focusAreasWithoutActions.added.map((f) => `**Obs!** Fokusområdet ${name(f)} har inga aktiviteter.`),
    ...c.focusAreasWithoutActions.removed.map((f) => `Fokusområdet ${name(f)} har nu aktiviteter.`),
  ];
  if (summary.length === 0 && coverageLines.length === 0) {
    out.push('Inga ändringar i planen.', '');
    return out.join('\n');
  }
  if (summary.length > 0) out.push(`**I korthet:** ${summary.join(', ')}.`, '');
  if (coverageLines.length > 0) out.push('### Täckning', '', ...coverageLines.map((l) => `- ${l}`), '');

  // Items, grouped by goal.
  const items: Item[] = [];
  const rank = (t: NodeType) => TYPE_ORDER.indexOf(t);
  const typeWord = (t: NodeType) => capitalise(NODE_WORDS[t].one);
  for (const n of report.nodes.added) {
    const facts: string[] = [];
    for (const f of ['ansvarig', 'start', 'slut', 'status', 'budget', 'målår', 'förväntat_resultat', 'enhet', 'källa']) {
      const v = n.fields[f];
      if (v === undefined) continue;
      const text = formatValue(v);
      if (text.length <= 160) facts.push(`${(FIELD_LABELS[f] ?? f).toLowerCase()} ${text}`);
    }
    const lines = facts.length ? [capitalise(facts.join(', '))] : [];
    const links = n.links.filter((l) => !(l.type === 'part-of' && (n.type === 'aktivitet' || n.type === 'indikator' || n.type === 'mål')));
    const byType = new Map<EdgeType, string[]>();
    for (const l of links) byType.set(l.type, [...(byType.get(l.type) ?? []), `${escapeMarkdown(l.to.slice(l.to.indexOf(':') + 1))} ${escapeMarkdown(l.title)}`]);
    for (const [type, targets] of byType) lines.push(`${capitalise(LINK_VERBS[type])} ${targets.join(', ')}`);
    items.push({ node: n, rank: rank(n.type), lines: [`**${capitalise(countedAdjective('ny', n.type, 1))} ${name(n)}**`, ...lines] });
  }
  for (const n of report.nodes.removed) items.push({ node: n, rank: rank(n.type), lines: [`**${capitalise(countedAdjective('borttagen', n.type, 1))} ${name(n)}**`] });
  const movedGoals = new Map(report.nodes.renamed.filter((r) => r.moved !== null && r.to.type === 'mål').map((r) => [r.to.key, r]));
  for (const r of report.nodes.renamed) {
    const reused = r.reusedId ? escapeMarkdown(reusedIdText(r)) : '';
    let head: string;
    if (r.moved === null) {
      const why = `${r.reason === 'same-file' ? `samma fil, ${escapeMarkdown(r.to.file)}` : 'samma innehåll'}${reused ? `; ${reused}` : ''}`;
      head = `**${typeWord(r.to.type)} ${escapeMarkdown(r.from.id)} har fått id ${escapeMarkdown(r.to.id)}** ${escapeMarkdown(r.to.title)} (${why})`;
    } else {
      // A focus area that moved with its goal says so, instead of the two documents again.
      const goal = r.to.goal === null || r.to.goal === r.to.key ? undefined : movedGoals.get(r.to.goal);
      const where = goal?.moved?.to.key === r.moved.to.key && goal.moved.from.key === r.moved.from.key ? `med målet ${escapeMarkdown(goal.to.id)}` : escapeMarkdown(movedText(r.moved));
      const what = r.from.id === r.to.id ? `${typeWord(r.to.type)} ${name(r.to)} har flyttats**` : `${typeWord(r.to.type)} ${escapeMarkdown(r.from.id)} har fått id ${escapeMarkdown(r.to.id)} och flyttats** ${escapeMarkdown(r.to.title)},`;
      head = `**${what} ${where}${reused ? ` (${reused})` : ''}`;
    }
    items.push({ node: r.to, rank: rank(r.to.type), lines: [head, ...r.changes.flatMap(describeChange)] });
  }
  const linkAdded = new Map<string, LinkChange[]>();
  const linkRemoved = new Map<string, LinkChange[]>();
  for (const l of report.links.added) linkAdded.set(l.from.key, [...(linkAdded.get(l.from.key) ?? []), l]);
  for (const l of report.links.removed) linkRemoved.set(l.from.key, [...(linkRemoved.get(l.from.key) ?? []), l]);
  const renamedKeys = new Set(report.nodes.renamed.map((r) => r.to.key));
  const changes = new Map(report.nodes.changed.map((ch) => [ch.node.key, ch.changes]));
  const brokenFrom = new Map<string, BrokenLink[]>();
  for (const l of report.links.broken) {
    brokenFrom.set(l.from.key, [...(brokenFrom.get(l.from.key) ?? []), l]);
    if (!renamedKeys.has(l.from.key)) changedNodes.set(l.from.key, l.from);
  }
  const brokenLines = (key: string) => (brokenFrom.get(key) ?? []).map((l) => `**Obs!** ${escapeMarkdown(brokenLinkText(report, l))}`);
  for (const [key, node] of changedNodes) {
    const lines = [...(changes.get(key) ?? []).flatMap(describeChange), ...describeLinks(linkAdded.get(key) ?? [], linkRemoved.get(key) ?? []), ...brokenLines(key)];
    if (lines.length > 0) items.push({ node, rank: rank(node.type), lines: [`**${typeWord(node.type)} ${name(node)}**`, ...lines] });
  }
  for (const key of renamedKeys) {
    const extra = [...describeLinks(linkAdded.get(key) ?? [], linkRemoved.get(key) ?? []), ...brokenLines(key)];
    const item = items.find((i) => i.node.key === key && /har fått id|har flyttats/.test(i.lines[0]!));
    if (item) item.lines.push(...extra);
  }
  // Follow-ups: many new ones for one goal and period (a period being opened) go on one line.
  const fuRank = TYPE_ORDER.length;
  const addedByGroup = new Map<string, FollowUpRef[]>();
  for (const f of fu.added) {
    const k = `${f.node.goal ?? ''}\u0000${f.period}`;
    addedByGroup.set(k, [...(addedByGroup.get(k) ?? []), f]);
  }
  for (const list of addedByGroup.values()) {
    if (list.length > CONDENSE_FOLLOW_UPS) {
      const period = list[0]!.period;
      const each = list.map((f) => `${escapeMarkdown(f.node.id)}${followUpValues(f) ? ` (${followUpValues(f)})` : ''}`).join(', ');
      items.push({ node: list[0]!.node, rank: fuRank, lines: [`**${list.length} nya uppföljningar för ${period}**: ${each}`] });
    } else {
      for (const f of list) {
        const v = followUpValues(f);
        items.push({ node: f.node, rank: fuRank, lines: [`**Ny uppföljning ${f.period}** av ${name(f.node)}${v ? `: ${v}` : ''}`] });
      }
    }
  }
  for (const f of fu.changed) items.push({ node: f.node, rank: fuRank, lines: [`**Uppföljning ${f.period}** av ${name(f.node)}`, ...f.changes.flatMap(describeChange)] });
  for (const f of fu.removed) items.push({ node: f.node, rank: fuRank, lines: [`**Borttagen uppföljning ${f.period}** av ${name(f.node)}`] });
  for (const f of fu.detached) {
    items.push({ node: f.node, rank: fuRank, lines: [`**Uppföljning ${f.period} av ${name(f.node)} hör inte längre till ${definite(NODE_WORDS[f.node.type])}**`, `${escapeMarkdown(detachedText(report, f))} (${escapeMarkdown(f.file)})`] });
  }

  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const k = item.node.goal ?? '';
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  const goalInfo = new Map(report.goals.map((g) => [g.key, g]));
  const groupKeys = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : naturalCompare(goalInfo.get(a)?.id ?? a, goalInfo.get(b)?.id ?? b)));
  let lineCount = out.length;
  let left = 0;
  for (const k of groupKeys) {
    const g = goalInfo.get(k);
    const list = groups.get(k)!.sort((a, b) => a.rank - b.rank || naturalCompare(a.node.id, b.node.id));
    if (lineCount > MAX_LINES) {
      left += list.length;
      continue;
    }
    out.push(k === '' ? '### Policy, plan och övrigt' : `### Mål ${g ? name(g) : escapeMarkdown(k)}`, '');
    for (const item of list) {
      if (lineCount > MAX_LINES) {
        left++;
        continue;
      }
      const [head, ...rest] = item.lines;
      out.push(`- ${head}`, ...rest.map((l) => `  - ${l}`));
      lineCount += item.lines.length;
    }
    out.push('');
  }
  if (left > 0) out.push(`… och ${left} ändringar till. Hela listan: \`sparbar diff --format json\`.`, '');
  return out.join('\n');
}
