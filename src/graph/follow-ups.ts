// Attaches follow-ups to nodes: the node and period must exist, one per node and period, fields fit the node. A
// follow-up without its status, bedömning or utfall is not submitted (ej inlämnad), not an error.
import type { MessageSink } from '../messages/report.js';
import type { ReadPlanFile } from '../parse/read-plan-file.js';
import { locate, startOf } from '../parse/locate.js';
import { closest } from '../util/suggest.js';
import type { Draft } from './collect-nodes.js';
import type { Resolver } from './resolve-links.js';
import { withArticle } from './resolve-links.js';
import { coversYear, formatYears } from './derive/document-years.js';
import type { DocumentYears, FollowUp, GraphNode, NodeType } from './types.js';

/** Marks a follow-up written by `uppfoljning ny` that its owner has not yet filled in. */
export const UNFILLED_MARKER = 'sparbar: ej ifylld';

/** Node types a follow-up may be written for (`avser`): an area, where a policy has areas instead of principles, and an effect (effektmål) among them. */
export const FOLLOWED_UP: readonly NodeType[] = ['område', 'styrprincip', 'effektmål', 'mål', 'fokusområde', 'aktivitet', 'indikator'];

interface FileFacts {
  facts: { body: string; source: FollowUp['source'] };
  /** Whether the text holds UNFILLED_MARKER. */
  unfilled: boolean;
}

const remembered = new WeakMap<ReadPlanFile, FileFacts>();

/** A follow-up file's trimmed text and where its frontmatter starts (its typ key), remembered per parsed file (in the graph's key order). */
function factsOf(file: ReadPlanFile): FileFacts {
  let f = remembered.get(file);
  if (!f) {
    const body = file.body.trim();
    remembered.set(file, (f = { facts: { body, source: { file: file.path, ...startOf(locate(file.parsed, ['typ'], 'key')) } }, unfilled: body.includes(UNFILLED_MARKER) }));
  }
  return f;
}

/**
 * The follow-up made from a file's value, with what it was made from: `check --watch` attaches every follow-up again
 * after each save, and a file, value and node that are all the very same objects give the very same follow-up.
 */
const attached = new WeakMap<object, { file: ReadPlanFile; node: GraphNode; fields: GraphNode['fields']; followUp: FollowUp }>();

/** By node and period, and a whole document's follow-up before those of its organisations (by organisation id). */
const byNodeAndPeriod = (a: FollowUp, b: FollowUp) => {
  if (a.node !== b.node) return a.node < b.node ? -1 : 1;
  if (a.period !== b.period) return a.period < b.period ? -1 : 1;
  const x = a.organisation ?? '';
  const y = b.organisation ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
};

/** Valid follow-ups, sorted by node and period; every problem is reported. */
export function attachFollowUps(
  draft: Draft,
  resolver: Resolver,
  isShadowed: (scope: string | null, target: string, allowed?: readonly NodeType[]) => boolean,
  sink: MessageSink,
  documentYears: Readonly<Record<string, DocumentYears>>,
): FollowUp[] {
  const result: FollowUp[] = [];
  /** Follow-ups by node key and period, to find a second one for the same. */
  const seen = new Map<string, Map<string, FollowUp>>();
  const byPath = (a: { file: ReadPlanFile }, b: { file: ReadPlanFile }) => (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0);
  const sorted = draft.followUps.every((f, i) => i === 0 || byPath(draft.followUps[i - 1]!, f) < 0) ? draft.followUps : [...draft.followUps].sort(byPath);
  for (const { file, document, value } of sorted) {
    const at = (key: string) => ({ file: file.path, ...locate(file.parsed, [key]) });
    const key = resolver.resolve(document, value.avser);
    if (key === undefined) {
      if (isShadowed(document, value.avser, FOLLOWED_UP)) continue;
      // The node in another policy or plan of the folder (moved there): say where, not the nearest id of this one.
      const other = resolver.elsewhere(document, value.avser, FOLLOWED_UP);
      if (other.length > 0) {
        sink.report(
          'followup-unknown-node',
          `Uppföljningen avser "${value.avser}", som inte finns i ${document ?? 'mappen'}. ${value.avser} finns i ${other.map((k) => k.split(':')[0]).join(' och ')}: ` +
            `flytta uppföljningen dit (till dess mapp för uppföljningar), eller skriv avser: ${other.map((k) => `"${k}"`).join(' eller ')}.`,
          at('avser'),
          { expected: other, actual: value.avser },
        );
        continue;
      }
      const hit = closest(value.avser, resolver.visibleIds(document, FOLLOWED_UP));
      sink.report(
        'followup-unknown-node',
        `Uppföljningen avser "${value.avser}", som inte finns.` + (hit ? ` Menade du "${hit}"?` : ' Kontrollera id:t i "avser".'),
        at('avser'),
        hit ? { expected: [hit], actual: value.avser } : { actual: value.avser },
      );
      continue;
    }
    const node = draft.nodes.get(key)!;
    if (!FOLLOWED_UP.includes(node.type)) {
      sink.report('wrong-reference-type', `Uppföljningen avser "${value.avser}", som är ${withArticle(node.type)}. Följ upp ett område, en styrprincip, ett effektmål, ett mål, ett fokusområde, en aktivitet eller en indikator.`, at('avser'));
      continue;
    }
    const doc = document === null ? undefined : draft.nodes.get(document);
    const years = doc ? documentYears[doc.key] : undefined;
    if (doc && years && !coversYear(years, Number(value.period.slice(0, 4)))) {
      const span = formatYears(years);
      sink.report(
        'followup-unknown-period',
        doc.type === 'plan'
          ? `Perioden ${value.period} ligger utanför planperioden ${span}${years.source === 'period' ? '' : years.source === 'giltighet' ? ' (planens giltighet)' : ' (härledd ur målåren)'}. Rätta perioden, eller lägg uppföljningen under den plan som gäller då.`
          : `Perioden ${value.period} ligger utanför policyns giltighet ${span}. Rätta perioden.`,
        at('period'),
      );
      continue;
    }
    if (value.organisation !== undefined && !organisationFits(value.organisation, doc, draft, at('organisation'), sink)) continue;
    const reused = attached.get(value);
    let followUp: FollowUp;
    if (reused !== undefined && reused.file === file && reused.node === node && reused.fields === node.fields) followUp = reused.followUp;
    else {
      if (!fieldsFit(node, value, at, sink)) continue;
      followUp = made(key, node, file, value);
      attached.set(value, { file, node, fields: node.fields, followUp });
    }
    let periods = seen.get(key);
    if (periods === undefined) seen.set(key, (periods = new Map()));
    const slot = value.organisation === undefined ? value.period : `${value.period}\u0000${value.organisation}`;
    const earlier = periods.get(slot);
    if (earlier) {
      sink.report(
        'followup-duplicate',
        `${node.id} har redan en uppföljning för ${value.period}${value.organisation === undefined ? '' : ` för ${value.organisation}`} i ${earlier.source.file}. Slå ihop dem till en fil och ta bort den andra.`,
        at('avser'),
      );
      continue;
    }
    periods.set(slot, followUp);
    result.push(followUp);
  }
  // Files are in path order, which for follow-ups under uppfoljning/<period>/ is mostly not node order.
  return result.sort(byNodeAndPeriod);
}

/** The follow-up of `node` (its key `key`) that `file`'s `value` gives. */
function made(key: string, node: GraphNode, file: ReadPlanFile, value: Draft['followUps'][number]['value']): FollowUp {
  const { facts, unfilled } = factsOf(file);
  // Not submitted (ej inlämnad): opened by uppfoljning ny and not filled in. What it says is nobody's assessment.
  const submitted = !unfilled && hasItsValue(node, value);
  return {
    node: key,
    period: value.period,
    ...(value.organisation === undefined ? {} : { organisation: value.organisation }),
    assessment: submitted ? (value.bedömning ?? null) : null,
    forecast: submitted ? (value.prognos ?? null) : null,
    status: submitted ? (value.status ?? null) : null,
    value: submitted ? (value.utfall ?? null) : null,
    author: submitted ? (value.författare ?? null) : null,
    date: value.datum ?? null,
    submitted,
    revisedDue: submitted ? (value.nytt_slutdatum ?? null) : null,
    measures: (submitted ? value.åtgärder ?? [] : []).map((m) => ({ what: m.vad, who: m.ansvarig ?? null, due: m.senast ?? null })),
    evidence: (submitted ? value.underlag ?? [] : []).map((u) => ({ title: u.titel, url: u.adress ?? null, file: u.fil ?? null })),
    ...facts,
  };
}

type At = (key: string) => { file: string; line: number; column: number };

/**
 * Whether a follow-up's `organisation` names one of its document's organisations; otherwise reports it: an id that
 * is no organisation as unknown-reference (with the closest organisation's id), an organisation that has not adopted
 * the document as invalid-value (with those that have).
 */
function organisationFits(org: string, doc: GraphNode | undefined, draft: Draft, place: ReturnType<At>, sink: MessageSink): boolean {
  const adopters = doc?.organisations ?? [];
  if (adopters.includes(org)) return true;
  // An adopter the document names that is not there is reported in the document's file: not again here.
  const written = new Set(draft.links.filter((l) => l.edge === 'belongs-to' && l.from === doc?.key).map((l) => l.target));
  if ([...written].some((id) => !adopters.includes(id))) return false;
  const what = doc?.type === 'policy' ? 'policyn' : 'planen';
  const known = draft.nodes.get(org)?.type === 'organisation';
  if (!known) {
    const all = [...draft.nodes.values()].filter((n) => n.type === 'organisation').map((n) => n.id);
    const hit = closest(org, adopters) ?? closest(org, all);
    sink.report(
      'unknown-reference',
      `Uppföljningen gäller organisationen "${org}", som inte finns.` + (hit ? ` Menade du "${hit}"?` : ` Skriv en av ${what}s organisationer${adopters.length > 0 ? ` (${adopters.join(', ')})` : ''}.`),
      place,
      hit ? { actual: org, expected: [hit] } : { actual: org },
    );
    return false;
  }
  sink.report(
    'invalid-value',
    `Uppföljningen gäller organisationen "${org}", som inte har antagit ${what} ${doc?.id ?? ''}.`.replace(' .', '.') +
      (adopters.length > 0 ? ` Skriv en av ${what}s organisationer (${adopters.join(', ')}), eller ta bort "organisation" för en uppföljning av hela ${what}.` : ''),
    place,
    { actual: org, expected: [...adopters] },
  );
  return false;
}

/** Whether a follow-up gives what its node is followed up with: an action's status, an indicator's utfall (a group's is computed), the bedömning of the rest. */
function hasItsValue(node: GraphNode, value: Draft['followUps'][number]['value']): boolean {
  if (node.type === 'aktivitet') return value.status !== undefined;
  if (node.type === 'indikator') return node.fields.beräkning === 'medelvärde' || value.utfall !== undefined;
  return value.bedömning !== undefined;
}

function fieldsFit(node: GraphNode, value: Draft['followUps'][number]['value'], at: At, sink: MessageSink): boolean {
  const problems: [string, string][] = [];
  if (node.type === 'aktivitet') {
    if (value.bedömning !== undefined) problems.push(['bedömning', 'En aktivitet bedöms med "status", inte "bedömning". Byt nyckel.']);
    if (value.utfall !== undefined) problems.push(['utfall', '"utfall" gäller bara indikatorer. Ta bort det här.']);
  } else if (node.type === 'indikator') {
    if (value.nytt_slutdatum !== undefined) problems.push(['nytt_slutdatum', '"nytt_slutdatum" gäller bara aktiviteter. Ta bort det här.']);
    const group = node.fields.beräkning === 'medelvärde';
    if (group && value.utfall !== undefined) problems.push(['utfall', 'En indikatorgrupp räknar sitt utfall som medelvärdet av medlemmarna. Ta bort "utfall" och skriv utfallet i medlemmarnas uppföljningar.']);
    for (const k of ['bedömning', 'status'] as const) if (value[k] !== undefined) problems.push([k, `"${k}" gäller inte indikatorer. Ta bort det, och skriv analysen i texten.`]);
  } else {
    if (value.status !== undefined) problems.push(['status', `"status" gäller aktiviteter. För ${withArticle(node.type)} används "bedömning".`]);
    if (value.nytt_slutdatum !== undefined) problems.push(['nytt_slutdatum', '"nytt_slutdatum" gäller bara aktiviteter. Ta bort det här.']);
    if (value.utfall !== undefined) problems.push(['utfall', '"utfall" gäller bara indikatorer. Ta bort det här.']);
  }
  for (const [key, reason] of problems) sink.report('followup-wrong-fields', reason, at(key));
  return problems.length === 0;
}
