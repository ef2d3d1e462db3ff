// A changed list or map of items (a policy's områden with their styrprinciper and underpunkter, a goal's inline
// fokusområden, budgets, decisions) told item by item in Swedish: "Styrprincip SP13 tillagd i område O2: …",
// "Område O2: titel ändrad (… → …)", "Styrprincip SP7 flyttad från område O1 till område O2", never the whole
// value before and after. Items with an `id` are matched by id at any depth; items without one (text
// underpunkter, budget rows) by their value.
import { ADJECTIVES, agree, capitalise, counted, definite, type Noun } from '../words/agreement.js';
import { NODE_WORDS } from '../words/nodes.js';
import { escapeMarkdown, formatValue } from './format-value.js';
import { stableJson } from './stable-json.js';

/** The item a list key holds, for the words: `områden` holds områden. */
const ITEM_NOUNS: Record<string, Noun> = {
  områden: NODE_WORDS.område,
  styrprinciper: NODE_WORDS.styrprincip,
  // The site calls an underpunkt a delpunkt; written as text or with an id, it is one.
  underpunkter: NODE_WORDS.underpunkt,
  fokusområden: NODE_WORDS.fokusområde,
  effektmål: NODE_WORDS.effektmål,
  framgångsfaktorer: NODE_WORDS.framgångsfaktor,
  mål: NODE_WORDS.mål,
  budgetar: { one: 'budget', many: 'budgetar', ett: false },
  behandlingar: { one: 'behandling', many: 'behandlingar', ett: false },
  åtgärder: { one: 'åtgärd', many: 'åtgärder', ett: false },
  underlag: { one: 'underlag', many: 'underlag', ett: true },
};
const POST: Noun = { one: 'post', many: 'poster', ett: false };


/** Above this many characters a value is named, not quoted ("beskrivning ändrad"). */
const QUOTE_LIMIT = 80;
/** A value written out this long is told in parts, not as before → after. */
const WHOLE_LIMIT = 160;
/** At most this many lines per changed field; the rest are counted. */
const MAX_LINES = 12;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const hasId = (v: unknown): v is Record<string, unknown> & { id: string } => isObject(v) && typeof v['id'] === 'string';
const nounOf = (key: string): Noun => ITEM_NOUNS[key] ?? POST;

/** An item with an id, wherever it stands. */
interface Item {
  id: string;
  noun: Noun;
  /** The item that holds it ("område O1"), or '' at the top. */
  parent: string;
  /** The id of the item that holds it, or null at the top. */
  parentId: string | null;
  /** The key of the list it stands in (`styrprinciper`). */
  key: string;
  /** The list it stands in, by its holder and key, for the order of its siblings. */
  list: string;
  value: Record<string, unknown>;
}

/** The items with an id, in document order, and each holder's other values by key. */
function collect(value: unknown, key: string): { items: Map<string, Item>; order: Map<string, string[]> } {
  const items = new Map<string, Item>();
  const order = new Map<string, string[]>();
  const walk = (v: unknown, k: string, parent: string, parentId: string | null) => {
    if (!Array.isArray(v)) return;
    const list = `${parent}\u0000${k}`;
    for (const element of v) {
      if (!hasId(element) || items.has(element.id)) continue;
      items.set(element.id, { id: element.id, noun: nounOf(k), parent, parentId, key: k, list, value: element });
      order.set(list, [...(order.get(list) ?? []), element.id]);
      for (const [childKey, child] of Object.entries(element)) walk(child, childKey, `${nounOf(k).one} ${element.id}`, element.id);
    }
  };
  walk(value, key, '', null);
  return { items, order };
}

/** ", med 7 styrprinciper och 2 underpunkter": what an added or removed item holds, counted (its own items and theirs). */
function withChildren(items: Map<string, Item>, id: string): string {
  const inside = new Set([id]);
  const counts = new Map<Noun, number>();
  for (const item of items.values()) {
    if (item.parentId === null || !inside.has(item.parentId)) continue;
    inside.add(item.id);
    counts.set(item.noun, (counts.get(item.noun) ?? 0) + 1);
  }
  const parts = [...counts].map(([noun, n]) => counted(n, noun));
  return parts.length === 0 ? '' : `, med ${parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} och ${parts.at(-1)}`}`;
}

/** "Styrprincip SP13" */
const named = (item: Item) => `${capitalise(item.noun.one)} ${escapeMarkdown(item.id)}`;
const titleOf = (v: Record<string, unknown>) => (typeof v['titel'] === 'string' ? escapeMarkdown(v['titel']) : '');
const quoted = (v: unknown) => {
  const text = formatValue(v);
  return text.length <= QUOTE_LIMIT ? text : null;
};

/** Lines for the values of one item (or of the field itself) that are not items with ids: scalars, maps, lists of text or rows. */
function ownChanges(before: Record<string, unknown>, after: Record<string, unknown>, promoted: ReadonlySet<string> = new Set()): string[] {
  const lines: string[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  for (const k of keys) {
    const b = before[k] ?? null;
    const a = after[k] ?? null;
    if (stableJson(b) === stableJson(a)) continue;
    const listOfItems = [b, a].some((v) => Array.isArray(v) && v.some(hasId));
    if (listOfItems) {
      // Items with ids are told by collect's comparison; here only the rows without an id in the same list.
      const rows = (Array.isArray(b) ? b : []).filter((x) => !hasId(x) && !(typeof x === 'string' && promoted.has(x)));
      lines.push(...rowChanges(k, rows, (Array.isArray(a) ? a : []).filter((x) => !hasId(x))));
      continue;
    }
    if (Array.isArray(b) || Array.isArray(a)) {
      lines.push(...rowChanges(k, Array.isArray(b) ? b : b === null ? [] : [b], Array.isArray(a) ? a : a === null ? [] : [a]));
      continue;
    }
    const word = k.replace(/_/g, ' ');
    if (b === null) lines.push(`${word} ${quoted(a) === null ? 'skriven' : `tillagd: ${quoted(a)}`}`);
    else if (a === null) lines.push(`${word} borttagen`);
    else {
      const qb = quoted(b);
      const qa = quoted(a);
      lines.push(qb !== null && qa !== null ? `${word} ändrad (${qb} → ${qa})` : `${word} ändrad`);
    }
  }
  return lines;
}

/** Rows without an id (text underpunkter, budget rows) added and removed, by value; a new order alone is said once. */
function rowChanges(key: string, before: unknown[], after: unknown[]): string[] {
  const noun = nounOf(key);
  const b = new Set(before.map(stableJson));
  const a = new Set(after.map(stableJson));
  const row = (v: unknown) => quoted(v) ?? `${formatValue(v).slice(0, QUOTE_LIMIT - 1).trimEnd()}…`;
  const added = after.filter((v) => !b.has(stableJson(v)));
  const removed = before.filter((v) => !a.has(stableJson(v)));
  // One row out and one in: the row was rewritten.
  if (added.length === 1 && removed.length === 1) return [`${noun.one} ${agree(ADJECTIVES.ändrad, 1, noun)} (${row(removed[0])} → ${row(added[0])})`];
  const lines = [
    ...added.map((v) => `${agree(ADJECTIVES.ny, 1, noun)} ${noun.one}: ${row(v)}`),
    ...removed.map((v) => `${noun.one} ${agree(ADJECTIVES.borttagen, 1, noun)}: ${row(v)}`),
  ];
  if (lines.length === 0 && stableJson(before) !== stableJson(after)) lines.push(`${noun.many} i ny ordning`);
  return lines;
}

/**
 * The change of field `field` (its label `label`) from `before` to `after` told in parts when it is a list or a
 * map of items, or a value too long to write out twice; null when before → after reads well as it is (short
 * values, a list of ids). Lines are markdown-escaped, at most MAX_LINES and a count of the rest.
 */
export function describeInParts(label: string, field: string, before: unknown, after: unknown): string[] | null {
  const withIds = [before, after].some((v) => Array.isArray(v) && v.some(hasId));
  const long = formatValue(before).length > WHOLE_LIMIT || formatValue(after).length > WHOLE_LIMIT;
  if (!withIds && !long) return null;
  const kind = (v: unknown) => (Array.isArray(v) ? 'list' : isObject(v) ? 'map' : v === null ? 'none' : 'value');
  // A value written where there was none (or the other way) is told in parts too, against an empty one.
  const empty = (other: unknown) => (Array.isArray(other) ? [] : isObject(other) ? {} : null);
  if (before === null) before = empty(after);
  if (after === null) after = empty(before);
  if (before === null) return [`${label} har skrivits.`];
  if (after === null) return [`${label} har tagits bort.`];
  if (kind(before) !== kind(after) || kind(before) === 'value') return [`${label} har ändrats.`];

  const lines: string[] = [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const b = collect(before, field);
    const a = collect(after, field);
    // A text row that became an item with an id and the same title ("- X" → "- { id: SP8.a, titel: X }") got an id.
    const promoted = new Map<string, Set<string>>();
    for (const item of a.items.values()) {
      const title = item.value['titel'];
      const holder = item.parentId === null ? undefined : { before: b.items.get(item.parentId)?.value, after: a.items.get(item.parentId)?.value };
      if (b.items.has(item.id) || typeof title !== 'string' || !holder?.before || !holder.after) continue;
      const rowsBefore = holder.before[item.key];
      const rowsAfter = holder.after[item.key];
      if (!Array.isArray(rowsBefore) || !rowsBefore.includes(title) || (Array.isArray(rowsAfter) && rowsAfter.includes(title))) continue;
      promoted.set(item.parentId!, (promoted.get(item.parentId!) ?? new Set()).add(title));
      lines.push(`${capitalise(definite(item.noun))} ”${escapeMarkdown(title)}” i ${item.parent} har fått id ${escapeMarkdown(item.id)}`);
    }
    for (const item of a.items.values()) {
      const old = b.items.get(item.id);
      const where = (parent: string) => (parent === '' ? '' : ` i ${parent}`);
      if (old === undefined && item.parentId !== null && promoted.get(item.parentId)?.has(item.value['titel'] as string)) continue;
      if (old === undefined) {
        // An item added inside an item that is new too is counted with it.
        if (item.parentId !== null && !b.items.has(item.parentId)) continue;
        const title = titleOf(item.value);
        lines.push(`${named(item)} ${agree(ADJECTIVES.tillagd, 1, item.noun)}${where(item.parent)}${title ? `: ${title}` : ''}${withChildren(a.items, item.id)}`);
        continue;
      }
      if (old.parent !== item.parent) lines.push(`${named(item)} ${agree(ADJECTIVES.flyttad, 1, item.noun)} från ${old.parent || 'toppnivån'} till ${item.parent || 'toppnivån'}`);
      const own = ownChanges(old.value, item.value, promoted.get(item.id));
      if (own.length > 0) lines.push(`${named(item)}: ${own.join('; ')}`);
    }
    for (const item of b.items.values()) {
      if (a.items.has(item.id) || (item.parentId !== null && !a.items.has(item.parentId))) continue;
      const title = titleOf(item.value);
      lines.push(`${named(item)} ${agree(ADJECTIVES.borttagen, 1, item.noun)}${item.parent ? ` ur ${item.parent}` : ''}${title ? ` (${title})` : ''}${withChildren(b.items, item.id)}`);
    }
    // Items that only changed places among the same siblings.
    for (const [list, ids] of a.order) {
      const old = (b.order.get(list) ?? []).filter((id) => ids.includes(id));
      const kept = ids.filter((id) => old.includes(id));
      if (kept.length > 1 && kept.join('\u0000') !== old.join('\u0000')) {
        const first = a.items.get(ids[0]!)!;
        lines.push(`${capitalise(first.noun.many)}${first.parent ? ` i ${first.parent}` : ''} i ny ordning: ${kept.map(escapeMarkdown).join(', ')}`);
      }
    }
    lines.push(...rowChanges(field, before.filter((x) => !hasId(x)), after.filter((x) => !hasId(x))).map((l) => `${label}: ${l}`));
  } else {
    const own = ownChanges(before as Record<string, unknown>, after as Record<string, unknown>);
    lines.push(...own.map((l) => `${label}: ${l}`));
  }
  if (lines.length === 0) return [`${label}: bara skrivsättet ändrades.`];
  const out = lines.map(capitalise);
  if (out.length > MAX_LINES) return [...out.slice(0, MAX_LINES - 1), `… och ${out.length - MAX_LINES + 1} ändringar till i ${label.toLowerCase()}.`];
  return out;
}
