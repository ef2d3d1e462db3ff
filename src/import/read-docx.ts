// A Word file (.docx) as source lines, read with mammoth: its headings (Rubrik 1–6, and the Title style as
// the document's title), paragraphs (with a bold lead such as "Ansvarig:"), list items with their nesting
// (Word numbering) and table rows. Mammoth gives semantic HTML; hast-util-from-html parses it.
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import mammoth from 'mammoth';
import type { SourceLine } from './source-lines.js';

const STYLE_MAP = ["p[style-name='Title'] => h1.dokumenttitel:fresh", "p[style-name='Subtitle'] => p:fresh"];

function textOf(node: ElementContent | Root, skipLists = false): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return '';
  if (node.type === 'element' && skipLists && (node.tagName === 'ul' || node.tagName === 'ol')) return '';
  if (node.type === 'element' && node.tagName === 'br') return ' ';
  return node.children.map((c) => textOf(c as ElementContent, skipLists)).join('');
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The bold text a paragraph starts with, or undefined. */
function leadOf(p: Element): string | undefined {
  const first = p.children.find((c) => !(c.type === 'text' && c.value.trim() === ''));
  if (first?.type === 'element' && (first.tagName === 'strong' || first.tagName === 'b')) {
    const t = clean(textOf(first));
    return t === '' ? undefined : t;
  }
  return undefined;
}

/** The lines of a .docx file, one per paragraph, list item or table row, numbered in reading order. */
export async function readDocx(bytes: Buffer): Promise<SourceLine[]> {
  const { value } = await mammoth.convertToHtml({ buffer: bytes }, { styleMap: STYLE_MAP, ignoreEmptyParagraphs: true });
  const tree = fromHtml(value, { fragment: true });
  const lines: SourceLine[] = [];
  const add = (line: Omit<SourceLine, 'origin' | 'x' | 'size' | 'breakBefore'>) => {
    if (line.text === '' && !line.cells) return;
    lines.push({ ...line, origin: { page: null, line: lines.length + 1 }, x: 0, size: null, breakBefore: true });
  };
  const list = (el: Element, level: number) => {
    for (const li of el.children) {
      if (li.type !== 'element' || li.tagName !== 'li') continue;
      const lead = leadOf(li);
      add({ text: clean(textOf(li, true)), listLevel: level, ordered: el.tagName === 'ol', ...(lead ? { lead } : {}) });
      for (const child of li.children) if (child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol')) list(child, level + 1);
    }
  };
  const table = (el: Element) => {
    const rows: Element[] = [];
    const collect = (n: Element) => {
      for (const c of n.children) {
        if (c.type !== 'element') continue;
        if (c.tagName === 'tr') rows.push(c);
        else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') collect(c);
      }
    };
    collect(el);
    rows.forEach((tr, i) => {
      const cells = tr.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
      const header = i === 0;
      add({ text: '', cells: cells.map((c) => clean(textOf(c))), ...(header ? { headerRow: true } : {}) });
    });
  };
  const visit = (el: Element) => {
    const heading = /^h([1-6])$/.exec(el.tagName);
    if (heading) {
      const title = Array.isArray(el.properties['className']) && el.properties['className'].includes('dokumenttitel');
      add({ text: clean(textOf(el)), heading: title ? 0 : Number(heading[1]) });
    } else if (el.tagName === 'p') {
      const lead = leadOf(el);
      add({ text: clean(textOf(el)), ...(lead ? { lead } : {}) });
    } else if (el.tagName === 'ul' || el.tagName === 'ol') list(el, 0);
    else if (el.tagName === 'table') table(el);
    else for (const c of el.children) if (c.type === 'element') visit(c);
  };
  for (const c of tree.children) if (c.type === 'element') visit(c);
  return lines;
}
