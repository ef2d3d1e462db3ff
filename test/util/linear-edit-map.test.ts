// micromark's event edits made linear (src/util/linear-edit-map.ts): the same events as micromark-util-edit-map's
// own consume for any batch of edits, the same markdown trees, and work that grows with the document, not its square.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { EditMap } from 'micromark-util-edit-map';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { editMapEventsMoved, installLinearEditMap, upstreamConsume } from '../../src/util/linear-edit-map.js';

installLinearEditMap();
const linear = EditMap.prototype.consume;
const upstream = upstreamConsume();

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Edit = [method: 'add' | 'addBefore', index: number, remove: number, add: string[]];

function apply(consume: typeof linear, length: number, edits: Edit[]): string[] {
  const events = Array.from({ length }, (_, i) => `e${i}`);
  const map = new EditMap();
  for (const [method, index, remove, add] of edits) map[method](index, remove, add.slice() as never);
  consume.call(map, events as never);
  return events;
}

function parseWith(consume: typeof linear, markdown: string): unknown {
  EditMap.prototype.consume = consume;
  try {
    return unified().use(remarkParse).use(remarkGfm).parse(markdown);
  } finally {
    EditMap.prototype.consume = linear;
  }
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? markdownFiles(file) : name.endsWith('.md') ? [file] : [];
  });
}

describe('linear edit map', () => {
  it('is what micromark parses with, once installed', () => {
    expect(linear).not.toBe(upstream);
    const before = editMapEventsMoved();
    unified().use(remarkParse).parse('- a\n- b\n- c\n\n> q\n\nText.\n');
    expect(editMapEventsMoved()).toBeGreaterThan(before);
  });

  it('gives the same events as upstream for 2,000 random batches of edits, overlapping removals included', () => {
    const next = random(7);
    for (let round = 0; round < 2000; round++) {
      const length = Math.floor(next() * 40);
      const edits: Edit[] = Array.from({ length: Math.floor(next() * 6) }, (_, k) => [
        next() < 0.2 ? 'addBefore' : 'add',
        Math.floor(next() * (length + 1)),
        Math.floor(next() * 5),
        Array.from({ length: Math.floor(next() * 3) }, (_, j) => `n${round}.${k}.${j}`),
      ]);
      expect(apply(linear, length, edits), JSON.stringify({ round, length, edits })).toEqual(apply(upstream, length, edits));
    }
  });

  it('gives the same markdown tree as upstream for every markdown file in the repository and tricky containers', () => {
    const tricky = [
      '- a\nlazy\n- b\n\n  more\n\n> q\nlazy\n> > nested\n\n1. one\n   > quote in item\n2. two\n',
      '> a\n> - b\n>   c\nd\n\n- [ ] task\n- [x] done\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
      'Title\n=====\n\n[ref]: https://example.org\n\nText [ref] and a note[^1].\n\n[^1]: The note\n    continued.\n',
      Array.from({ length: 32 }, (_, i) => `${'  '.repeat(i)}- nivå\n`).join(''),
    ];
    const files = [...markdownFiles('plans'), ...markdownFiles('test/fixtures').slice(0, 100), 'README.md'];
    for (const markdown of [...tricky, ...files.map((file) => readFileSync(file, 'utf8'))]) {
      expect(parseWith(linear, markdown)).toEqual(parseWith(upstream, markdown));
    }
  });

  it('moves events in proportion to the list, not to its square', () => {
    const moved = (items: number) => {
      const before = editMapEventsMoved();
      unified().use(remarkParse).parse(Array.from({ length: items }, (_, i) => `- punkt ${i}\n  > citat\n`).join(''));
      return editMapEventsMoved() - before;
    };
    const small = moved(400);
    const large = moved(1600);
    expect(small).toBeGreaterThan(0);
    // Four times the items: about four times the events moved (upstream copies every event per edit: sixteen times).
    expect(large / small).toBeLessThan(4.5);
  });
});
