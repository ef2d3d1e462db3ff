// Safe markdown: raw HTML and script never pass, only safe links survive, headings keep the page's outline.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlans } from '../../src/check/check-plans.js';
import { createMarkdownRenderer, markdownSection, plainExcerpt, renderMarkdownUncached as render } from '../../src/site/markdown.js';
import { SiteModel } from '../../src/site/model.js';

const hostile = path.resolve(import.meta.dirname, '../fixtures/site/hostile');

/** Nothing that runs, loads or navigates to script. */
function expectSafe(html: string) {
  expect(html).not.toMatch(/<(script|iframe|object|embed|style|img|svg|form|input|link|meta|base)\b/i);
  expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
  for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) expect(m[1]).toMatch(/^(https?:|mailto:|tel:|#|\/)/);
}

describe('renderMarkdown', () => {
  it('drops raw HTML and script', () => {
    const html = render('Text <script>alert(1)</script> och <b onclick="x()">fet</b>.\n\n<img src=x onerror=alert(1)>\n\n<iframe src="https://evil.example"></iframe>\n\n<style>body{}</style>\n\n<svg onload=alert(1)></svg>');
    expectSafe(html);
    expect(html).toContain('Text');
    expect(html).not.toContain('<b');
  });

  it('drops javascript:, vbscript: and data: links in every spelling but keeps their text', () => {
    const html = render(
      '[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](  javascript:alert(1)) [d](java\tscript:alert(1)) [e](vbscript:x) [f](data:text/html,x) [g](//evil.example/x)\n\n<javascript:alert(1)>\n\n[ref][r]\n\n[r]: javascript:alert(1)',
    );
    expectSafe(html);
    for (const t of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'ref']) expect(html).toContain(t);
    expect(html).not.toMatch(/href=/);
  });

  it('keeps http, https, mailto and tel links and anchors; turns images into links', () => {
    const html = render('[w](https://ex.se/a?b=1&c=2) [m](mailto:a@b.se) [t](tel:+4612345) [x](#vision)\n\n![Karta](https://ex.se/karta.png) ![](javascript:x)');
    expect(html).toContain('href="https://ex.se/a?b=1&#x26;c=2"');
    expect(html).toContain('href="mailto:a@b.se"');
    expect(html).toContain('href="tel:+4612345"');
    expect(html).toContain('href="#vision"');
    expect(html).toContain('<a href="https://ex.se/karta.png">Bild: Karta</a>');
    expectSafe(html);
  });

  it('resolves relative links through the caller and drops those it cannot place', () => {
    const html = render('[plan](../plan.md) [saknas](../finns-inte.md)', { resolveLink: (href) => (href === '../plan.md' ? '/plan/' : null) });
    expect(html).toContain('<a href="/plan/">plan</a>');
    expect(html).toContain('saknas');
    expect(html).not.toContain('finns-inte');
  });

  it('shifts headings so the text never breaks the page outline', () => {
    expect(render('# A\n\n## B', { minHeading: 3 })).toBe('<h3>A</h3>\n<h4>B</h4>');
    expect(render('## A\n\n### B', { minHeading: 2 })).toBe('<h2>A</h2>\n<h3>B</h3>');
    expect(render('##### A', { minHeading: 6 })).toBe('<h6>A</h6>');
  });

  it('gives footnote ids a prefix so two texts on one page never share an id', () => {
    const a = render('Text[^1]\n\n[^1]: Not.', { idPrefix: 'a' });
    const b = render('Text[^1]\n\n[^1]: Not.', { idPrefix: 'b' });
    const ids = (html: string) => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
    expect(ids(a).every((id) => id!.startsWith('a-'))).toBe(true);
    expect(ids(a).filter((id) => ids(b).includes(id))).toEqual([]);
    expect(a).toContain('href="#a-fn-1"');
  });

  it('renders GFM tables and lists, and caches', () => {
    const renderCached = createMarkdownRenderer();
    const md = '| a | b |\n|---|---|\n| 1 | 2 |\n\n- x\n- y';
    const html = renderCached(md);
    expect(html).toContain('<table>');
    expect(html).toContain('<li>x</li>');
    expect(renderCached(md)).toBe(html);
    expect(renderCached('   ')).toBe('');
  });

  it('renders every body and follow-up of the hostile fixture safely', () => {
    const { graph } = checkPlans(hostile);
    const model = new SiteModel(graph);
    const renderCached = createMarkdownRenderer();
    const texts = [...graph.nodes.map((n) => ({ text: n.body, file: n.source.file })), ...graph.followUps.map((f) => ({ text: f.body, file: f.source.file }))];
    expect(texts.filter((t) => t.text.includes('<script')).length).toBeGreaterThanOrEqual(3);
    for (const { text, file } of texts) expectSafe(renderCached(text, { resolveLink: (href) => model.resolveSourceLink(href, file) }, file));
  });
});

describe('markdownSection and plainExcerpt', () => {
  const md = '## Vision\n\nEn öppen kommun.\n\n### Del\n\nMer.\n\n## Ansvar\n\nKS.\n\n```\n## inte en rubrik\n```';
  it('takes the part under a heading, down to the next heading of its level', () => {
    expect(markdownSection(md, /^vision$/i)).toBe('En öppen kommun.\n\n### Del\n\nMer.');
    expect(markdownSection(md, /^ansvar$/i)).toBe('KS.\n\n```\n## inte en rubrik\n```');
    expect(markdownSection(md, /^saknas$/)).toBeNull();
  });
  it('gives the first paragraph as plain text, shortened at a word', () => {
    expect(plainExcerpt('## R\n\nEn [länk](https://x.se) och *kursiv* text.')).toBe('En länk och kursiv text.');
    const long = plainExcerpt('ord '.repeat(100), 50);
    expect(long.length).toBeLessThanOrEqual(50);
    expect(long.endsWith('…')).toBe(true);
  });
});
