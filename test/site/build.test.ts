// The site build end to end: refuses plans with errors, is deterministic, builds several plans with a
// base path and no broken link, and never lets hostile plan text through as HTML or script.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSite } from '../../src/site/build-site.js';
import { checkOutputFolder } from '../../src/files/write-safety.js';
import { brokenLinks, hashTree, linksIn, listFiles } from './site-files.js';
import { expectExampleStatement } from './statement-page.js';

// Each test here builds whole sites: minutes on a busy 2-core machine, so more than the suite's 120 s.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'test/fixtures/site');
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'sparbar-site-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('buildSite', () => {
  it('refuses to build a plan with errors and says why, writing nothing', async () => {
    const plans = path.join(tmp, 'broken');
    mkdirSync(plans);
    writeFileSync(path.join(plans, 'mal.md'), '---\ntyp: mål\nid: M1\ntitel: Mål\n---\n');
    const out = path.join(tmp, 'broken-out');
    const result = await buildSite({ plansDir: plans, outDir: out, logLevel: 'silent' });
    expect(result.exitCode).toBe(1);
    expect(result.messages.some((m) => m.fatal === true)).toBe(true);
    expect(result.errors.join(' ')).toMatch(/byggdes inte/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a missing plans folder (exit 2) and an output folder that would wipe the plans', async () => {
    const missing = await buildSite({ plansDir: path.join(tmp, 'finns-inte'), outDir: path.join(tmp, 'x'), logLevel: 'silent' });
    expect(missing.exitCode).toBe(2);
    const plans = path.join(tmp, 'plans-copy');
    cpSync(path.join(fixtures, 'multi'), plans, { recursive: true });
    expect(() => checkOutputFolder(plans, plans)).toThrow(/planmappen/);
    expect(() => checkOutputFolder(tmp, plans)).toThrow(/planmappen/);
    const other = path.join(tmp, 'other');
    mkdirSync(other);
    writeFileSync(path.join(other, 'viktig.txt'), 'x');
    expect(() => checkOutputFolder(other, plans)).toThrow(/innehåller filer som Spårbar inte har byggt/);
    const result = await buildSite({ plansDir: plans, outDir: plans, logLevel: 'silent' });
    expect(result.exitCode).toBe(2);
    expect(existsSync(path.join(plans, 'policy/policy.md'))).toBe(true);
  });

  it('refuses a base path that cannot be a URL path (exit 2) before building, saying why in Swedish', async () => {
    for (const base of ['/a?x', '/a#x', '/a/../b/', '/a"b/', '/pl%C3%A5n/']) {
      const out = path.join(tmp, 'fel-bas');
      const result = await buildSite({ plansDir: path.join(root, 'plans'), outDir: out, base, logLevel: 'silent' });
      expect(result.exitCode, base).toBe(2);
      expect(result.errors, base).toHaveLength(1);
      expect(result.errors[0], base).toMatch(/^--base ".*" (innehåller|har en del)/);
      expect(existsSync(out), base).toBe(false);
    }
  });

  it('gives identical files for two builds of the example plan', async () => {
    const a = path.join(tmp, 'a');
    const b = path.join(tmp, 'b');
    const first = await buildSite({ plansDir: path.join(root, 'plans'), outDir: a, logLevel: 'silent' });
    expect(first.errors).toEqual([]);
    expect(first.exitCode).toBe(0);
    expect(first.pageCount).toBeGreaterThan(90);
    const second = await buildSite({ plansDir: path.join(root, 'plans'), outDir: b, logLevel: 'silent' });
    expect(second.exitCode).toBe(0);
    const ha = hashTree(a);
    const hb = hashTree(b);
    expect([...hb.keys()]).toEqual([...ha.keys()]);
    const differing = [...ha].filter(([file, hash]) => hb.get(file) !== hash).map(([file]) => file);
    expect(differing).toEqual([]);
    // No broken internal link or anchor anywhere; one stylesheet; no script outside the search page.
    expect(brokenLinks(a, '/')).toEqual([]);
    const files = listFiles(a);
    expect(files.filter((f) => f.startsWith('_astro/') && f.endsWith('.css'))).toHaveLength(1);
    expect(files.filter((f) => f.startsWith('_astro/') && f.endsWith('.js'))).toHaveLength(0);
    for (const f of files.filter((x) => x.endsWith('.html') && x !== 'sok/index.html')) {
      expect(readFileSync(path.join(a, f), 'utf8'), f).not.toMatch(/<script/i);
    }
    // No developer words in what a reader sees: nodes, links and graphs are mål, fokusområden and aktiviteter that
    // hänger ihop (the open data's file names, graf.json and noder.csv, stay as they are).
    for (const f of files.filter((x) => x.endsWith('.html'))) {
      // Commit messages (the change history) are the plan writers' own words.
      const text = readFileSync(path.join(a, f), 'utf8').replace(/<section class="change-history[\s\S]*?<\/section>/g, '').replace(/<[^>]+>/g, ' ').replace(/\b(graf|noder|lankar)\.(json|csv)\b|graf\.schema\.json/g, '');
      expect(text, f).not.toMatch(/\b([Nn]od|[Nn]oden|[Nn]oder|[Nn]oderna|[Ll]änken|[Ll]änkarna|[Gg]raf|[Gg]rafen)\b|Spårning uppåt/);
    }
    expect(files).toContain('data/graf.json');
    expect(files).toContain('pagefind/pagefind.js');
    // No adopted version is named for the example plan: no page "Ändringar sedan antagandet" and no link to it.
    expect(files.filter((f) => f.includes('/andringar/'))).toEqual([]);
    expect(readFileSync(path.join(a, 'ekby-digplan-2024-2027/index.html'), 'utf8')).not.toContain('Ändringar sedan antagandet');
    // The accessibility statement shows every element Digg's model asks for, from plans/sparbar.config.json.
    expectExampleStatement(readFileSync(path.join(a, 'tillganglighet/index.html'), 'utf8'));
    // SP8's sub-points with ids have their place on its page, with the focus area that names them; the focus area
    // links to that place (brokenLinks above checks the anchors).
    const sp8 = readFileSync(path.join(a, 'ekby-it-policy/styrprincip/sp8/index.html'), 'utf8');
    expect(sp8).toMatch(/<li id="delpunkt-sp8-a">\s*<span class="nid">SP8\.a<\/span> Gemensamma lösningar går före enhetsspecifika[\s\S]*?förverkligas av fokusområdet <a href="\/ekby-digplan-2024-2027\/fokusomrade\/fo3-2\/"><span class="nid">FO3\.2<\/span> Samordnad upphandling/);
    expect(sp8).toContain('Standardlösningar från marknaden går före egenutveckling');
    const fo32 = linksIn(readFileSync(path.join(a, 'ekby-digplan-2024-2027/fokusomrade/fo3-2/index.html'), 'utf8'));
    expect(fo32).toEqual(expect.arrayContaining(['/ekby-it-policy/styrprincip/sp8/#delpunkt-sp8-a', '/ekby-it-policy/styrprincip/sp8/#delpunkt-sp8-b']));
  }, 600_000);

  it('builds several organisations and plans under a base path, every link working', async () => {
    const out = path.join(tmp, 'multi');
    const result = await buildSite({ plansDir: path.join(fixtures, 'multi'), outDir: out, base: '/planer/', logLevel: 'silent' });
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(brokenLinks(out, '/planer/')).toEqual([]);
    const files = new Set(listFiles(out));
    for (const page of [
      'index.html',
      'planer/index.html',
      'organisation/norrby/index.html',
      'organisation/sodervik/index.html',
      'alvdalen-it-policy/index.html',
      'alvdalen-it-policy/styrprincip/sp4/index.html',
      'norrby-plan-2020/index.html',
      'norrby-plan-2024/mal/m1/index.html',
      'norrby-plan-2024/fokusomrade/fo1-1/index.html',
      'norrby-plan-2024/fokusomrade/fo1-1_464f312d31/index.html',
      'sodervik-plan-2024/mal/m1/index.html',
      'vastra-plan-2025/sparbarhet/index.html',
      'norrby-plan-2024/ansvariga/samhallsbyggnad-it/index.html',
    ]) {
      expect(files.has(page), page).toBe(true);
    }
    const read = (f: string) => readFileSync(path.join(out, f), 'utf8');
    // The replaced plan says so and links to the plan that replaced it, and back.
    expect(read('norrby-plan-2020/index.html')).toMatch(/Planen är ersatt/);
    expect(linksIn(read('norrby-plan-2020/index.html'))).toContain('/planer/norrby-plan-2024/');
    expect(linksIn(read('norrby-plan-2024/index.html'))).toContain('/planer/norrby-plan-2020/');
    // The shared policy lists every plan that implements it; the uncovered principle stands out.
    const policy = read('alvdalen-it-policy/index.html');
    for (const plan of ['norrby-plan-2020', 'norrby-plan-2024', 'sodervik-plan-2024', 'vastra-plan-2025']) expect(linksIn(policy)).toContain(`/planer/${plan}/`);
    expect(read('alvdalen-it-policy/styrprincip/sp4/index.html')).toMatch(/Ingen plan förverkligar principen/);
    expect(read('norrby-plan-2024/sparbarhet/index.html')).toMatch(/class="uncovered"/);
    // A principle shared by plans shows the goals of each plan.
    const sp1 = linksIn(read('alvdalen-it-policy/styrprincip/sp1/index.html'));
    expect(sp1).toContain('/planer/norrby-plan-2020/mal/m1/');
    expect(sp1).toContain('/planer/norrby-plan-2024/mal/m1/');
    // A relative link between plan files leads to the node's page; a broken one is dropped.
    expect(policy).toContain('href="/planer/norrby-plan-2024/"');
    expect(policy).not.toContain('finns-inte.md');
    // Norrby's 2025-08 report: I1 measures goal M1, nothing measures its focus areas (rule no-indicator).
    const report = read('norrby-plan-2024/uppfoljning/2025-08/index.html');
    const plain = report.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(plain).toContain('2 av 2 fokusområden saknar indikator: FO1-1 , FO1.1');
    expect(plain).toContain('Fokusområde FO1.1 Gemensamt nät Ej bedömd Saknar indikator');
    expect(plain).toContain('Fokusområde FO1-1 Gemensam drift Ej bedömd Saknar indikator');
    expect(plain.match(/Saknar indikator/g)).toHaveLength(2);
    // The same on the plan's goals table (start page too) and its traceability page: M1 measured, neither focus area.
    const textOf = (f: string) => read(f).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(textOf('norrby-plan-2024/index.html')).toContain('2 av 2 fokusområden saknar indikator');
    const norrbyTrace = textOf('norrby-plan-2024/sparbarhet/index.html');
    expect(norrbyTrace).toMatch(/FO1-1 Gemensam drift ● hör till M1 1 Saknar indikator FO1\.1 Gemensamt nät ● hör till M1 \d+ Saknar indikator/);
    expect(norrbyTrace.match(/Saknar indikator/g)).toHaveLength(2);
    // Söderviks M1: no indicator measures it or its focus area; the goal itself is flagged.
    expect(textOf('sodervik-plan-2024/index.html')).toContain('M1 Kompetens i hela organisationen Saknar indikator Ej bedömd');
    expect(textOf('sodervik-plan-2024/sparbarhet/index.html')).toMatch(/M1 Kompetens i hela organisationen Saknar indikator FO1 Chefsutbildning ● hör till M1 \d+ Saknar indikator/);
    // Configuration fills the accessibility statement.
    const statement = read('tillganglighet/index.html');
    expect(statement).toContain('Älvdalens IT-samverkan');
    expect(statement).toContain('delvis förenlig');
    expect(statement).toContain('mailto:tillganglighet@alvdalen.example');
    expect(statement).toContain('1 september 2025');
  }, 600_000);

  it('never lets hostile plan text through as markup, script or a javascript: link', async () => {
    const out = path.join(tmp, 'hostile');
    const result = await buildSite({ plansDir: path.join(fixtures, 'hostile'), outDir: out, logLevel: 'silent' });
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    const pages = listFiles(out).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    const FORBIDDEN = new Set(['iframe', 'object', 'embed', 'style', 'img', 'svg', 'form', 'input', 'frame', 'base', 'link']);
    for (const page of pages) {
      const problems: string[] = [];
      const walk = (node: Root | ElementContent | RootContent, inHead: boolean) => {
        if (node.type !== 'element' && node.type !== 'root') return;
        if (node.type === 'element') {
          const tag = node.tagName;
          // Only the search page has a script (ours, inline); the head has our one stylesheet link; the only
          // svg is the indicator chart we draw (its content is checked like the rest).
          if (tag === 'script' && page !== 'sok/index.html') problems.push('script');
          // The one style element is the print running head in the head (src/site/print-css.ts), plan text in it
          // only as CSS strings with < and > escaped: checked below.
          const css = node.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
          const printHead = tag === 'style' && inHead && /^@media print \{\n {2}@page \{/.test(css) && !/[<>]/.test(css);
          if (FORBIDDEN.has(tag) && !printHead && !(tag === 'link' && inHead) && !(tag === 'form' && /sok\/$/.test(String(node.properties.action))) && !(tag === 'input' && node.properties.name === 'q') && !(tag === 'svg' && String(node.properties.className) === 'chart')) problems.push(tag);
          for (const [name, value] of Object.entries(node.properties)) {
            if (/^on/i.test(name)) problems.push(`${tag}[${name}]`);
            if ((name === 'href' || name === 'src' || name === 'action') && typeof value === 'string' && value !== 'data:,' && /^\s*(javascript|vbscript|data):/i.test(value)) problems.push(`${tag}[${name}=${value}]`);
          }
          for (const child of node.children) walk(child, inHead || tag === 'head');
          if (node.content) walk(node.content, inHead);
        } else for (const child of node.children) walk(child, inHead);
      };
      walk(fromHtml(readFileSync(path.join(out, page), 'utf8')), false);
      expect(problems, page).toEqual([]);
    }
    // The report's running head holds the organisation's and plan's titles as CSS strings, every < > " escaped.
    const report = readFileSync(path.join(out, 'elak-plan/uppfoljning/2025-08/index.html'), 'utf8');
    expect(report).toContain(String.raw`@bottom-left { content: "Elaka kommunen \3c script\3e alert(\"org\")\3c /script\3e  · Plan \3c script\3e alert('plan')\3c /script\3e ";`);
    const policy = readFileSync(path.join(out, 'elak-policy/index.html'), 'utf8');
    expect(policy).toContain('href="https://www.example.se/sida?a=1&#x26;b=2"');
    expect(policy).toContain('klick');
    // The CSV keeps the text but neutralises formulas.
    const nodes = readFileSync(path.join(out, 'data/noder.csv'), 'utf8');
    expect(nodes).toContain(`'=cmd|' /C calc'!A0`);
  }, 600_000);
});
