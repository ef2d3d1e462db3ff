// The plan's texts shared in chunks between `sparbar build` and the renderer (src/site/text-queue.ts): whoever takes
// a chunk, every side reads the same trees the one-thread parse gives, in the texts' order; a chunk taken by a side
// that ended without writing it is parsed by the side that reads; a chunk whose parsing failed says so.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPlans } from '../../src/check/check-plans.js';
import { parseTextsHere, textsToParse } from '../../src/site/parse-texts.js';
import { CHUNK_SIZE, ChunkedTrees, chunkCount, chunkFile, parseUnclaimedChunks, publishChunks, readChunksAsync } from '../../src/site/text-queue.js';

const root = path.resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'sparbar-texter-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the text queue', () => {
  const { graph } = checkPlans(path.join(root, 'plans'));
  // Two more texts that link to M1's file: resolved under the base, whoever parses them.
  const fo = graph.nodes.find((n) => n.type === 'fokusområde')!.source.file;
  const texts = [...textsToParse(graph), ...[0, 1].map((k) => ({ key: `${fo}\u0000länk ${k}`, text: `Se [målet](../mal/M1.md) (${k}).`, file: fo }))];
  const expected = parseTextsHere({ nodes: graph.nodes, base: '/plan/', texts });
  let n = 0;
  const folder = () => {
    const dir = path.join(tmp, `kö-${n++}`);
    mkdirSync(dir);
    return dir;
  };

  it('gives every side the one-thread trees, in order, whichever side took which chunk', async () => {
    expect(chunkCount(texts.length)).toBeGreaterThan(3);
    const dir = folder();
    // The other side took every second chunk first (as a renderer that started earlier would have).
    for (let c = 0; c < chunkCount(texts.length); c += 2) writeFileSync(path.join(dir, `claim-${c}`), '');
    expect(parseUnclaimedChunks(dir, texts, graph.nodes, '/plan/')).toBe(Math.floor(chunkCount(texts.length) / 2));
    const reading = readChunksAsync(dir, texts, graph.nodes, '/plan/', () => false);
    // … and writes them while this side waits.
    const theirs = new Map(expected);
    const dir2 = folder();
    publishChunks(dir2, texts, theirs);
    for (let c = 0; c < chunkCount(texts.length); c += 2) writeFileSync(chunkFile(dir, c), JSON.stringify({ trees: texts.slice(c * CHUNK_SIZE, (c + 1) * CHUNK_SIZE).map((t) => [t.key, theirs.get(t.key)]) }));
    const trees = await reading;
    expect([...trees]).toEqual(expected);
    expect(JSON.stringify(trees.get(texts.at(-1)!.key))).toContain('"href":"/plan/ekby-digplan-2024-2027/mal/m1/"');
    // A side that loads each chunk when it is first asked for gets the same; so does a queue filled from trees parsed beforehand.
    const asked = (trees: Map<string, unknown>) => texts.map((t) => [t.key, trees.get(t.key)]);
    expect(asked(new ChunkedTrees(dir, texts, graph.nodes, '/plan/', () => undefined))).toEqual(expected);
    expect(asked(new ChunkedTrees(dir2, texts, graph.nodes, '/plan/', () => undefined))).toEqual(expected);
  });

  it('loads a chunk when a tree of it is first asked for: taken and parsed then when no one has taken it, or waited for', () => {
    const dir = folder();
    // This side parsed the first chunks while it waited for something else, then stopped.
    let left = 2;
    expect(parseUnclaimedChunks(dir, texts, graph.nodes, '/plan/', () => left-- <= 0)).toBe(2);
    // The other side has taken chunk 3 and writes it while this side waits for it.
    writeFileSync(path.join(dir, 'claim-3'), '');
    const waited: string[] = [];
    const trees = new ChunkedTrees(dir, texts, graph.nodes, '/plan/', (file) => {
      waited.push(path.basename(file));
      writeFileSync(file, JSON.stringify({ trees: expected.slice(3 * CHUNK_SIZE, 4 * CHUNK_SIZE) }));
    });
    const last = texts.at(-1)!.key;
    expect(trees.get(last)).toEqual(new Map(expected).get(last));
    expect(trees.get(texts[3 * CHUNK_SIZE]!.key)).toEqual(expected[3 * CHUNK_SIZE]![1]);
    expect(waited).toEqual(['chunk-3.json']);
    expect(texts.map((t) => [t.key, trees.get(t.key)])).toEqual(expected);
    // The chunk it took when asked is written for the others.
    expect(readFileSync(chunkFile(dir, chunkCount(texts.length) - 1), 'utf8')).toContain(JSON.stringify(last).slice(1, -1));
    // A text that is none of the plan's is not there (the renderer parses it itself).
    expect(trees.get('annan\u0000text')).toBeUndefined();
  });

  it('parses a chunk here when the side that took it has ended without writing it', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'claim-1'), '');
    parseUnclaimedChunks(dir, texts, graph.nodes, '/plan/');
    const trees = await readChunksAsync(dir, texts, graph.nodes, '/plan/', () => true);
    expect([...trees]).toEqual(expected);
  });

  it('stops reading at once when told to (Ctrl+C), parsing nothing for the side that has ended', async () => {
    const dir = folder();
    let left = 1;
    parseUnclaimedChunks(dir, texts, graph.nodes, '/plan/', () => left-- <= 0);
    writeFileSync(path.join(dir, 'claim-1'), '');
    const trees = await readChunksAsync(dir, texts, graph.nodes, '/plan/', () => true, undefined, () => true);
    expect([...trees.keys()]).toEqual(texts.slice(0, CHUNK_SIZE).map((t) => t.key));
    expect(existsSync(chunkFile(dir, 1))).toBe(false);
  });

  it('says which error stopped a chunk instead of waiting for it', async () => {
    const dir = folder();
    parseUnclaimedChunks(dir, texts, graph.nodes, '/plan/');
    writeFileSync(chunkFile(dir, 2), JSON.stringify({ error: 'trasig' }));
    expect(() => new ChunkedTrees(dir, texts, graph.nodes, '/plan/', () => undefined).get(texts[2 * CHUNK_SIZE]!.key)).toThrow(/Texterna gick inte att tolka: trasig/);
    await expect(readChunksAsync(dir, texts, graph.nodes, '/plan/', () => false)).rejects.toThrow(/trasig/);
  });
});
