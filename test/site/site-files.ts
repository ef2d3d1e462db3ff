// Helpers for tests of a built site: list its files, hash them, and check every internal link and anchor.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir`, relative with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d).sort()) {
      const abs = path.join(d, name);
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(abs).isDirectory()) walk(abs, r);
      else out.push(r);
    }
  };
  walk(dir, '');
  return out;
}

/** sha256 of every file, keyed by relative path. */
export function hashTree(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, createHash('sha256').update(readFileSync(path.join(dir, f))).digest('hex')]));
}

/** The values of href, src and action attributes in an HTML text (Astro writes them double-quoted). */
export function linksIn(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));
}

/** The id attributes in an HTML text. */
export function idsIn(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decodeEntities(m[1]!)));
}

function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)));
}

export interface BrokenLink {
  page: string;
  link: string;
  reason: string;
}

/**
 * Every internal link of every HTML page, checked against the files: the target must exist (folders mean
 * their index.html) and its #anchor must be an id on that page. External links (http, https, mailto, tel)
 * are not followed. Links outside `base` count as broken.
 */
export function brokenLinks(dir: string, base: string): BrokenLink[] {
  const files = new Set(listFiles(dir));
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      set = idsIn(readFileSync(path.join(dir, file), 'utf8'));
      ids.set(file, set);
    }
    return set;
  };
  const broken: BrokenLink[] = [];
  for (const page of files) {
    if (!page.endsWith('.html')) continue;
    const html = readFileSync(path.join(dir, page), 'utf8');
    const pageUrl = new URL(`http://site${base}${page.replace(/(^|\/)index\.html$/, '$1')}`);
    for (const link of linksIn(html)) {
      if (/^(https?:|mailto:|tel:|data:)/i.test(link) && !link.startsWith('http://site')) continue;
      const url = new URL(link, pageUrl);
      if (url.host !== 'site') {
        broken.push({ page, link, reason: 'annan värd' });
        continue;
      }
      if (!url.pathname.startsWith(base)) {
        broken.push({ page, link, reason: `utanför ${base}` });
        continue;
      }
      let rel = decodeURIComponent(url.pathname.slice(base.length));
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      if (!files.has(rel)) {
        broken.push({ page, link, reason: 'finns inte' });
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && rel.endsWith('.html') && !idsOf(rel).has(anchor)) broken.push({ page, link, reason: `ankaret #${anchor} finns inte` });
    }
  }
  return broken;
}

/** Every HTML page under `dir`, relative with forward slashes, sorted. */
export function htmlPages(dir: string): string[] {
  return listFiles(dir).filter((f) => f.endsWith('.html'));
}

/** One status-count block of a page (StatusCounts): its groups as shown and the "av N" it ends with. */
export interface CountBlock {
  groups: { label: string; n: number }[];
  total: number;
}

/** Every status-count block on a page, in page order. */
export function countBlocks(html: string): CountBlock[] {
  return [...html.matchAll(/<ul class="counts__list">([\s\S]*?)<\/ul>/g)].map((m) => {
    const groups = [...m[1]!.matchAll(/<li>[\s\S]*?<strong>(\d+)<\/strong>\s*([^<]*)<\/li>/g)].map((g) => ({ label: g[2]!.trim(), n: Number(g[1]) }));
    const total = Number(/av (\d+)/.exec(m[1]!)?.[1] ?? NaN);
    return { groups, total };
  });
}
