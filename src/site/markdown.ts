// Safe markdown for the site: remark-parse → remark-rehype → our link/heading/image rules → rehype-sanitize
// → rehype-stringify. Raw HTML in a plan file is dropped (never passed through), the result is sanitised
// with GitHub's allow-list, and only http, https, mailto and tel links and in-page anchors survive:
// `javascript:`, `data:` and the like are removed, the link text stays. Direction controls (U+202E …) are
// removed. Rendered text is cached.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { toHtml } from 'hast-util-to-html';
import { type Processor, unified } from 'unified';
import { VFile } from 'vfile';
import { stripBidiControls } from '../files/characters.js';
import { installLinearEditMap } from '../util/linear-edit-map.js';

const FOOTNOTE_PREFIX = 'user-content-';
const FOOTNOTE_LABEL_ID = 'footnote-label';

export interface MarkdownOptions {
  /**
   * The shallowest heading level the text may use: with 3, `#` and `##` both become `<h3>` and deeper
   * headings shift with them, so a body never breaks the page's heading outline. Default 2.
   */
  minHeading?: number;
  /** Prefix for ids the text creates (footnotes), so several bodies on one page never share an id. */
  idPrefix?: string;
  /**
   * Decides where a relative link (not http, https, mailto, tel or #anchor) goes: return the URL to use,
   * or null to drop the link and keep its text. Without it, relative links are dropped.
   */
  resolveLink?: (href: string) => string | null;
}

const SAFE_PROTOCOL = /^(?:https?:|mailto:|tel:)/i;

const schema: SanitizeSchema = {
  ...defaultSchema,
  // Images are turned into links before sanitising; no element loads anything from elsewhere.
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => t !== 'img' && t !== 'input'),
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'] },
};

function isElement(node: RootContent | ElementContent): node is Element {
  return node.type === 'element';
}

/** Our link and image rules, applied to the HTML tree before it is sanitised. */
function linkRules() {
  return (tree: Root, file: VFile) => {
    const options = (file.data as { markdownOptions?: MarkdownOptions }).markdownOptions ?? {};
    const rewrite = (nodes: (RootContent | ElementContent)[]): (RootContent | ElementContent)[] => {
      const out: (RootContent | ElementContent)[] = [];
      for (const node of nodes) {
        if (!isElement(node)) {
          out.push(node);
          continue;
        }
        if (node.tagName === 'img') {
          const src = typeof node.properties.src === 'string' ? node.properties.src : '';
          const alt = typeof node.properties.alt === 'string' && node.properties.alt !== '' ? node.properties.alt : 'bild';
          const text: ElementContent = { type: 'text', value: `Bild: ${alt}` };
          const href = safeHref(src, options);
          out.push(href === null ? text : { type: 'element', tagName: 'a', properties: { href }, children: [text] });
          continue;
        }
        if (node.tagName === 'a') {
          const raw = typeof node.properties.href === 'string' ? node.properties.href : '';
          const href = safeHref(raw, options);
          if (href === null) {
            out.push(...rewrite(node.children));
            continue;
          }
          node.properties.href = href;
        }
        node.children = rewrite(node.children) as ElementContent[];
        out.push(node);
      }
      return out;
    };
    tree.children = rewrite(tree.children) as RootContent[];
  };
}

/** The href to keep for a link, or null to drop it. */
function safeHref(raw: string, options: MarkdownOptions): string | null {
  // Browsers ignore control characters and surrounding whitespace in URLs ("java\tscript:"); so do we.
  // eslint-disable-next-line no-control-regex
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are removed from a link as browsers ignore them (so "java\tscript:" cannot pass).
  const href = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (href === '') return null;
  if (href.startsWith('#')) return href;
  if (SAFE_PROTOCOL.test(href)) return href;
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return null;
  return options.resolveLink ? options.resolveLink(raw.trim()) : null;
}

installLinearEditMap();

/**
 * What a text may need of GFM's costlier constructs, judged from its characters: each is false only when the
 * construct can never match in the text, so leaving it out gives the same tree (test/site/markdown-gates.test.ts
 * compares both ways). `table`: a table's delimiter row has a `|`, or a `:-` or `-:` (a one-column table needs no
 * `|`; micromark-extension-gfm-table). `email`, `url`: micromark's literal autolinks start at a raw `@` address, at
 * `http://`, `https://` or `www.` in any case (micromark-extension-gfm-autolink-literal; the email construct is
 * tried at every letter and digit, which makes it the costliest). `autolinkTransform`: mdast-util-gfm-autolink-literal
 * also finds them in the text nodes, whose text may come from a character reference (`&#64;`) or an escape
 * (`www\.`) as well; it then runs only when a text node has an `@`, `http://`, `https://` or `www.`.
 */
export interface GfmNeeds {
  table: boolean;
  email: boolean;
  url: boolean;
  autolinkTransform: boolean;
}

/** The GFM constructs `text` may need (see `GfmNeeds`). */
export function gfmNeeds(text: string): GfmNeeds {
  const table = /\||:-|-:/.test(text);
  const email = text.includes('@');
  const url = /https?:\/\/|www\./i.test(text);
  return { table, email, url, autolinkTransform: email || url || text.includes('&') || text.includes('\\') };
}

/** A micromark extension (its fields map a character code to constructs) without the constructs named in `names`. */
type SyntaxExtension = Record<string, Record<string, unknown[] | unknown>>;
function withoutConstructs(extension: SyntaxExtension, names: ReadonlySet<string>): SyntaxExtension {
  const named = (c: unknown) => typeof c === 'object' && c !== null && names.has(String((c as { name?: unknown }).name));
  const out: SyntaxExtension = {};
  for (const [field, map] of Object.entries(extension)) {
    out[field] = {};
    for (const [code, value] of Object.entries(map)) {
      const list = (Array.isArray(value) ? value : [value]).filter((c) => !named(c));
      if (list.length > 0) out[field][code] = Array.isArray(value) ? list : list[0];
    }
  }
  return out;
}

/** The parser for texts with `needs`: remark-parse with GFM, less the constructs the text cannot use. */
function makeParser(needs: GfmNeeds | null) {
  const dropped = new Set<string>();
  if (needs && !needs.table) dropped.add('table');
  if (needs && !needs.email) dropped.add('emailAutolink');
  if (needs && !needs.url) for (const name of ['wwwAutolink', 'protocolAutolink']) dropped.add(name);
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(function trimGfm(this: Processor) {
      if (!needs) return;
      const data = this.data() as unknown as { micromarkExtensions: SyntaxExtension[]; fromMarkdownExtensions: unknown[] };
      data.micromarkExtensions = data.micromarkExtensions.map((e) => withoutConstructs(e, dropped));
      // The extension that turns literal autolink tokens into links also holds the transform that finds them in the
      // text nodes; it runs only when a text node has what its patterns need (an @, http://, https:// or www.).
      const gate = (transform: (tree: MdastRoot) => MdastRoot | undefined) => (tree: MdastRoot) => (mayHoldAutolink(tree) ? transform(tree) : undefined);
      const trim = (e: unknown): unknown => {
        if (Array.isArray(e)) return e.map(trim);
        const extension = e as { enter?: Record<string, unknown>; transforms?: ((tree: MdastRoot) => MdastRoot | undefined)[] };
        if (!extension.enter?.['literalAutolink']) return e;
        return { ...extension, transforms: needs.autolinkTransform ? (extension.transforms ?? []).map(gate) : [] };
      };
      data.fromMarkdownExtensions = data.fromMarkdownExtensions.map(trim);
    })
    .use(remarkRehype, { clobberPrefix: FOOTNOTE_PREFIX, footnoteLabel: 'Fotnoter', footnoteBackLabel: 'Tillbaka till texten' })
    .use(linkRules)
    .use(rehypeSanitize, { ...schema, clobberPrefix: '' })
    .freeze();
}

/**
 * Whether a text node of `tree` could hold a literal autolink for mdast-util-gfm-autolink-literal's transform: its
 * patterns (find-and-replace over text nodes only) need `http://`, `https://` or `www.` in any case, or an `@`.
 */
function mayHoldAutolink(tree: MdastRoot): boolean {
  const stack: MdastNodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text' && AUTOLINK_TEXT.test(node.value)) return true;
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return false;
}
const AUTOLINK_TEXT = /@|https?:\/\/|www\./i;

const parsers = new Map<string, ReturnType<typeof makeParser>>();
/** The parser for `text`: with `gated` false, remark-parse with all of GFM (the slow path the tests compare with). */
function parserFor(text: string, gated: boolean) {
  const needs = gated ? gfmNeeds(text) : null;
  const key = needs ? `${+needs.table}${+needs.email}${+needs.url}${+needs.autolinkTransform}` : 'all';
  let parser = parsers.get(key);
  if (!parser) parsers.set(key, (parser = makeParser(needs)));
  return parser;
}

/** Syntax trees parsed before they were asked for (parse-ahead.ts), by the text markdownToSafeTree parses. */
export interface ParsedAheadSource {
  /** The tree `parseMarkdown` made of `text` (direction controls already removed), taken out; undefined when there is none. */
  take(text: string): MdastRoot | undefined;
}

/**
 * The first and larger part of markdownToSafeTree's work (nine tenths of it on the bench plans): `markdown`'s syntax
 * tree, from the same parser, before any link is resolved. It needs nothing but the text, so it can be made before
 * the graph exists, and given to markdownToSafeTree through a ParsedAheadSource keyed by the returned `text` (the
 * markdown without direction controls). Throws what the parser throws (a RangeError past its nesting limits).
 */
export function parseMarkdown(markdown: string): { text: string; tree: MdastRoot } {
  const text = stripBidiControls(markdown);
  return { text, tree: parserFor(text, true).parse(text) };
}

/**
 * The expensive half: markdown to a sanitised HTML tree (raw HTML dropped, links checked and resolved,
 * allow-listed), without source positions. The tree is plain JSON, so it can be made in one process and
 * used in another. `minHeading` and `idPrefix` are applied by `safeTreeToHtml`. With `gated` false every GFM
 * construct is tried on every text (the slow path, for tests that compare it with the default; see `gfmNeeds`).
 * With `ahead`, a syntax tree parseMarkdown made of the text beforehand is used instead of parsing it again.
 */
export function markdownToSafeTree(markdown: string, options: Pick<MarkdownOptions, 'resolveLink'> = {}, gated = true, ahead?: ParsedAheadSource): Root {
  // Direction controls never reach the page (rule bidi-control; src/site/published-text.ts).
  const file = new VFile({ value: stripBidiControls(markdown), data: { markdownOptions: options } });
  const parser = parserFor(String(file.value), gated);
  try {
    const parsed = (gated ? ahead?.take(String(file.value)) : undefined) ?? parser.parse(file);
    const tree = parser.runSync(parsed, file) as Root;
    return stripPositions(tree);
  } catch (error) {
    // `sparbar check` refuses text nested past its limits (rule limit-exceeded, src/parse/limits.ts); should its count
    // ever differ from the parser's, the page shows the text as written instead of failing the whole build.
    if (!(error instanceof RangeError)) throw error;
    return { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: String(file.value) }] }] };
  }
}

function stripPositions<T extends Root | RootContent | ElementContent>(node: T): T {
  delete (node as { position?: unknown }).position;
  if ('children' in node) for (const child of node.children) stripPositions(child);
  return node;
}

/**
 * The cheap half: a sanitised tree to HTML, with headings shifted so the shallowest is at least
 * `minHeading` and footnote ids prefixed with `idPrefix`. Never changes `tree`.
 */
export function safeTreeToHtml(tree: Root, options: Pick<MarkdownOptions, 'minHeading' | 'idPrefix'> = {}): string {
  const minHeading = Math.min(Math.max(options.minHeading ?? 2, 1), 6);
  const idPrefix = `${options.idPrefix ?? 'md'}-`;
  const prefixed = (value: string) =>
    value.startsWith(FOOTNOTE_PREFIX) ? idPrefix + value.slice(FOOTNOTE_PREFIX.length) : value === FOOTNOTE_LABEL_ID ? idPrefix + value : value;
  let shallowest = 7;
  const visitHeadings = (nodes: readonly (RootContent | ElementContent)[]) => {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      const m = /^h([1-6])$/.exec(node.tagName);
      if (m) shallowest = Math.min(shallowest, Number(m[1]));
      visitHeadings(node.children);
    }
  };
  visitHeadings(tree.children);
  const shift = shallowest <= 6 ? Math.max(0, minHeading - shallowest) : 0;
  const copy = (node: RootContent | ElementContent): RootContent | ElementContent => {
    if (!isElement(node)) return { ...node };
    const properties = { ...node.properties };
    if (typeof properties.id === 'string') properties.id = prefixed(properties.id);
    if (Array.isArray(properties.ariaDescribedBy)) properties.ariaDescribedBy = properties.ariaDescribedBy.map((v) => prefixed(String(v)));
    if (typeof properties.href === 'string' && properties.href.startsWith('#')) properties.href = `#${prefixed(properties.href.slice(1))}`;
    const heading = /^h([1-6])$/.exec(node.tagName);
    const tagName = heading && shift > 0 ? `h${Math.min(6, Number(heading[1]) + shift)}` : node.tagName;
    return { ...node, tagName, properties, children: node.children.map(copy) as ElementContent[] };
  };
  const root: Root = { type: 'root', children: tree.children.map(copy) as RootContent[] };
  return toHtml(root).trim();
}

/** Renders one markdown text to safe HTML; no caching. */
export function renderMarkdownUncached(markdown: string, options: MarkdownOptions = {}): string {
  if (markdown.trim() === '') return '';
  return safeTreeToHtml(markdownToSafeTree(markdown, options), options);
}

/** Key of a text in a tree cache: the source file its relative links are resolved from, and the text. */
export function treeKey(sourceFile: string, markdown: string): string {
  return `${sourceFile}\u0000${markdown}`;
}

/**
 * A renderer with caches: each text (per `cacheKey`, which names whatever `resolveLink` depends on, such
 * as the source file) is parsed once per build, and each text with each heading level and id prefix is
 * turned into HTML once. `trees` may be filled beforehand (see `markdownToSafeTree`, `treeKey`).
 */
export function createMarkdownRenderer(trees: Map<string, Root> = new Map()) {
  const html = new Map<string, string>();
  return (markdown: string, options: MarkdownOptions = {}, cacheKey = ''): string => {
    if (markdown.trim() === '') return '';
    const tk = treeKey(cacheKey, markdown);
    const key = `${options.minHeading ?? 2}\u0000${options.idPrefix ?? ''}\u0000${tk}`;
    const hit = html.get(key);
    if (hit !== undefined) return hit;
    let tree = trees.get(tk);
    if (!tree) {
      tree = markdownToSafeTree(markdown, options);
      trees.set(tk, tree);
    }
    const out = safeTreeToHtml(tree, options);
    html.set(key, out);
    return out;
  };
}

/**
 * The part of a markdown text under the first heading whose text matches `heading` (without the heading
 * itself), up to the next heading of the same or a higher level; null when there is no such heading.
 */
export function markdownSection(markdown: string, heading: RegExp): string | null {
  const lines = markdown.split(/\r?\n/);
  let fence: string | null = null;
  let level = 0;
  const out: string[] = [];
  for (const line of lines) {
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) fence = fence === null ? fenceMatch[1]!.charAt(0) : fence === fenceMatch[1]!.charAt(0) ? null : fence;
    const h = fence === null && !fenceMatch ? /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line) : null;
    if (level === 0) {
      if (h && heading.test(h[2]!)) level = h[1]!.length;
      continue;
    }
    if (h && h[1]!.length <= level) break;
    out.push(line);
  }
  if (level === 0) return null;
  return out.join('\n').trim();
}

/** Plain text of the first paragraph, for a page's meta description; at most `max` characters. */
export function plainExcerpt(markdown: string, max = 200): string {
  const paragraphs = markdown.split(/\r?\n\s*\r?\n/).map((p) => p.trim());
  const first = paragraphs.find((p) => p !== '' && !/^(#|[-*+]\s|\d+[.)]\s|>|```|~~~|\|)/.test(p)) ?? '';
  const text = first
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/[*_`~]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[,.;:]$/, '')}…`;
}
