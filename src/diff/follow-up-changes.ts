// Step five of the plan diff: follow-ups added, removed and changed, per node (matched, so a renamed node's
// follow-ups are compared with its old ones) and period.
import type { FollowUp } from '../graph/types.js';
import type { FieldChange, FollowUpRef, NodeRef, PlanDiff } from './diff-types.js';
import type { NodeMatching } from './match-nodes.js';
import { byKey, type NodeRefs } from './node-refs.js';
import { sameValue } from './stable-json.js';

const FOLLOW_UP_FIELDS: readonly [keyof FollowUp, string][] = [
  ['assessment', 'bedömning'],
  ['forecast', 'prognos'],
  ['status', 'status'],
  ['value', 'utfall'],
  ['author', 'författare'],
  ['date', 'datum'],
  ['body', 'text'],
];

/**
 * Follow-ups added, removed and changed, per node (by the matching) and period. A base follow-up with none at
 * the head whose file still names its node's id in `avser` (`stillWritten`: file → ids that resolve to nothing)
 * is detached, not removed: its node was renamed, moved or removed and the follow-up was left behind.
 */
export function diffFollowUps(m: NodeMatching, refs: NodeRefs, stillWritten: ReadonlyMap<string, ReadonlySet<string>> = new Map()): PlanDiff['followUps'] {
  const key = (node: string, period: string) => `${node}\u0000${period}`;
  const baseFu = new Map<string, FollowUp>();
  for (const f of m.base.followUps) baseFu.set(key(m.toHead.get(f.node) ?? `\u0000${f.node}`, f.period), f);
  const headFu = new Map(m.head.followUps.map((f) => [key(f.node, f.period), f]));
  const ref = (f: FollowUp, side: 'base' | 'head'): FollowUpRef => ({
    node: side === 'head' ? refs.head(f.node) : refs.base(f.node),
    period: f.period,
    assessment: f.assessment,
    forecast: f.forecast,
    status: f.status,
    value: f.value,
    author: f.author,
    date: f.date,
    file: f.source.file,
  });
  const order = (a: { node: NodeRef; period: string }, b: { node: NodeRef; period: string }) => byKey(a.node, b.node) || (a.period < b.period ? -1 : a.period > b.period ? 1 : 0);
  const out: PlanDiff['followUps'] = { added: [], removed: [], changed: [], detached: [] };
  for (const [k, f] of headFu) {
    const before = baseFu.get(k);
    if (!before) {
      out.added.push(ref(f, 'head'));
      continue;
    }
    const changes: FieldChange[] = [];
    for (const [prop, field] of FOLLOW_UP_FIELDS) if (!sameValue(before[prop], f[prop])) changes.push({ field, before: before[prop], after: f[prop] });
    if (changes.length > 0) out.changed.push({ node: refs.head(f.node), period: f.period, file: f.source.file, changes });
  }
  for (const [k, f] of baseFu) {
    if (headFu.has(k)) continue;
    const node = m.bi.node(f.node);
    const written = stillWritten.get(f.source.file);
    const as = node === undefined || written === undefined ? undefined : [node.id, node.key].find((id) => written.has(id));
    if (as === undefined) out.removed.push(ref(f, 'base'));
    else out.detached.push({ ...ref(f, 'base'), written: as });
  }
  out.added.sort(order);
  out.removed.sort(order);
  out.changed.sort(order);
  out.detached.sort(order);
  return out;
}
