// Every page's address: the URL segments of the site and of a plan's or policy's section, each node's page path
// (a function of its id alone, src/util/slug.ts), the base path, and links in the plans' markdown resolved to
// pages. Built once per build from the graph's nodes.
import type { GraphNode, NodeType } from '../graph/types.js';
import { documentAddress, nodeAddress, slugify } from '../util/slug.js';

/** URL segment of each node type that has pages inside its document's section. */
export const TYPE_SEGMENT: Partial<Record<NodeType, string>> = {
  område: 'omrade',
  styrprincip: 'styrprincip',
  mål: 'mal',
  fokusområde: 'fokusomrade',
  aktivitet: 'aktivitet',
  indikator: 'indikator',
  effektmål: 'effektmal',
  framgångsfaktor: 'framgangsfaktor',
};

/** Site-wide pages whose first URL segment no document may take. */
export const SITE_SEGMENTS = {
  organisation: 'organisation',
  listing: 'planer',
  openData: 'oppna-data',
  data: 'data',
  accessibility: 'tillganglighet',
  search: 'sok',
} as const;

/** Segments of a plan section's own pages (besides the node types'). */
export const PLAN_SEGMENTS = { traceability: 'sparbarhet', owners: 'ansvariga', followUp: 'uppfoljning', history: 'historik', comparison: 'jamforelse' } as const;

const RESERVED_DOCUMENT_SLUGS = [...Object.values(SITE_SEGMENTS), 'pagefind', '_astro', '404', 'index', 'favicon.svg'];

/**
 * Why `base` cannot be the site's base path, in Swedish, or undefined when it can. A base is a path of the site's
 * address: letters (å, ä, ö too), digits, spaces and the like are fine; what would end the path or change its
 * meaning in a URL or an HTML attribute is not (RFC 3986: `?` starts a query, `#` a fragment, `%` an escape, `.` and
 * `..` segments are removed; `"`, `<`, `>`, `` ` ``, `\` and control characters are not allowed in a URL). A whole
 * address (`https://host/plan/`, `//host/plan/`) is refused with the path part to give instead.
 */
export function baseProblem(base: string): string | undefined {
  // A scheme, or `//` and a server name (with a dot or a port: `//plan/` is a path with one slash too many).
  const address = /^\s*(?:[a-z][a-z0-9+.-]*:\/\/[^/]*|\/\/[^/]*[.:][^/]*)(\/[^?#]*)?/i.exec(base);
  if (address) {
    return `--base "${base}" är en hel adress. Ge bara sökvägen efter servernamnet: --base ${address[1] || '/'}`;
  }
  const bad = /[?#%"<>`\\\p{Cc}]/u.exec(base);
  const example = 'Skriv den som en sökväg, till exempel /plan/ eller /vårgårda/plan/.';
  if (bad) {
    if (bad[0] === '%') return `--base "${base}" innehåller %. Skriv sökvägens tecken som de är, utan %-kodning: /vårgårda/plan/, inte /v%C3%A5rg%C3%A5rda/plan/.`;
    const shown = /\p{Cc}/u.test(bad[0]) ? 'ett styrtecken' : `tecknet ${bad[0]}`;
    return `--base "${base}" innehåller ${shown}, som inte kan stå i sökvägen i en webbadress. ${example}`;
  }
  if (base.split('/').some((segment) => segment.trim() === '.' || segment.trim() === '..')) {
    return `--base "${base}" har en del som är "." eller "..", som webbläsaren tar bort ur adressen. ${example}`;
  }
  return undefined;
}

/** `plan` → `/plan/`; empty → `/`. */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim();
  if (trimmed === '' || trimmed === '/') return '/';
  return `/${trimmed.replace(/^\/+|\/+$/g, '')}/`;
}

/** Adds the base path: `withBase('/plan/', 'a/b/')` → `/plan/a/b/`. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const root = b.startsWith('/') ? b : `/${b}`;
  return root + path.replace(/^\/+/, '');
}

/** The addresses of the site's pages. */
export class SiteAddresses {
  readonly base: string;
  private readonly paths = new Map<string, string>();
  /** Sub-points (SP12.a), which have no page of their own: their place on their principle's page. */
  private readonly anchors = new Map<string, { path: string; id: string }>();
  private readonly docSlugs: Map<string, string>;
  private readonly nodeBySourceFile = new Map<string, GraphNode>();

  /** The addresses of `nodes`' pages under `base` (`/` or `/plan/`). */
  constructor(nodes: readonly GraphNode[], base: string) {
    this.base = base;
    const documents = nodes.filter((n) => n.type === 'policy' || n.type === 'plan');
    // Addresses depend on the id alone, so an edit elsewhere never moves a page (src/util/slug.ts).
    const reserved = new Set(RESERVED_DOCUMENT_SLUGS);
    this.docSlugs = new Map(documents.map((d) => [d.key, documentAddress(d.id, reserved)]));
    for (const o of nodes.filter((n) => n.type === 'organisation')) this.paths.set(o.key, `${SITE_SEGMENTS.organisation}/${documentAddress(o.id)}/`);
    for (const [key, slug] of this.docSlugs) this.paths.set(key, `${slug}/`);
    for (const n of nodes) {
      const segment = TYPE_SEGMENT[n.type];
      const doc = n.document === null ? undefined : this.docSlugs.get(n.document);
      if (segment && doc !== undefined) this.paths.set(n.key, `${doc}/${segment}/${nodeAddress(n.id)}/`);
    }
    const usedAnchors = new Set<string>();
    for (const n of nodes) {
      if (n.type !== 'underpunkt' || n.document === null) continue;
      // A sub-point's id is its principle's id, a dot and a suffix (checked when the file is read).
      const dot = n.id.lastIndexOf('.');
      const principlePath = dot > 0 ? this.paths.get(`${n.document}:${n.id.slice(0, dot)}`) : undefined;
      if (principlePath === undefined) continue;
      // `delpunkt-sp12-a`; should two ids of one principle differ only in case, the later one is encoded in full.
      const plain = `delpunkt-${n.id.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`;
      const id = usedAnchors.has(`${principlePath}#${plain}`) ? `delpunkt-${nodeAddress(n.id)}` : plain;
      usedAnchors.add(`${principlePath}#${id}`);
      this.anchors.set(n.key, { path: principlePath, id });
    }
    for (const n of nodes) {
      const current = this.nodeBySourceFile.get(n.source.file);
      if (!current || n.source.line < current.source.line) this.nodeBySourceFile.set(n.source.file, n);
    }
  }

  /** A site path with the base: `href('oppna-data/')`. */
  href(path = ''): string {
    return withBase(this.base, path);
  }

  /** Path of a node's page without the base (`ekby-plan/mal/m1/`), or undefined when it has none. */
  pathOf(key: string): string | undefined {
    return this.paths.get(key);
  }

  /** The id of a sub-point's place on its principle's page (`delpunkt-sp12-a`), or undefined. */
  anchorOf(key: string): string | undefined {
    return this.anchors.get(key)?.id;
  }

  /** Path a link to the node leads to: its page, or a sub-point's place on its principle's page; undefined when none. */
  linkPath(key: string): string | undefined {
    const anchor = this.anchors.get(key);
    return anchor ? `${anchor.path}#${anchor.id}` : this.paths.get(key);
  }

  /** URL of a node's page with the base. Throws for a node without a page. */
  url(key: string): string {
    const path = this.paths.get(key);
    if (path === undefined) throw new Error(`Noden ${key} har ingen sida.`);
    return this.href(path);
  }

  /** URL of a document's section (plan or policy) plus a sub-path. */
  docUrl(docKey: string, sub = ''): string {
    return this.href(`${this.docSlug(docKey)}/${sub}`);
  }

  docSlug(docKey: string): string {
    const slug = this.docSlugs.get(docKey);
    if (slug === undefined) throw new Error(`Dokumentet ${docKey} finns inte.`);
    return slug;
  }

  /** The last URL segment of a node's page (`m1`). */
  nodeSlug(key: string): string {
    const path = this.paths.get(key) ?? '';
    const parts = path.split('/').filter(Boolean);
    return parts[parts.length - 1] ?? slugify(key);
  }

  /** URL of an owning unit's page in its plan: `/<plan>/ansvariga/<enhet>/`. */
  unitUrl(unit: { plan: string; slug: string }): string {
    return this.docUrl(unit.plan, `${PLAN_SEGMENTS.owners}/${unit.slug}/`);
  }

  /** Resolves a relative link in a node's markdown to another node's page, or null. */
  resolveSourceLink(href: string, fromFile: string): string | null {
    const [pathPart, fragment] = href.split('#', 2) as [string, string | undefined];
    if (pathPart === '') return fragment !== undefined ? `#${fragment}` : null;
    const dir = fromFile.includes('/') ? fromFile.slice(0, fromFile.lastIndexOf('/')) : '';
    const parts = (pathPart.startsWith('/') ? pathPart.slice(1) : dir ? `${dir}/${pathPart}` : pathPart).split('/');
    const resolved: string[] = [];
    for (const p of parts) {
      if (p === '' || p === '.') continue;
      if (p === '..') {
        if (resolved.length === 0) return null;
        resolved.pop();
      } else resolved.push(decodeSafe(p));
    }
    const target = this.nodeBySourceFile.get(resolved.join('/'));
    return target && this.paths.has(target.key) ? this.url(target.key) : null;
  }
}

function decodeSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
