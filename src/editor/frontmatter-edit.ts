// What the browser editor reads from a plan file and writes back: the frontmatter's values and the body for
// the form, and on save the same file with only the edited values changed. Runs in the browser (the editor's
// custom format) and in Node (tests); it imports nothing but the yaml package and the frontmatter split.
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { splitFrontmatter } from '../parse/frontmatter.js';

/** The key under which the form's data carries the file as it was read (never written to a file). */
export const ORIGINAL_KEY = '__sparbar_original';
/** The key of the markdown body in the form's data (Decap CMS's convention). */
export const BODY_KEY = 'body';
/** The comment `uppfoljning ny` puts first in a follow-up's body until its owner writes the analysis. */
export const UNFILLED_COMMENT = /^\n?<!-- sparbar: ej ifylld[\s\S]*?-->\n(?:\n?<!-- Texten från [\s\S]*?-->\n)?/;

/** A per-year (or per-value) map shown in the form as a list of pairs, by dotted path: `utfall` → `[{ år, värde }]`. */
export interface RecordField {
  path: string;
  key: string;
  value: string;
}

export interface EditorFormat {
  /** Key order for keys the file does not have yet, per `typ` (the schema's order). */
  order?: Record<string, readonly string[]>;
  /** Per-year maps edited as lists, per `typ`. */
  records?: Record<string, readonly RecordField[]>;
}

type Data = Record<string, unknown>;

interface Parts {
  bom: string;
  crlf: boolean;
  /** LF text without the byte-order mark. */
  text: string;
  /** Offset of the YAML in `text`, and the YAML itself (with its last newline); null without frontmatter. */
  yamlStart: number;
  yaml: string | null;
  /** Offset of the body in `text`. */
  bodyStart: number;
  body: string;
}

function parts(raw: string): Parts {
  const bom = raw.startsWith('\uFEFF') ? '\uFEFF' : '';
  const crlf = raw.includes('\r\n');
  let text = bom ? raw.slice(1) : raw;
  if (crlf) text = text.replace(/\r\n/g, '\n');
  const split = splitFrontmatter(text);
  if (split.kind !== 'frontmatter') return { bom, crlf, text, yamlStart: 0, yaml: null, bodyStart: 0, body: split.kind === 'none' ? split.body : text };
  const yamlStart = text.indexOf('\n') + 1;
  return { bom, crlf, text, yamlStart, yaml: split.yaml, bodyStart: text.length - split.body.length, body: split.body };
}

/** The body as the form shows it: without the leading comments of an unfilled follow-up. */
function bodyForForm(body: string): string {
  return body.replace(UNFILLED_COMMENT, '').replace(/^\n+/, '');
}

const same = (a: string, b: string) => a.trimEnd() === b.trimEnd();

/**
 * The form's data for a plan file: the frontmatter's values (per-year maps as lists), the body under `body`
 * (without `uppfoljning ny`'s "ej ifylld" comments), and the file itself under {@link ORIGINAL_KEY}, so that
 * {@link writeFromForm} can change only what was edited. A file whose frontmatter is not YAML gives only the
 * original (the form then shows empty fields, and saving without edits keeps the file).
 */
export function readForForm(raw: string, format: EditorFormat = {}): Data {
  const p = parts(raw);
  const data: Data = {};
  if (p.yaml !== null) {
    const doc = parseDocument(p.yaml);
    const value = doc.errors.length === 0 ? (doc.toJS() as unknown) : undefined;
    if (isPlainObject(value)) Object.assign(data, value);
  }
  for (const r of format.records?.[String(data['typ'])] ?? []) {
    const map = getPath(data, r.path);
    if (isPlainObject(map)) setPath(data, r.path, Object.entries(map).map(([k, v]) => ({ [r.key]: /^-?\d+$/.test(k) ? Number(k) : k, [r.value]: v })));
  }
  const body = bodyForForm(p.body);
  if (body !== '') data[BODY_KEY] = body;
  data[ORIGINAL_KEY] = raw;
  return data;
}

/**
 * The file text for the form's `data`. With the original (under {@link ORIGINAL_KEY}) every byte that was not
 * edited stays: only the values that differ are rewritten, each in its place and in its old style (quoting,
 * flow or block) where the new value allows it; keys the form emptied are removed, new keys are added after the
 * key before them in schema order; comments, key order, quoting, the byte-order mark and CRLF line endings of
 * the rest are kept. A body left as it was keeps its bytes (an unfilled follow-up keeps its comments; once text
 * is written they go). Without an original (a new file) the frontmatter is written in schema order.
 */
export function writeFromForm(data: Data, format: EditorFormat = {}): string {
  const original = typeof data[ORIGINAL_KEY] === 'string' ? (data[ORIGINAL_KEY] as string) : '';
  const wanted = fromFormData(data, format);
  const bodyValue = typeof data[BODY_KEY] === 'string' ? (data[BODY_KEY] as string) : '';
  const order = format.order?.[String(wanted['typ'])] ?? [];
  if (original === '') return newFile(wanted, bodyValue, order);
  const p = parts(original);
  if (p.yaml === null) return newFile(wanted, bodyValue, order);
  const doc = parseDocument(p.yaml);
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    // A frontmatter we cannot edit in place: keep it unless the form changed something we could read.
    return original;
  }
  const edits: Edit[] = [];
  editMap(doc.contents, (doc.toJS() ?? {}) as Data, wanted, order, { text: p.yaml, edits });
  let yaml = applyEdits(p.yaml, edits);
  if (!yaml.endsWith('\n')) yaml += '\n';
  let body = p.body;
  if (!same(bodyForForm(p.body), bodyValue)) {
    const lead = /^\n/.test(p.body) ? '\n' : '';
    body = bodyValue.trim() === '' ? '' : `${lead}${bodyValue.trimEnd()}\n`;
  }
  let text = p.text.slice(0, p.yamlStart) + yaml + p.text.slice(p.yamlStart + p.yaml.length, p.bodyStart) + body;
  if (p.crlf) text = text.replace(/\n/g, '\r\n');
  return p.bom + text;
}

/** The frontmatter values the form asks for: per-year lists back to maps, empty values and form-only keys left out. */
function fromFormData(data: Data, format: EditorFormat): Data {
  const out: Data = {};
  for (const [k, v] of Object.entries(data)) if (k !== ORIGINAL_KEY && k !== BODY_KEY) out[k] = v;
  for (const r of format.records?.[String(out['typ'])] ?? []) {
    const list = getPath(out, r.path);
    if (Array.isArray(list)) {
      const map: Data = {};
      for (const item of list) if (isPlainObject(item) && !isEmpty(item[r.key]) && !isEmpty(item[r.value])) map[String(item[r.key])] = item[r.value];
      setPath(out, r.path, map);
    }
  }
  return out;
}

function newFile(data: Data, body: string, order: readonly string[]): string {
  const keys = [...order.filter((k) => k in data), ...Object.keys(data).filter((k) => !order.includes(k))];
  const lines = keys.filter((k) => !isEmpty(data[k])).map((k) => render(k, data[k], '', undefined));
  const text = body.trim() === '' ? '' : `${body.trimEnd()}\n`;
  return `---\n${lines.join('\n')}\n---\n${text}`;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

interface Ctx {
  text: string;
  edits: Edit[];
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Start of the line that holds `offset`. */
const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
/** Just past the newline that ends the line holding `offset` (or the end of the text). */
function lineEnd(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}
const indentAt = (text: string, offset: number) => ' '.repeat(offset - lineStart(text, offset));

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/** Where a pair's text ends: past the newline after its value (its comment on the same line included). */
function pairEnd(ctx: Ctx, pair: Pair): number {
  const value = pair.value as Node | null;
  const key = pair.key as Node;
  const end = value?.range ? value.range[1] : (key.range?.[1] ?? 0);
  return lineEnd(ctx.text, end);
}

function editMap(map: YAMLMap, before: Data, after: Data, order: readonly string[], ctx: Ctx): void {
  if (map.flow) {
    if (!deepEqual(before, after)) replaceValue(map, after, ctx);
    return;
  }
  const present = new Map<string, Pair>();
  for (const item of map.items) present.set(keyOf(item as Pair), item as Pair);
  for (const [key, pair] of present) {
    const old = before[key];
    const next = after[key];
    if (deepEqual(old, next)) continue;
    if (isEmpty(next)) {
      if (isEmpty(old)) continue;
      const start = lineStart(ctx.text, (pair.key as Node).range![0]);
      ctx.edits.push({ start, end: pairEnd(ctx, pair), text: '' });
      continue;
    }
    editValue(pair, old, next, ctx);
  }
  const first = map.items[0] as Pair | undefined;
  const indent = first && (first.key as Node).range ? indentAt(ctx.text, (first.key as Node).range![0]) : '';
  const missing = Object.keys(after).filter((k) => !present.has(k) && !isEmpty(after[k]));
  const ordered = [...order.filter((k) => missing.includes(k)), ...missing.filter((k) => !order.includes(k))];
  for (const key of ordered) {
    // After the nearest key before it in schema order that the file has; else after the last pair.
    const pos = order.indexOf(key);
    const previous = pos > 0 ? order.slice(0, pos).reverse().find((k) => present.has(k)) : undefined;
    const anchor = previous !== undefined ? present.get(previous)! : (map.items[map.items.length - 1] as Pair | undefined);
    const at = anchor ? pairEnd(ctx, anchor) : ctx.text.length;
    const prefix = at > 0 && ctx.text[at - 1] !== '\n' ? '\n' : '';
    ctx.edits.push({ start: at, end: at, text: `${prefix}${indent}${render(key, after[key], indent, undefined)}\n` });
  }
}

function editValue(pair: Pair, old: unknown, next: unknown, ctx: Ctx): void {
  const node = pair.value as Node | null;
  if (node && isMap(node) && isPlainObject(next) && isPlainObject(old)) {
    editMap(node, old, next, [], ctx);
    return;
  }
  if (node && isSeq(node) && !node.flow && Array.isArray(next) && Array.isArray(old)) {
    editBlockSeq(node, old, next, ctx);
    return;
  }
  replaceValue(node, next, ctx, pair);
}

function editBlockSeq(seq: YAMLSeq, old: unknown[], next: unknown[], ctx: Ctx): void {
  const items = seq.items as Node[];
  if (items.length === 0 || items.some((n) => !n.range)) {
    replaceValue(seq, next, ctx);
    return;
  }
  const dash = lineStart(ctx.text, items[0]!.range![0]);
  const indent = ctx.text.slice(dash, ctx.text.indexOf('-', dash));
  const rewrite = () => ctx.edits.push({ start: dash, end: valueEnd(ctx, seq), text: next.map((v) => blockItem(v, indent)).join('\n') });
  if (next.length < old.length) {
    rewrite();
    return;
  }
  const before = ctx.edits.length;
  for (let i = 0; i < old.length; i++) {
    if (deepEqual(old[i], next[i])) continue;
    const node = items[i]!;
    if (isMap(node) && isPlainObject(old[i]) && isPlainObject(next[i])) editMap(node, old[i] as Data, next[i] as Data, [], ctx);
    else if (isScalar(node) && !isObject(next[i])) ctx.edits.push({ start: node.range![0], end: valueEnd(ctx, node), text: scalarText(next[i], node.type, indentAt(ctx.text, node.range![0])) });
    else {
      ctx.edits.length = before;
      rewrite();
      return;
    }
  }
  if (next.length > old.length) {
    const last = items[items.length - 1]!;
    const at = lineEnd(ctx.text, last.range![1]);
    const added = next
      .slice(old.length)
      .map((v) => blockItem(v, indent))
      .join('\n');
    ctx.edits.push({ start: at, end: at, text: `${at > 0 && ctx.text[at - 1] !== '\n' ? '\n' : ''}${added}\n` });
  }
}

/** One item of a block list, `- value`, its lines indented by `indent`. */
function blockItem(value: unknown, indent: string): string {
  const doc = new Document([toYamlValue(value)]);
  const seq = doc.contents as YAMLSeq;
  seq.flow = false;
  const item = seq.items[0] as Node;
  if (isSeq(item) && item.items.every((i) => isScalar(i))) item.flow = true;
  return doc
    .toString({ lineWidth: 0, flowCollectionPadding: false })
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => (l === '' ? l : indent + l))
    .join('\n');
}

/** Rewrites one value in place: a scalar in its old quoting where it can, a collection in its old flow or block style. */
function replaceValue(node: Node | null, next: unknown, ctx: Ctx, pair?: Pair): void {
  if (node?.range && isScalar(node) && !isObject(next)) {
    ctx.edits.push({ start: node.range[0], end: valueEnd(ctx, node), text: scalarText(next, node.type, indentAt(ctx.text, pair ? (pair.key as Node).range![0] : node.range[0])) });
    return;
  }
  if (pair) {
    // From just after the key (the colon and what follows) to the end of the value.
    const keyNode = pair.key as Node;
    const colon = ctx.text.indexOf(':', keyNode.range![1]);
    const end = node?.range ? valueEnd(ctx, node) : colon + 1;
    const indent = indentAt(ctx.text, keyNode.range![0]);
    const flow = node && (isMap(node) || isSeq(node)) ? node.flow === true : undefined;
    ctx.edits.push({ start: colon, end, text: render('', next, indent, flow).slice(0) });
    return;
  }
  if (node?.range) {
    const flow = isMap(node) || isSeq(node) ? node.flow === true : undefined;
    const indent = indentAt(ctx.text, node.range[0]);
    const rendered = render('', next, indent, flow).replace(/^:\s?/, '');
    const block = !flow && isObject(next);
    const start = block ? lineStart(ctx.text, node.range[0]) : node.range[0];
    ctx.edits.push({ start, end: valueEnd(ctx, node), text: block ? rendered.replace(/^\n/, '') : rendered });
  }
}

/** The end of a value's own text: a block collection's last line without its newline. */
function valueEnd(ctx: Ctx, node: Node): number {
  let end = node.range![1];
  while (end > node.range![0] && ctx.text[end - 1] === '\n') end--;
  return end;
}

/** A JS value as the yaml package builds it for rendering: integer-like map keys as numbers (`2026: 85`, not `"2026": 85`). */
function toYamlValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toYamlValue);
  if (isPlainObject(value)) return new Map(Object.entries(value).map(([k, v]) => [/^-?\d+$/.test(k) ? Number(k) : k, toYamlValue(v)]));
  return value;
}

/**
 * `key: value` (or, with an empty key, `: value`) in YAML, continuation lines indented by `indent`; `flow` keeps
 * a collection's flow or block style (lists of plain values are written `[a, b]` when not told).
 */
function render(key: string, value: unknown, indent: string, flow: boolean | undefined): string {
  const doc = new Document(new Map([['x', toYamlValue(value)]]));
  const node = (doc.contents as YAMLMap).items[0]!.value as Node;
  if (isMap(node) || isSeq(node)) {
    const scalarsOnly = isSeq(node) && node.items.every((i) => isScalar(i));
    node.flow = flow ?? (scalarsOnly || (isMap(node) && node.items.every((p) => isScalar((p as Pair).value))));
  }
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '');
  const body = text.slice(2); // after `x:`
  const lines = body.split('\n');
  return `${key}:${lines.map((l, i) => (i === 0 || l === '' ? l : indent + l)).join('\n')}`;
}

/** A scalar's text in the old quoting when the new value allows it (a plain scalar that would read as something else is quoted). */
function scalarText(value: unknown, type: Scalar['type'], indent: string): string {
  const scalar = new Scalar(value);
  if (typeof value === 'string' && (type === Scalar.QUOTE_DOUBLE || type === Scalar.QUOTE_SINGLE || type === Scalar.PLAIN)) scalar.type = type;
  if (typeof value === 'string' && (type === Scalar.BLOCK_FOLDED || type === Scalar.BLOCK_LITERAL)) scalar.type = type;
  const doc = new Document(new Map([['x', scalar]]));
  const text = doc.toString({ lineWidth: 0 }).replace(/\n$/, '').slice(3); // after `x: `
  return text
    .split('\n')
    .map((l, i) => (i === 0 || l === '' ? l : indent + l))
    .join('\n');
}

function isObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null;
}

function isPlainObject(v: unknown): v is Data {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

/** Values a form leaves behind for a field without content. */
export function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isPlainObject(v)) return Object.values(v).every(isEmpty);
  return false;
}

/** Deep equality of YAML-derived JS values; empty values are equal to each other. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  if (isPlainObject(a) || isPlainObject(b)) {
    if (!isPlainObject(a) || !isPlainObject(b)) return false;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => deepEqual(a[k], b[k]));
  }
  return a === b;
}

function getPath(data: Data, path: string): unknown {
  let cur: unknown = data;
  for (const seg of path.split('.')) cur = isPlainObject(cur) ? cur[seg] : undefined;
  return cur;
}

function setPath(data: Data, path: string, value: unknown): void {
  const segs = path.split('.');
  let cur: Data = data;
  for (const seg of segs.slice(0, -1)) {
    if (!isPlainObject(cur[seg])) return;
    cur = cur[seg] as Data;
  }
  cur[segs[segs.length - 1]!] = value;
}
