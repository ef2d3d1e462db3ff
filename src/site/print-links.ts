// The links of a page printed to PDF from the temporary server on 127.0.0.1 (sparbar rapport): chromium writes
// every link as the address it loaded the page from, which is dead for the reader, names the build machine's
// server and differs between runs. Before printing, each link to the site itself is made the published address
// (webbplats.adress) or, when the site's address is not known, is left as text. Links within the page (#...)
// and to other sites are kept.
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';

/** An origin no page is ever served from, for telling links to the site itself from links elsewhere. */
const LOCAL = 'http://sparbar-utskrift.invalid';

/**
 * `html` (a built page at `pagePath`, such as `/ekby-digplan-2024-2027/uppfoljning/2026-08/`) with every `<a href>`
 * to the site itself rewritten for print: to `siteAddress` (an absolute http(s) address, the site's root) plus the
 * link's path, marked `data-utskrift="intern"`, or without `href` when `siteAddress` is null. A link to a place in the page (`#id`) and a link to
 * another site are unchanged. `base` is the site's base path (`/` or `/plan/`), which the address already includes.
 */
export function linksForPrint(html: string, pagePath: string, siteAddress: string | null, base = '/'): string {
  const tree = fromHtml(html);
  const root = siteAddress === null ? null : siteAddress.endsWith('/') ? siteAddress : `${siteAddress}/`;
  const visit = (node: Root | RootContent) => {
    if (node.type === 'element') rewrite(node);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  const rewrite = (el: Element) => {
    const href = el.properties['href'];
    if (el.tagName !== 'a' || typeof href !== 'string' || href.startsWith('#')) return;
    const url = new URL(href, LOCAL + pagePath);
    if (url.origin !== LOCAL) return;
    if (root === null) {
      delete el.properties['href'];
      return;
    }
    const below = url.pathname.startsWith(base) ? url.pathname.slice(base.length) : url.pathname.replace(/^\//, '');
    el.properties['href'] = new URL(below + url.search + url.hash, root).href;
    // The print style writes an outside address after its link; a link within the site needs no such note.
    el.properties['dataUtskrift'] = 'intern';
  };
  visit(tree);
  return toHtml(tree);
}
