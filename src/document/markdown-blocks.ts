// A node's markdown body as document blocks: headings (shifted under the section they stand in), paragraphs,
// lists (nested) and tables. Inline formatting is kept as plain text; bold stays bold.
import type { List, ListItem as MdListItem, PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { installLinearEditMap } from '../util/linear-edit-map.js';
import type { Block, ListItem, Run } from './blocks.js';

installLinearEditMap();
const parser = unified().use(remarkParse).use(remarkGfm);

function phrasingRuns(nodes: readonly PhrasingContent[], strong = false): Run[] {
  const runs: Run[] = [];
  for (const n of nodes) {
    if (n.type === 'text' || n.type === 'inlineCode') runs.push({ text: n.value.replace(/\s*\n\s*/g, ' '), ...(strong ? { strong } : {}) });
    else if (n.type === 'break') runs.push({ text: ' ' });
    else if (n.type === 'strong') runs.push(...phrasingRuns(n.children, true));
    else if ('children' in n) runs.push(...phrasingRuns(n.children as PhrasingContent[], strong));
  }
  return runs;
}

function plain(nodes: readonly PhrasingContent[]): string {
  return phrasingRuns(nodes)
    .map((r) => r.text)
    .join('');
}

function listItems(list: List): ListItem[] {
  return list.children.map((item: MdListItem) => {
    const runs: Run[] = [];
    const children: ListItem[] = [];
    for (const child of item.children) {
      if (child.type === 'paragraph') runs.push(...(runs.length > 0 ? [{ text: ' ' }] : []), ...phrasingRuns(child.children));
      else if (child.type === 'list') children.push(...listItems(child));
    }
    return children.length > 0 ? { runs, children } : { runs };
  });
}

/**
 * Blocks of a markdown body. `headingBase` is the level the body's top headings get (a body under a level-1
 * section heading has its `##` at level 2): a `#` or `##` becomes `headingBase`, deeper ones follow, at most 3.
 */
export function markdownBlocks(markdown: string, headingBase: 1 | 2 | 3): Block[] {
  if (markdown.trim() === '') return [];
  const tree = parser.parse(markdown) as Root;
  const depths = tree.children.filter((n) => n.type === 'heading').map((n) => n.depth);
  const top = depths.length > 0 ? Math.min(...depths) : 1;
  const blocks: Block[] = [];
  const visit = (node: RootContent) => {
    switch (node.type) {
      case 'heading':
        blocks.push({ kind: 'heading', level: Math.min(3, headingBase + node.depth - top) as 1 | 2 | 3, text: plain(node.children) });
        break;
      case 'paragraph':
        blocks.push({ kind: 'paragraph', runs: phrasingRuns(node.children) });
        break;
      case 'list':
        blocks.push({ kind: 'list', ordered: node.ordered === true, items: listItems(node) });
        break;
      case 'table': {
        const [head, ...rows] = node.children;
        const cells = (row: typeof head) => (row ? row.children.map((c) => plain(c.children)) : []);
        blocks.push({ kind: 'table', caption: '', header: cells(head), rows: rows.map(cells) });
        break;
      }
      case 'blockquote':
        for (const child of node.children) visit(child);
        break;
      case 'code':
        blocks.push({ kind: 'paragraph', runs: [{ text: node.value }] });
        break;
      default:
        break;
    }
  };
  for (const node of tree.children) visit(node);
  return blocks;
}
