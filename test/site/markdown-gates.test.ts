// The markdown parser leaves out GFM constructs a text cannot use (tables, literal autolinks; markdown.ts, gfmNeeds):
// the trees must be the same as with every construct tried, for the plans' texts and for texts made to be hard.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePlan, prng } from '../../bench/generate-plan.js';
import { splitFrontmatter } from '../../src/parse/frontmatter.js';
import { gfmNeeds, markdownToSafeTree } from '../../src/site/markdown.js';

const resolveLink = (href: string) => `/sida/${href}`;
const same = (text: string) => expect(markdownToSafeTree(text, { resolveLink }), JSON.stringify(text)).toEqual(markdownToSafeTree(text, { resolveLink }, false));

function bodies(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const file = path.join(d, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith('.md')) {
        const split = splitFrontmatter(readFileSync(file, 'utf8'));
        if ('body' in split) out.push(split.body);
      }
    }
  };
  walk(dir);
  return out;
}

/** Pieces that start, end or nearly make the constructs the gates are about, and the containers around them. */
const PIECES = [
  'a', 'text med ord', 'a b', '| a | b |', '|---|---|', '| - |', 'a | b', '-|-', ':--', '--:', ':-:', '---', '-', '- a', '* b', '1. c',
  '2) d', '> citat', '>', '# Rubrik', '## Rubrik ##', '===', '    kod', '\tkod', '```', '```js', '~~~', '<div>', '</div>', '<!-- x -->',
  '<p>html</p>', 'www.ekby.se', 'WWW.EKBY.SE/x', 'https://ekby.se/a?b=1', 'HTTP://x.se', 'http:/x', 'www', 'www\\.ekby.se',
  'ww&#119;.ekby.se', 'a@b.se', 'namn.efternamn@ekby.se.', 'a&#64;b.se', 'a\\@b.se', 'mailto:a@b.se', 'xmpp:a@b.se/r', '&amp;', '&#124;',
  '\\|', '[länk](https://ekby.se)', '[länk](mal/M1.md)', '[ref]', '[ref]: https://ekby.se', '![bild](x.png)', '[^1]', '[^1]: not',
  '~~struken~~', '~en~', '*betonad*', '**stark**', '_u_', '`kod`', '``a|b``', '- [ ] uppgift', '- [x] klar', '(www.ekby.se)',
  '[www.ekby.se](https://ekby.se)', '<https://ekby.se>', '<a@b.se>', 'a:-)', '2024-2027', 'x -: y', '  ', '',
];

describe('markdown without the GFM constructs a text cannot use', () => {
  it('says which constructs a text may need', () => {
    expect(gfmNeeds('Bara ord.')).toEqual({ table: false, email: false, url: false, autolinkTransform: false });
    expect(gfmNeeds('a\n:--')).toMatchObject({ table: true });
    expect(gfmNeeds('a | b')).toMatchObject({ table: true });
    expect(gfmNeeds('a@b.se')).toMatchObject({ email: true, autolinkTransform: true });
    expect(gfmNeeds('se WWW.ekby.se')).toMatchObject({ url: true, autolinkTransform: true });
    expect(gfmNeeds('a&#64;b.se')).toEqual({ table: false, email: false, url: false, autolinkTransform: true });
    expect(gfmNeeds('www\\.ekby.se')).toEqual({ table: false, email: false, url: false, autolinkTransform: true });
  });

  it('still finds a one-column table without |, and autolinks from references and escapes', () => {
    const html = (text: string) => JSON.stringify(markdownToSafeTree(text));
    expect(html('a\n:--')).toContain('"table"');
    expect(html('a&#64;b.se')).toContain('mailto:a@b.se');
    expect(html('www\\.ekby.se')).toContain('http://www.ekby.se');
    expect(html('&#119;ww.ekby.se')).toContain('http://www.ekby.se');
  });

  it('gives the same trees for the example plan and a generated plan', () => {
    for (const text of bodies(path.resolve(import.meta.dirname, '../../plans'))) same(text);
    const dir = mkdtempSync(path.join(tmpdir(), 'sparbar-gates-'));
    try {
      generatePlan(dir, 300);
      for (const text of bodies(dir)) same(text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the same trees for 4,000 texts made of pieces that nearly make tables and autolinks', () => {
    const rng = prng(17);
    for (let i = 0; i < 4000; i++) {
      const lines: string[] = [];
      for (let l = rng.int(1, 7); l > 0; l--) {
        const indent = rng.pick(['', '', '', ' ', '  ', '   ', '> ', '- ', '1. ']);
        const parts: string[] = [];
        for (let p = rng.int(1, 3); p > 0; p--) parts.push(rng.pick(PIECES));
        lines.push(indent + parts.join(rng.pick([' ', '', ' | '])));
        if (rng.chance(0.2)) lines.push('');
      }
      same(lines.join(rng.chance(0.1) ? '\r\n' : '\n'));
    }
  });
});
