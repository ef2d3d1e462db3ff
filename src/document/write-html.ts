// A decision document as one printable HTML page (A4, Swedish, no script), the input of the PDF printer: the
// same title page, headings, lists and tables as the Word file; the action plan on landscape pages.
import type { Block, DecisionDocument, ListItem, Run } from './blocks.js';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function runs(list: readonly Run[]): string {
  return list.map((r) => (r.strong ? `<strong>${escapeHtml(r.text)}</strong>` : escapeHtml(r.text))).join('');
}

function items(list: readonly ListItem[], ordered: boolean): string {
  const tag = ordered ? 'ol' : 'ul';
  return `<${tag}>${list.map((i) => `<li>${runs(i.runs)}${i.children && i.children.length > 0 ? items(i.children, ordered) : ''}</li>`).join('')}</${tag}>`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      // The title is the page's h1; the document's own levels 1–3 are h2–h4.
      return `<h${b.level + 1}>${escapeHtml(b.text)}</h${b.level + 1}>`;
    case 'paragraph':
      return `<p>${runs(b.runs)}</p>`;
    case 'list':
      return items(b.items, b.ordered);
    case 'table': {
      const head = `<thead><tr>${b.header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
      const body = `<tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody>`;
      return `<table>${b.caption ? `<caption>${escapeHtml(b.caption)}</caption>` : ''}${head}${body}</table>`;
    }
  }
}

/**
 * The blocks as HTML, a landscape table in a wide page with the heading right before it, so the heading is
 * not left alone at the foot of the portrait page before.
 */
function landscapeGroups(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const next = blocks[i + 1];
    if (b.kind === 'heading' && next?.kind === 'table' && next.landscape) {
      out.push(`<div class="wide">${block(b)}\n${block(next)}</div>`);
      i++;
    } else out.push(b.kind === 'table' && b.landscape ? `<div class="wide">${block(b)}</div>` : block(b));
  }
  return out;
}

const CSS = `
@page { size: A4; margin: 2.2cm 2cm 2.4cm; @bottom-center { content: var(--footer) " – Sida " counter(page) " av " counter(pages); font: 9pt Carlito, Calibri, "Liberation Sans", sans-serif; } }
@page wide { size: A4 landscape; }
body { font: 11pt/1.45 Carlito, Calibri, "Liberation Sans", sans-serif; color: #111; }
.title-page { break-after: page; padding-top: 6cm; }
.title-page .organisation, .title-page .kind { font-size: 14pt; }
.title-page h1 { font-size: 26pt; margin: .3em 0; }
.title-page dl { margin-top: 2em; display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; }
.title-page dt { font-weight: bold; }
.title-page dd { margin: 0; }
h2 { font-size: 18pt; break-after: avoid; margin-top: 1.6em; }
h3 { font-size: 14pt; break-after: avoid; margin-top: 1.4em; }
h4 { font-size: 12pt; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: 9.5pt; }
caption { text-align: left; font-weight: bold; padding-bottom: .3em; }
th, td { border: 1px solid #777; padding: .25em .7em; text-align: left; vertical-align: top; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
caption, thead, tbody tr:first-child { break-after: avoid; }
thead, tbody tr:first-child { break-before: avoid; }
.wide { page: wide; }
`;

/** The document as a complete HTML page. */
export function writeHtml(doc: DecisionDocument): string {
  const facts = doc.facts.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`).join('');
  const footer = JSON.stringify(doc.title).replace(/</g, '\\3c ');
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>${escapeHtml(doc.title)}</title>
<style>${CSS}:root { --footer: ${footer}; }</style>
</head>
<body>
<section class="title-page">
<p class="organisation">${escapeHtml(doc.organisation)}</p>
<h1>${escapeHtml(doc.title)}</h1>
<p class="kind">${escapeHtml(doc.kind)}</p>
${facts ? `<dl>${facts}</dl>` : ''}
</section>
<main>
${landscapeGroups(doc.blocks).join('\n')}
</main>
</body>
</html>
`;
}
