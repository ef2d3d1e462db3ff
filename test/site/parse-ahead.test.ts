// The plan's markdown parsed before the graph exists (src/site/parse-ahead.ts) and the chunk order that goes with it
// (textsToParse in file order, chunksInPageOrder, takeChunksParsedAhead in src/site/text-queue.ts): the trees are the
// ones parsing gives without it, the renderer's trees parsed ahead are the last files' and are taken as whole chunks.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlans } from '../../src/check/check-plans.js';
import { comparePlanPaths, discoverFiles } from '../../src/files/discover.js';
import { MessageSink } from '../../src/messages/report.js';
import { ParsedAhead } from '../../src/site/parse-ahead.js';
import { parseTextsHere, textsToParse, type TextToParse } from '../../src/site/parse-texts.js';
import { CHUNK_SIZE, chunkCount, chunkFile, chunksInPageOrder, takeChunksParsedAhead } from '../../src/site/text-queue.js';
import { tempFolder } from '../helpers/temp-folder.js';

const root = path.resolve(import.meta.dirname, '../..');
const tmp = tempFolder('sparbar-i-forvag-');

describe('texts parsed ahead', () => {
  const plans = path.join(root, 'plans');
  const { graph } = checkPlans(plans);
  const texts = textsToParse(graph);
  const expected = parseTextsHere({ nodes: graph.nodes, base: '/plan/', texts });
  // The texts that are a file's body, below its frontmatter (the others are written in YAML: a principle's beskrivning).
  const isBody = (t: TextToParse) => readFileSync(path.join(plans, t.file), 'utf8').split(/^---$/m).slice(2).join('---').trim() === t.text;

  it('are the bodies of the plan files, last file first, and give the trees parsing gives without them', () => {
    const ahead = new ParsedAhead(plans);
    const files = discoverFiles(plans, new MessageSink());
    // One file per step, the last in the plans folder's order first.
    expect(ahead.step()).toBe(true);
    const last = texts.filter((t) => t.file === files.at(-1)!.path);
    expect(last.length).toBeGreaterThan(0);
    expect(last.every((t) => ahead.has(t.text))).toBe(true);
    expect(texts.filter((t) => ahead.has(t.text)).length).toBe(last.length);
    let steps = 1;
    while (ahead.step()) steps++;
    expect(steps).toBe(files.length);
    // Every text that is a file's body is there (the rest are written in YAML: a principle's beskrivning and the like).
    const bodies = texts.filter(isBody);
    expect(bodies.length).toBeGreaterThan(10);
    expect(bodies.filter((t) => !ahead.has(t.text))).toEqual([]);
    const parsed = ahead.parsed;
    expect(parseTextsHere({ nodes: graph.nodes, base: '/plan/', texts }, undefined, undefined, ahead)).toEqual(expected);
    // Each tree is used once: the same texts parsed again are parsed, with the same result.
    expect(ahead.used).toBe(parsed);
    expect(ahead.has(bodies[0]!.text)).toBe(false);
    expect(parseTextsHere({ nodes: graph.nodes, base: '/plan/', texts }, undefined, undefined, ahead)).toEqual(expected);
  });

  it('match the graph\'s texts written with CRLF, a byte-order mark, decomposed letters and direction controls', () => {
    const dir = path.join(tmp, 'plan');
    cpSync(plans, dir, { recursive: true });
    const file = discoverFiles(dir, new MessageSink()).find((f) => f.path.endsWith('/mal/M1.md'))!;
    const frontmatter = readFileSync(file.absolutePath, 'utf8').split(/^---$/m)[1]!;
    const body = 'Ska\u0308rgården ska [nås](https://example.org) \u202Eenkelt\u202C.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    writeFileSync(file.absolutePath, `\uFEFF---${frontmatter}---\n\n${body}`.replaceAll('\n', '\r\n'));
    const { graph: small } = checkPlans(dir);
    const text = textsToParse(small).find((t) => t.file === file.path && t.text.startsWith('Skärgården ska'));
    expect(text?.text).toContain('\u202E');
    const ahead = new ParsedAhead(dir);
    while (ahead.step());
    expect(ahead.has(text!.text)).toBe(true);
    const job = { nodes: small.nodes, base: '/', texts: [text!] };
    expect(parseTextsHere(job, undefined, undefined, ahead)).toEqual(parseTextsHere(job));
    expect(ahead.used).toBe(1);
    expect(JSON.stringify(parseTextsHere(job))).toContain('"tagName":"table"');
  });

  it('leave out what is no plan file\'s body, and a body past the check\'s limits, which the check refuses', () => {
    const dir = path.join(tmp, 'gränser');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'djup.md'), `---\ntyp: mål\nid: M1\ntitel: Djup\n---\n${'>'.repeat(3000)} text\n`);
    writeFileSync(path.join(dir, 'vanlig.md'), '---\ntyp: mål\nid: M2\ntitel: Vanlig\n---\nEn vanlig text.\n');
    writeFileSync(path.join(dir, 'lista.md'), '---\n- typ: mål\n  id: M3\n  titel: I en lista\n---\nUnder en lista.\n');
    // Markdown files that are not plan files (the check warns not-a-plan-file): a README, notes with other frontmatter.
    writeFileSync(path.join(dir, 'README.md'), 'Om mappen.\n');
    writeFileSync(path.join(dir, 'ändringslogg.md'), '---\nförfattare: Någon\n---\nÄndringar.\n');
    const ahead = new ParsedAhead(dir);
    while (ahead.step());
    expect(['En vanlig text.', 'Under en lista.', 'Om mappen.', 'Ändringar.', `${'>'.repeat(3000)} text`].map((t) => ahead.has(t))).toEqual([true, true, false, false, false]);
    expect(ahead.parsed).toBe(2);
  });

  it('are taken by the renderer as whole chunks, last chunk first, skipping chunks the other side has', () => {
    const dir = path.join(tmp, 'kö');
    mkdirSync(dir);
    const ahead = new ParsedAhead(plans);
    while (ahead.step());
    const last = chunkCount(texts.length) - 1;
    // `sparbar build` has taken the last chunk already.
    writeFileSync(path.join(dir, `claim-${last}`), '');
    const parsed = new Map<number, [string, unknown][]>();
    const taken = takeChunksParsedAhead(dir, texts, graph.nodes, '/plan/', { ahead, parsed: parsed as never });
    expect(taken).toBe(parsed.size);
    expect(parsed.has(last)).toBe(false);
    expect([...parsed.keys()]).toEqual([...parsed.keys()].sort((a, b) => b - a));
    for (const [n, trees] of parsed) {
      expect(trees).toEqual(expected.slice(n * CHUNK_SIZE, (n + 1) * CHUNK_SIZE));
      expect(JSON.parse(readFileSync(chunkFile(dir, n), 'utf8')).trees).toEqual(trees);
    }
    // A chunk most of whose texts are in YAML (not parsed ahead) is left to whoever comes to it.
    const mostlyAhead = (n: number) => texts.slice(n * CHUNK_SIZE, (n + 1) * CHUNK_SIZE).filter(isBody).length * 2 >= Math.min(CHUNK_SIZE, texts.length - n * CHUNK_SIZE);
    for (let n = 0; n < last; n++) expect(parsed.has(n), `chunk ${n}`).toBe(mostlyAhead(n));
  });
});

describe('the order of the texts and their chunks', () => {
  it('is the plans folder\'s file order for the texts (as discoverFiles finds the files)', () => {
    const dir = path.join(tmp, 'ordning');
    for (const f of ['a-c.md', 'a/b.md', 'a/z.md', 'a/y/x.md', 'B.md']) {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      writeFileSync(path.join(dir, f), '');
    }
    const found = discoverFiles(dir, new MessageSink()).map((f) => f.path);
    expect(found).toEqual(['B.md', 'a/b.md', 'a/y/x.md', 'a/z.md', 'a-c.md']);
    expect([...found].reverse().sort(comparePlanPaths)).toEqual(found);
    const { graph } = checkPlans(path.join(root, 'plans'));
    const files = textsToParse(graph).map((t) => t.file);
    expect(files).toEqual([...files].sort(comparePlanPaths));
  });

  it('takes chunks in the order node pages ask for them: each node\'s text, then its follow-ups\'', () => {
    // Three chunks in file order; the graph's first node's text is in the last chunk, its follow-up in the middle one.
    const text = (i: number): TextToParse => ({ key: `f${String(i).padStart(3, '0')}.md\u0000t${i}`, text: `t${i}`, file: `f${String(i).padStart(3, '0')}.md` });
    const texts = Array.from({ length: 3 * CHUNK_SIZE }, (_, i) => text(i));
    const node = (i: number, key: string) => ({ key, body: `t${i}`, source: { file: text(i).file } });
    const graph = {
      nodes: [node(2 * CHUNK_SIZE + 1, 'n1'), node(3, 'n2')],
      followUps: [{ node: 'n1', body: `t${CHUNK_SIZE + 5}`, source: { file: text(CHUNK_SIZE + 5).file } }],
    } as unknown as Parameters<typeof chunksInPageOrder>[0];
    expect(chunksInPageOrder(graph, texts)).toEqual([2, 1, 0]);
    // Chunks of no node's text come last, by number.
    const more = [...texts, ...Array.from({ length: 2 * CHUNK_SIZE }, (_, i) => text(3 * CHUNK_SIZE + i))];
    expect(chunksInPageOrder(graph, more)).toEqual([2, 1, 0, 3, 4]);
  });
});
