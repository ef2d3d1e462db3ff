// The plan's markdown texts parsed by whoever is free: `sparbar build` and the renderer's threads (render-precompiled.ts)
// share the texts through a folder. The texts (textsToParse, the same list on every side: it is made from the same
// graph) are cut into chunks of CHUNK_SIZE; a chunk is taken by creating `claim-<n>` in the folder exclusively (one
// side succeeds, the others find it there and take the next), parsed, and written as `chunk-<n>.json` (renamed into
// place when complete). Every side that needs every tree reads every chunk, waiting for those others are still
// parsing. A chunk is parsed once whoever parses it, by the same function with the same nodes and base, so the trees
// are the same whichever side took it. With the text cache (text-cache.ts), `sparbar build` writes the chunks whose
// texts are mostly stored there before it writes the graph, so the renderer finds them done.
import { closeSync, existsSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import type { FollowUp, Graph, GraphNode } from '../graph/types.js';
import { treeKey } from './markdown.js';
import { SiteAddresses } from './addresses.js';
import { parseTextsHere, type TextToParse } from './parse-texts.js';
import type { LinkAnswer, TextCache } from './text-cache.js';
import type { ParsedAhead } from './parse-ahead.js';
import { withPath } from '../files/write-problem.js';

/** Texts per chunk: small enough that the sides finish at nearly the same time, large enough to cost few files. */
export const CHUNK_SIZE = 16;

/**
 * What a chunk file holds: the chunk's trees keyed by `treeKey` and, for the text cache, each text's resolved links
 * (see parseTextsHere); or the error that stopped its parsing.
 */
type ChunkFile = { trees: [string, Root][]; links?: [string, LinkAnswer[]][] } | { error: string };

/**
 * What one side brings to the chunks it parses: syntax trees it parsed before the graph existed (parse-ahead.ts), used
 * for their texts, and where the chunks it parses are kept by number, so that it need not read them back.
 */
export interface ChunkSide {
  ahead?: ParsedAhead;
  parsed?: Map<number, [string, Root][]>;
  /** The order to take chunks in (chunksInPageOrder); by number when not given. */
  order?: readonly number[];
}

/**
 * The chunks of `texts` in the order the renderer's pages ask for their trees: each node's text and then its
 * follow-ups' texts, the nodes in the graph's order (which is the order of their pages: by key, within a document
 * grouped by kind and sorted by id), then every chunk not named so. `sparbar build` parses the chunks in this order so
 * that the renderer, rendering the node pages in theirs, finds most chunks done; the texts themselves are in file
 * order (textsToParse), as the renderer parses them ahead.
 */
export function chunksInPageOrder(graph: Pick<Graph, 'nodes' | 'followUps'>, texts: readonly TextToParse[]): number[] {
  const chunkOf = new Map(texts.map((t, i) => [t.key, Math.floor(i / CHUNK_SIZE)]));
  const followUpsOf = new Map<string, FollowUp[]>();
  for (const f of graph.followUps) followUpsOf.set(f.node, [...(followUpsOf.get(f.node) ?? []), f]);
  const order = new Set<number>();
  const add = (text: string, file: string) => {
    const n = chunkOf.get(treeKey(file, text));
    if (n !== undefined) order.add(n);
  };
  for (const node of graph.nodes) {
    add(node.body, node.source.file);
    for (const f of followUpsOf.get(node.key) ?? []) add(f.body, f.source.file);
  }
  for (let n = 0; n < chunkCount(texts.length); n++) order.add(n);
  return [...order];
}

/** The number of chunks `count` texts make. */
export function chunkCount(count: number): number {
  return Math.ceil(count / CHUNK_SIZE);
}

/** The file chunk `n` is written to in `dir`. */
export function chunkFile(dir: string, n: number): string {
  return path.join(dir, `chunk-${n}.json`);
}

/** Takes chunk `n` in `dir` for this side: true when no one had taken it. */
function claim(dir: string, n: number): boolean {
  try {
    closeSync(openSync(path.join(dir, `claim-${n}`), 'wx'));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Writes chunk `n` (or its JSON) into place whole. */
function writeChunk(dir: string, n: number, content: ChunkFile | string): void {
  const file = chunkFile(dir, n);
  withPath(`${file}.tmp`, () => writeFileSync(`${file}.tmp`, typeof content === 'string' ? content : JSON.stringify(content)));
  renameSync(`${file}.tmp`, file);
}

/** The texts of chunk `n`. */
function chunkTexts(texts: readonly TextToParse[], n: number): TextToParse[] {
  return texts.slice(n * CHUNK_SIZE, (n + 1) * CHUNK_SIZE);
}

/**
 * Parses chunk `n` (taken by this side) and writes it; should parsing fail, the chunk says so and the error is thrown.
 * The trees are kept in `side.parsed`.
 */
function parseChunk(dir: string, texts: readonly TextToParse[], n: number, nodes: readonly GraphNode[], base: string, addresses: SiteAddresses, side: ChunkSide = {}): [string, Root][] {
  try {
    const links = new Map<string, LinkAnswer[]>();
    const trees = parseTextsHere({ nodes, base, texts: chunkTexts(texts, n) }, addresses, links, side.ahead);
    writeChunk(dir, n, { trees, links: [...links] });
    side.parsed?.set(n, trees);
    return trees;
  } catch (error) {
    writeChunk(dir, n, { error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

/**
 * The chunks of `texts` one at a time, in `side.order`, each taken if no one has yet and then parsed and written to
 * `dir` (links resolved as `SiteModel` resolves them for `nodes` and `base`): yields true for a chunk this side parsed, false for
 * one another side had. Should parsing fail, the chunk says so (the other sides stop waiting for it) and the error is
 * thrown.
 */
function* unclaimedChunkSteps(dir: string, texts: readonly TextToParse[], nodes: readonly GraphNode[], base: string, side?: ChunkSide): Generator<boolean> {
  let addresses: SiteAddresses | undefined;
  for (const n of side?.order ?? Array.from({ length: chunkCount(texts.length) }, (_, i) => i)) {
    if (!claim(dir, n)) {
      yield false;
      continue;
    }
    addresses ??= new SiteAddresses(nodes, base);
    parseChunk(dir, texts, n, nodes, base, addresses, side);
    yield true;
  }
}

/**
 * Parses every chunk of `texts` that no one has taken yet (unclaimedChunkSteps); with `until`, stops before
 * the next chunk once it returns true. Returns how many chunks this side parsed.
 */
export function parseUnclaimedChunks(dir: string, texts: readonly TextToParse[], nodes: readonly GraphNode[], base: string, until?: () => boolean, side?: ChunkSide): number {
  let parsed = 0;
  const steps = unclaimedChunkSteps(dir, texts, nodes, base, side);
  while (!until?.()) {
    const step = steps.next();
    if (step.done) break;
    if (step.value) parsed++;
  }
  return parsed;
}

/**
 * parseUnclaimedChunks for a side that must hear Ctrl+C meanwhile (`sparbar build`): the event loop turns before each
 * chunk, and the parsing stops once `stop()` returns true. Resolves with how many chunks this side parsed.
 */
export async function parseUnclaimedChunksAsync(dir: string, texts: readonly TextToParse[], nodes: readonly GraphNode[], base: string, stop: () => boolean, side?: ChunkSide): Promise<number> {
  let parsed = 0;
  const steps = unclaimedChunkSteps(dir, texts, nodes, base, side);
  for (;;) {
    await new Promise((resolve) => setImmediate(resolve));
    if (stop()) break;
    const step = steps.next();
    if (step.done) break;
    if (step.value) parsed++;
  }
  return parsed;
}

/**
 * The trees of `texts` in `dir`, each chunk loaded when one of its trees is first asked for: read when it is written,
 * taken and parsed here when no one has taken it, else waited for (`wait(file)` blocks until the file exists). A
 * key of no text of `texts` is undefined until set. For the renderer, which so renders its first pages while
 * `sparbar build` still parses the others. The chunks in `side.parsed` (this side's) are there from the start.
 */
export class ChunkedTrees extends Map<string, Root> {
  private readonly chunkOf = new Map<string, number>();
  private readonly loaded = new Set<number>();
  private addresses: SiteAddresses | undefined;

  constructor(
    private readonly dir: string,
    private readonly texts: readonly TextToParse[],
    private readonly nodes: readonly GraphNode[],
    private readonly base: string,
    private readonly wait: (file: string) => void,
    private readonly side: ChunkSide = {},
  ) {
    super();
    texts.forEach((t, i) => this.chunkOf.set(t.key, Math.floor(i / CHUNK_SIZE)));
    for (const [n, trees] of side.parsed ?? []) {
      this.loaded.add(n);
      for (const [key, tree] of trees) super.set(key, tree);
    }
  }

  override get(key: string): Root | undefined {
    const n = this.chunkOf.get(key);
    if (n !== undefined && !this.loaded.has(n)) this.load(n);
    return super.get(key);
  }

  private load(n: number): void {
    this.loaded.add(n);
    const file = chunkFile(this.dir, n);
    if (!existsSync(file) && claim(this.dir, n)) {
      this.addresses ??= new SiteAddresses(this.nodes, this.base);
      for (const [key, tree] of parseChunk(this.dir, this.texts, n, this.nodes, this.base, this.addresses, { ahead: this.side.ahead })) super.set(key, tree);
      return;
    }
    if (!existsSync(file)) this.wait(file);
    readChunk(file, this);
  }
}

/**
 * Takes and parses, last chunk first, every chunk of `texts` that no one has taken yet and at least half of whose texts
 * `side.ahead` has parsed (the rest of their work is a tenth of parsing them: parseMarkdown), keeping them in
 * `side.parsed`. For the renderer once the graph is there: `sparbar build` parses the chunks from the first on, so the
 * trees parsed ahead are not parsed again there. Returns how many chunks this side took.
 */
export function takeChunksParsedAhead(dir: string, texts: readonly TextToParse[], nodes: readonly GraphNode[], base: string, side: ChunkSide & { ahead: ParsedAhead }): number {
  let addresses: SiteAddresses | undefined;
  let taken = 0;
  for (let n = chunkCount(texts.length) - 1; n >= 0; n--) {
    const chunk = chunkTexts(texts, n);
    if (chunk.filter((t) => side.ahead.has(t.text)).length * 2 < chunk.length || !claim(dir, n)) continue;
    addresses ??= new SiteAddresses(nodes, base);
    parseChunk(dir, texts, n, nodes, base, addresses, side);
    taken++;
  }
  return taken;
}

/**
 * Writes the trees of every chunk no one has taken yet to `dir` from `trees` (parsed beforehand, e.g. by
 * parseTexts); chunks others have taken they write themselves.
 */
export function publishChunks(dir: string, texts: readonly TextToParse[], trees: ReadonlyMap<string, Root>): void {
  for (let n = 0; n < chunkCount(texts.length); n++) {
    if (claim(dir, n)) writeChunk(dir, n, { trees: chunkTexts(texts, n).map((t) => [t.key, trees.get(t.key)!]) });
  }
}

function readChunk(file: string, into: Map<string, Root>, links?: Map<string, LinkAnswer[]>): void {
  const content = JSON.parse(readFileSync(file, 'utf8')) as ChunkFile;
  if ('error' in content) throw new Error(`Texterna gick inte att tolka: ${content.error}`);
  for (const [key, tree] of content.trees) into.set(key, tree);
  if (links) for (const [key, asked] of content.links ?? []) links.set(key, asked);
}

/**
 * Writes to `dir`, before the renderer looks, every chunk of `texts` whose texts are at least half in `cache` with
 * their links resolving as when stored (for `nodes` and `base`): the stored trees, and the chunk's other texts parsed
 * here. Returns how many texts' trees came from `cache`.
 */
export function publishCachedChunks(dir: string, texts: readonly TextToParse[], nodes: readonly GraphNode[], base: string, cache: TextCache): number {
  if (cache.empty) return 0;
  const addresses = new SiteAddresses(nodes, base);
  let fromCache = 0;
  for (let n = 0; n < chunkCount(texts.length); n++) {
    const chunk = chunkTexts(texts, n);
    const stored = chunk.map((t) => cache.use(t.file, t.text, (href) => addresses.resolveSourceLink(href, t.file)));
    const misses = chunk.filter((_, i) => stored[i] === undefined);
    if (misses.length * 2 > chunk.length || !claim(dir, n)) continue;
    const links = new Map<string, LinkAnswer[]>();
    for (const [i, t] of chunk.entries()) if (stored[i] !== undefined) links.set(t.key, [...stored[i]!.links]);
    const fresh = new Map(parseTextsHere({ nodes, base, texts: misses }, addresses, links));
    fromCache += chunk.length - misses.length;
    const trees = chunk.map((t, i) => `[${JSON.stringify(t.key)},${stored[i]?.treeJson ?? JSON.stringify(fresh.get(t.key))}]`);
    writeChunk(dir, n, `{"trees":[${trees.join(',')}],"links":${JSON.stringify([...links])}}`);
  }
  return fromCache;
}

/**
 * Every tree of `texts` from `dir`, keyed by `treeKey`, in the texts' order, for a side that must not block its event
 * loop (`sparbar build`, which watches the renderer): waits for a chunk others are parsing by polling; when
 * `othersGone()` says the side that took it has ended without writing it, the chunk is parsed here. With `links`, each
 * text's resolved links are set there by its key, as far as the chunks say (for the text cache). Once `stop()` returns
 * true (Ctrl+C), it resolves at once with the trees read so far.
 */
export async function readChunksAsync(
  dir: string,
  texts: readonly TextToParse[],
  nodes: readonly GraphNode[],
  base: string,
  othersGone: () => boolean,
  links?: Map<string, LinkAnswer[]>,
  stop: () => boolean = () => false,
): Promise<Map<string, Root>> {
  const trees = new Map<string, Root>();
  let addresses: SiteAddresses | undefined;
  for (let n = 0; n < chunkCount(texts.length); n++) {
    const file = chunkFile(dir, n);
    while (!existsSync(file)) {
      if (stop()) return trees;
      if (othersGone()) {
        addresses ??= new SiteAddresses(nodes, base);
        for (const [key, tree] of parseTextsHere({ nodes, base, texts: chunkTexts(texts, n) }, addresses, links)) trees.set(key, tree);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    if (existsSync(file)) readChunk(file, trees, links);
  }
  return new Map(texts.map((t) => [t.key, trees.get(t.key)!]));
}
