// What the example's accessibility statement (tillganglighet/index.html) must show, element by element, as
// Digg's model statement asks (digg.se, "Skapa en tillgänglighetsredogörelse") and plans/sparbar.config.json
// configures. Used by build.test.ts on the example it builds.
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { expect } from 'vitest';

function text(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map(text).join('');
  return '';
}

function elements(node: Root | RootContent, out: Element[] = []): Element[] {
  if (node.type === 'element') out.push(node);
  if ('children' in node) for (const child of node.children) elements(child, out);
  return out;
}

/** The text of the element marked `data-statement="<part>"`, whitespace collapsed; fails when it is not on the page. */
function part(all: Element[], name: string): string {
  const found = all.filter((e) => e.properties['dataStatement'] === name);
  expect(found, `data-statement="${name}"`).toHaveLength(1);
  return text(found[0]!).replace(/\s+/g, ' ').trim();
}

/** Asserts every element of the example's statement page. */
export function expectExampleStatement(html: string): void {
  const tree = fromHtml(html);
  const all = elements(tree);
  const body = text(tree).replace(/\s+/g, ' ');
  // The organisation and the site.
  expect(body).toContain('Ekby kommun står bakom den här webbplatsen, ”Ekby kommun: planer och uppföljning”');
  // Compliance as configured: no manual review, so partly compliant, never "helt" on automated tests alone.
  expect(part(all, 'level')).toBe('Delvis förenlig');
  expect(part(all, 'compliance')).toMatch(/^Den här webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service/);
  expect(body).not.toMatch(/helt förenlig/);
  // Written, last reviewed, assessed: the configured dates, as dates.
  expect(part(all, 'written')).toBe('15 september 2025');
  expect(part(all, 'updated')).toBe('1 september 2026');
  expect(part(all, 'assessed')).toBe('1 september 2026');
  for (const date of ['2025-09-15', '2026-09-01']) expect(html).toContain(`datetime="${date}"`);
  // How compliance was assessed: automated testing with axe in a real browser, and that no manual review is done yet.
  const method = part(all, 'method');
  expect(method).toMatch(/självskattning/);
  expect(method).toMatch(/automatiskt i en riktig webbläsare \(Chromium\) mot WCAG 2\.1 nivå A och AA med verktyget axe-core, också mot verktygets regler för god praxis/);
  expect(method).toMatch(/Webbplatsen har inte granskats manuellt\. Därför anger vi att den är delvis förenlig/);
  // Known shortcomings: the configured one and the missing manual review.
  const shortcomings = all.find((e) => e.properties['dataStatement'] === 'shortcomings')!;
  const items = elements(shortcomings).filter((e) => e.tagName === 'li').map((li) => text(li).replace(/\s+/g, ' ').trim());
  expect(items).toHaveLength(2);
  expect(items[0]).toMatch(/^Dokument som planerna länkar till/);
  expect(items[1]).toMatch(/^Webbplatsen har bara testats automatiskt och inte granskats manuellt/);
  expect(part(all, 'burden')).toMatch(/inte undantagit något innehåll/);
  expect(part(all, 'scope')).toMatch(/inte omfattas av lagens krav/);
  // How to report a problem: the example's contact, shown as clearly fictional.
  const contact = all.find((e) => e.properties['dataStatement'] === 'contact')!;
  const hrefs = elements(contact).filter((e) => e.tagName === 'a').map((a) => a.properties['href']);
  expect(hrefs).toEqual(['mailto:tillganglighet@ekby.example', 'https://www.ekby.example/kontakt/tillganglighet']);
  expect(body).toContain('Vi svarar inom fem arbetsdagar.');
  expect(part(all, 'fictional')).toMatch(/^Det här är en exempelplan\. Kontaktvägarna ovan är påhittade/);
  // The link to Digg's form for reporting a site that does not comply.
  const digg = all.filter((e) => e.properties['dataStatement'] === 'digg');
  expect(digg.map((a) => a.properties['href'])).toEqual(['https://www.digg.se/tdosanmalan']);
  // Headings in the model's order.
  const main = all.find((e) => e.tagName === 'main')!;
  const headings = elements(main).filter((e) => e.tagName === 'h2' || e.tagName === 'h3').map((h) => text(h).trim());
  expect(headings).toEqual([
    'Hur tillgänglig är webbplatsen?',
    'Vad kan du göra om du inte kan använda delar av webbplatsen?',
    'Rapportera brister i webbplatsens tillgänglighet',
    'Tillsyn',
    'Teknisk information om webbplatsens tillgänglighet',
    'Innehåll som inte är tillgängligt',
    'Oskäligt betungande anpassning',
    'Innehåll som inte omfattas av lagen',
    'Hur vi testat webbplatsen',
  ]);
}
