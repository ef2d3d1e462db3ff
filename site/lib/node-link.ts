// A link to a node's page: its id and title. A function rather than a component for the same reason as badge.ts (some
// 19,000 of them at 1,000 plan files); the HTML is what the component NodeLink.astro wrote, byte for byte.
import { addAttribute, escapeHTML, type HTMLString, markHTMLString } from 'astro/runtime/server/index.js';
import type { GraphNode } from '@src/graph/types.js';
import { site } from '@site/lib/data';

/**
 * `<a href="…"><span class="nid">ID</span> Title</a>` for a template (`{nodeLink(node)}`), as Astro's HTML; a `<span>`
 * instead of the link when the node has no page. `showId`: the id before the title (default for nodes inside a
 * document, not for organisations, policies and plans). A sub-point (SP12.a) links to its place on its principle's page.
 */
export function nodeLink(node: GraphNode, showId: boolean = !(node.type === 'organisation' || node.type === 'policy' || node.type === 'plan')): HTMLString {
  const { model } = site();
  const path = model.linkPath(node.key);
  const inner = `${showId ? `<span class="nid">${escapeHTML(node.id)}</span> ` : ''}${escapeHTML(node.title)}`;
  return markHTMLString(path !== undefined ? `<a${addAttribute(model.href(path), 'href')}>${inner}</a>` : `<span>${inner}</span>`);
}
