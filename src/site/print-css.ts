// Print CSS written from a page's own texts: the running head and foot of the printed report and Måluppfyllelse.
import { t } from '../words/ui.js';

/**
 * `text` as a CSS string literal: quotes and backslashes escaped, control characters and `<` (which could end the
 * page's `<style>` element) written as CSS escapes (CSS Syntax Level 3, 4.3.7), so any plan title is safe.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code < 0x20 || code === 0x7f || ch === '<' || ch === '>' || ch === '&') out += `\\${code.toString(16)} `;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * The print rule for an A4 document page: `title` at the top left of every page, `source` at the bottom left and
 * "Sida N av M" at the bottom right (CSS Paged Media Level 3 margin boxes with the page and pages counters). The
 * page size and margins stay in site.css; this only fills the margins.
 */
export function printRunningHeadCss(title: string, source: string): string {
  const box = 'font-family: system-ui, sans-serif; font-size: 8.5pt; color: #333;';
  return [
    '@media print {',
    '  @page {',
    `    @top-left { content: ${cssString(title)}; ${box} vertical-align: bottom; padding-bottom: 3mm; }`,
    `    @bottom-left { content: ${cssString(source)}; ${box} vertical-align: top; padding-top: 3mm; }`,
    `    @bottom-right { content: ${cssString(`${t('print.page')} `)} counter(page) ${cssString(` ${t('print.pageOf')} `)} counter(pages); ${box} vertical-align: top; padding-top: 3mm; }`,
    '  }',
    '}',
  ].join('\n');
}
