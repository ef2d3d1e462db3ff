// The plan's texts shared in chunks between `sparbar build` and the renderer (src/site/text-queue.ts): whoever takes
// a chunk, every side reads the same trees the one-thread parse gives, in the texts' order; a chunk taken by a side
// that ended without writing it is parsed by the side that reads; a chunk whose parsing failed says so.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPlans } from '../../src/check/check-plans.js';
import { parseTextsHere, textsToParse } from '../../src/site/parse-texts.js';
import { CHUNK_SIZE, chunkCount, chunkFile, parseUnclaimedChunks, publishChunks, readChunks, readChunksAsync } from '../../src/site/text-queue.js';

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
    // A side that reads blocking gets the same; so does a queue filled from trees parsed beforehand.
    expect([...readChunks(dir, texts, () => undefined)]).toEqual(expected);
    expect([...readChunks(dir2, texts, () => undefined)]).toEqual(expected);
  });

  it('parses a chunk here when the side that took it has ended without writing it', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'claim-1'), '');
    parseUnclaimedChunks(dir, texts, graph.nodes, '/plan/');
    const trees = await readChunksAsync(dir, texts, graph.nodes, '/plan/', () => true);
    expect([...trees]).toEqual(expected);
  });

  it('says which error stopped a chunk instead of waiting for it', async () => {
    const dir = folder();
    parseUnclaimedChunks(dir, texts, graph.nodes, '/plan/');
    writeFileSync(chunkFile(dir, 2), JSON.stringify({ error: 'trasig' }));
    expect(() => readChunks(dir, texts, () => undefined)).toThrow(/Texterna gick inte att tolka: trasig/);
    await expect(readChunksAsync(dir, texts, graph.nodes, '/plan/', () => false)).rejects.toThrow(/trasig/);
  });
});
