// Links in a printed report lead to the published site or are text, never to the temporary 127.0.0.1 server the
// page was printed from (a tester found 564 such links in a report PDF).
import { describe, expect, it } from 'vitest';
import { linksForPrint } from '../../src/site/print-links.js';

const PAGE = '/ekby-digplan/uppfoljning/2026-08/';
const HTML = [
  '<!DOCTYPE html><html lang="sv"><head><link rel="stylesheet" href="/_astro/site.css"></head><body>',
  '<a href="/ekby-digplan/mal/m1/">M1</a>',
  '<a href="../2025-08/">förra</a>',
  '<a href="#att-uppmarksamma">Att uppmärksamma</a>',
  '<a href="https://www.kolada.se/">Kolada</a>',
  '<a href="/ekby-digplan/mal/m2/?x=1#bedomning">M2</a>',
  '</body></html>',
].join('');

describe('links of a page printed to PDF', () => {
  it('make links to the site the published address when it is known, marked as internal', () => {
    const out = linksForPrint(HTML, PAGE, 'https://plan.ekby.example/digital');
    expect(out).toContain('<a href="https://plan.ekby.example/digital/ekby-digplan/mal/m1/" data-utskrift="intern">M1</a>');
    expect(out).toContain('<a href="https://plan.ekby.example/digital/ekby-digplan/uppfoljning/2025-08/" data-utskrift="intern">förra</a>');
    expect(out).toContain('<a href="https://plan.ekby.example/digital/ekby-digplan/mal/m2/?x=1#bedomning" data-utskrift="intern">M2</a>');
  });

  it('leave links to the site as text when the address is not known', () => {
    const out = linksForPrint(HTML, PAGE, null);
    expect(out).toContain('<a>M1</a>');
    expect(out).toContain('<a>förra</a>');
    expect(out).not.toMatch(/href="\/ekby|href="\.\./);
  });

  it('keep links within the page, to other sites and the stylesheet', () => {
    for (const address of ['https://plan.ekby.example/', null]) {
      const out = linksForPrint(HTML, PAGE, address);
      expect(out).toContain('<a href="#att-uppmarksamma">Att uppmärksamma</a>');
      expect(out).toContain('<a href="https://www.kolada.se/">Kolada</a>');
      expect(out).toContain('<link rel="stylesheet" href="/_astro/site.css">');
    }
  });

  it('take the base path off a site published under a sub-path', () => {
    const out = linksForPrint('<a href="/plan/ekby-digplan/mal/m1/">M1</a>', '/plan/ekby-digplan/uppfoljning/2026-08/', 'https://www.ekby.example/plan/', '/plan/');
    expect(out).toContain('href="https://www.ekby.example/plan/ekby-digplan/mal/m1/"');
  });
});
