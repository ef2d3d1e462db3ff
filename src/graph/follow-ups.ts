// Attaches follow-ups to nodes: the node and period must exist, one per node and period, fields fit the node. A
// follow-up without its status, bedömning or utfall is not submitted (ej inlämnad), not an error.
import type { CheckMessage, MessageSink } from '../messages/report.js';
import type { ReadPlanFile } from '../parse/read-plan-file.js';
import { locate, startOf } from '../parse/locate.js';
import { closest } from '../util/suggest.js';
import { nodeKey, type Draft, type DraftFollowUp } from './collect-nodes.js';
import type { Resolver } from './resolve-links.js';
import { withArticle } from './resolve-links.js';
import { coversYear, formatYears } from './derive/document-years.js';
import type { DocumentYears, FollowUp, GraphNode, NodeType } from './types.js';
import { FOLLOWED_UP } from './link-keys.js';

export { FOLLOWED_UP };

/** Marks a follow-up written by `uppfoljning ny` that its owner has not yet filled in. */
export const UNFILLED_MARKER = 'sparbar: ej ifylld';

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

/** What attaching one follow-up file gave. */
export interface AttachOutcome {
  /** The node key its `avser` resolved to; undefined when it resolved to none. */
  readonly key: string | undefined;
  /** The follow-up, unless it was left out (reported, shadowed, or a second one for the same node and period). */
  readonly followUp: FollowUp | undefined;
  /** What was reported about it. */
  readonly messages: readonly CheckMessage[];
}

/** The follow-ups attached: each follow-up file's outcome, and the follow-ups sorted by node and period. */
export interface Attachment {
  readonly outcomes: ReadonlyMap<DraftFollowUp, AttachOutcome>;
  readonly followUps: FollowUp[];
}

/** What attaching reads besides the follow-up files. */
/** What attaching follow-ups reads: the draft's nodes and follow-up files, how ids resolve, and each document's years. */
export interface AttachContext {
  draft: Draft;
  resolver: Resolver;
  isShadowed: (scope: string | null, target: string, allowed?: readonly NodeType[]) => boolean;
  documentYears: Readonly<Record<string, DocumentYears>>;
}

const byPath = (a: { file: ReadPlanFile }, b: { file: ReadPlanFile }) => (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0);

/** The draft's follow-up files in path order. */
function inPathOrder(draft: Draft): readonly DraftFollowUp[] {
  return draft.followUps.every((f, i) => i === 0 || byPath(draft.followUps[i - 1]!, f) < 0) ? draft.followUps : [...draft.followUps].sort(byPath);
}

/** Valid follow-ups, sorted by node and period, with each file's outcome; every problem is reported. */
export function attachFollowUps(context: AttachContext, sink: MessageSink): Attachment {
  const { draft } = context;
  /** Follow-ups by node key and period, to find a second one for the same. */
  const seen = new Map<string, Map<string, FollowUp>>();
  const outcomes = new Map<DraftFollowUp, AttachOutcome>();
  const result: FollowUp[] = [];
  for (const entry of inPathOrder(draft)) {
    const outcome = attachOne(entry, context, seen, sink);
    outcomes.set(entry, outcome);
    if (outcome.followUp) result.push(outcome.followUp);
  }
  // Files are in path order, which for follow-ups under uppfoljning/<period>/ is mostly not node order.
  return { outcomes, followUps: result.sort(byNodeAndPeriod) };
}

/** The node keys whether `entry` resolves, or is shadowed, depends on (as resolveLinks' candidates, with the policy itself). */
function candidatesOf(entry: DraftFollowUp, policyOfPlan: ReadonlyMap<string, string>): string[] {
  const target = entry.value.avser;
  if (target.includes(':')) return [target, target.split(':')[0]!];
  const own = nodeKey(entry.document, target);
  const policy = entry.document === null ? undefined : policyOfPlan.get(entry.document);
  return policy === undefined ? [own] : [own, nodeKey(policy, target), policy];
}

/**
 * The attachment `attachFollowUps` gives, made from `previous` (the attachment on the draft before a change) by
 * attaching again only what the change can affect. `changed` are the node keys whose node came, went, was replaced or
 * had its fields patched, or became or stopped being a shadow (a file with errors). Follow-up files that are new, that
 * did not resolve (their messages suggest among every id in scope), or whose candidate keys changed are resolved again;
 * then every follow-up of a node key they or a changed key name (old or new) is attached again, in path order (a
 * second follow-up for the same node and period is found among them). Every other file keeps its outcome. Sound when
 * nothing else attaching reads changed: which policy each plan carries out and which plans have none, the documents'
 * years, which indicators are groups and the settings (the caller checks these).
 */
export function reattachFollowUps(
  previous: Attachment,
  changed: ReadonlySet<string>,
  policyOfPlan: ReadonlyMap<string, string>,
  context: AttachContext,
  sink: MessageSink,
): Attachment {
  const { draft, resolver } = context;
  const entries = inPathOrder(draft);
  const dirty = new Set(changed);
  const present = new Set(entries);
  for (const [entry, outcome] of previous.outcomes) if (!present.has(entry) && outcome.key !== undefined) dirty.add(outcome.key);
  // A candidate key ends in the id written (keys are `document:id`, a document's its id): a file whose id is none of
  // the changed keys' ids resolves as before, without making its candidate keys. A changed document key (which only a
  // shadow can be here) takes the long way.
  const ids = new Set<string>();
  let documents = false;
  for (const k of changed) {
    const at = k.indexOf(':');
    if (at === -1) documents = true;
    ids.add(at === -1 ? k : k.slice(at + 1));
  }
  const mayResolveAnew = (entry: DraftFollowUp): boolean => {
    if (documents) return candidatesOf(entry, policyOfPlan).some((k) => changed.has(k));
    const target = entry.value.avser;
    const at = target.indexOf(':');
    return ids.has(at === -1 ? target : target.slice(at + 1));
  };
  const keyOf = new Map<DraftFollowUp, string | undefined>();
  for (const entry of entries) {
    const before = previous.outcomes.get(entry);
    if (before?.key !== undefined && !mayResolveAnew(entry)) {
      keyOf.set(entry, before.key);
      continue;
    }
    const key = resolver.resolve(entry.document, entry.value.avser);
    keyOf.set(entry, key);
    if (before?.key !== undefined) dirty.add(before.key);
    if (key !== undefined) dirty.add(key);
  }
  const seen = new Map<string, Map<string, FollowUp>>();
  const outcomes = new Map<DraftFollowUp, AttachOutcome>();
  const fresh: FollowUp[] = [];
  for (const entry of entries) {
    const key = keyOf.get(entry);
    if (key !== undefined && !dirty.has(key)) {
      const kept = previous.outcomes.get(entry)!;
      outcomes.set(entry, kept);
      for (const m of kept.messages) sink.messages.push(m);
      continue;
    }
    const outcome = attachOne(entry, context, seen, sink);
    outcomes.set(entry, outcome);
    if (outcome.followUp) fresh.push(outcome.followUp);
  }
  const kept = previous.followUps.filter((f) => !dirty.has(f.node));
  return { outcomes, followUps: fresh.length === 0 ? kept : mergeSorted(kept, fresh.sort(byNodeAndPeriod)) };
}

/** Two lists sorted by node and period merged into one. */
function mergeSorted(a: readonly FollowUp[], b: readonly FollowUp[]): FollowUp[] {
  const out: FollowUp[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(byNodeAndPeriod(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/** Attaches one follow-up file: its outcome, with what was reported (to `sink` too); `seen` holds the follow-ups attached so far by node and period. */
function attachOne(entry: DraftFollowUp, context: AttachContext, seen: Map<string, Map<string, FollowUp>>, sink: MessageSink): AttachOutcome {
  const start = sink.messages.length;
  const reported = (key: string | undefined, followUp?: FollowUp): AttachOutcome => ({ key, followUp, messages: sink.messages.length === start ? NONE : sink.messages.slice(start) });
  const { draft, resolver, isShadowed, documentYears } = context;
  const { file, document, value } = entry;
  const at = (key: string) => ({ file: file.path, ...locate(file.parsed, [key]) });
  const key = resolver.resolve(document, value.avser);
  if (key === undefined) {
    if (isShadowed(document, value.avser, FOLLOWED_UP)) return reported(key);
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
      return reported(key);
    }
    const hit = closest(value.avser, resolver.visibleIds(document, FOLLOWED_UP));
    sink.report(
      'followup-unknown-node',
      `Uppföljningen avser "${value.avser}", som inte finns.` + (hit ? ` Menade du "${hit}"?` : ' Kontrollera id:t i "avser".'),
      at('avser'),
      hit ? { expected: [hit], actual: value.avser } : { actual: value.avser },
    );
    return reported(key);
  }
  const node = draft.nodes.get(key)!;
  if (!FOLLOWED_UP.includes(node.type)) {
    sink.report('wrong-reference-type', `Uppföljningen avser "${value.avser}", som är ${withArticle(node.type)}. Följ upp ett område, en styrprincip, ett effektmål, ett mål, ett fokusområde, en aktivitet eller en indikator.`, at('avser'));
    return reported(key);
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
    return reported(key);
  }
  if (value.organisation !== undefined && !organisationFits(value.organisation, doc, draft, at('organisation'), sink)) return reported(key);
  const reused = attached.get(value);
  let followUp: FollowUp;
  if (reused !== undefined && reused.file === file && reused.node === node && reused.fields === node.fields) followUp = reused.followUp;
  else {
    if (!fieldsFit(node, value, at, sink)) return reported(key);
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
    return reported(key);
  }
  periods.set(slot, followUp);
  return reported(key, followUp);
}

const NONE: readonly CheckMessage[] = [];

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
