// The plan's markdown texts parsed into sanitised trees (markdown.ts) for a build. The texts a build parses
// (textsToParse) and how one side parses a list of them (parseTextsHere, which text-queue.ts shares out between
// `sparbar build` and the renderer); and, for Astro's full build, whose renderer bundles the site for seconds
// first, parseTexts: on both cores when there are many, this thread parsing every second text and a worker thread
// (parse-texts-worker.ts) the others.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Root } from 'hast';
import type { Graph, GraphNode } from '../graph/types.js';
import { comparePlanPaths } from '../files/discover.js';
import { SiteAddresses } from './addresses.js';
import { markdownToSafeTree, type ParsedAheadSource, treeKey } from './markdown.js';
import type { LinkAnswer } from './text-cache.js';

/** One text to parse: its tree key (`treeKey`), the markdown, and the file its relative links are resolved from. */
export interface TextToParse {
  key: string;
  text: string;
  file: string;
}

/** What the worker thread is given: the graph's nodes and the base (for the addresses links resolve to) and its texts. */
export interface ParseTextsJob {
  nodes: readonly GraphNode[];
  base: string;
  texts: TextToParse[];
}

/**
 * Every node's and follow-up's body that is not blank, once per file and text, in the plans folder's file order
 * (discoverFiles), a file's texts in the graph's order. The renderer parses the last files' bodies while it waits for
 * the graph (parse-ahead.ts): in this order they are the last chunks, which `sparbar build` comes to last.
 */
export function textsToParse(graph: Pick<Graph, 'nodes' | 'followUps'>): TextToParse[] {
  const seen = new Set<string>();
  const out: TextToParse[] = [];
  const add = (text: string, file: string) => {
    const key = treeKey(file, text);
    if (text.trim() === '' || seen.has(key)) return;
    seen.add(key);
    out.push({ key, text, file });
  };
  for (const n of graph.nodes) add(n.body, n.source.file);
  for (const f of graph.followUps) add(f.body, f.source.file);
  return out.sort((a, b) => comparePlanPaths(a.file, b.file));
}

/**
 * Parses `job.texts` in this thread, links resolved as `SiteModel` resolves them (the same nodes and base). With
 * `links`, each text's relative links and where they were resolved to are set there by its key (for the text cache);
 * with `ahead`, syntax trees parsed beforehand (parse-ahead.ts) are used for their texts.
 */
export function parseTextsHere(job: ParseTextsJob, addresses = new SiteAddresses(job.nodes, job.base), links?: Map<string, LinkAnswer[]>, ahead?: ParsedAheadSource): [string, Root][] {
  return job.texts.map((t) => {
    const asked: LinkAnswer[] = [];
    const resolveLink = (href: string) => {
      const address = addresses.resolveSourceLink(href, t.file);
      asked.push([href, address]);
      return address;
    };
    const tree = markdownToSafeTree(t.text, { resolveLink }, true, ahead);
    links?.set(t.key, asked);
    return [t.key, tree];
  });
}

/** At and above this many texts a worker thread takes half; below it, starting one costs more than it saves. */
export const WORKER_THRESHOLD = 300;

/** What the worker thread posts back: its trees and each text's resolved links, by tree key. */
export interface ParsedTexts {
  trees: [string, Root][];
  links: [string, LinkAnswer[]][];
}

/** Parses `job` in this thread (parseTextsHere) with the links each text resolved. */
export function parseTextsWithLinks(job: ParseTextsJob, addresses?: SiteAddresses): ParsedTexts {
  const links = new Map<string, LinkAnswer[]>();
  const trees = parseTextsHere(job, addresses, links);
  return { trees, links: [...links] };
}

/**
 * Parses `texts` into trees keyed by `treeKey`, in the texts' order. With at least `threshold` texts and the
 * compiled worker module `workerFile` (lib/src/site/parse-texts-worker.js), every second text is parsed by a
 * worker thread meanwhile; should the worker fail, this thread parses its share too. The trees are the same
 * either way (the same function, the same nodes and base). With `links`, each text's resolved links are set there.
 */
export async function parseTexts(
  texts: TextToParse[],
  nodes: readonly GraphNode[],
  base: string,
  workerFile: string,
  threshold = WORKER_THRESHOLD,
  links = new Map<string, LinkAnswer[]>(),
): Promise<Map<string, Root>> {
  const addresses = new SiteAddresses(nodes, base);
  if (texts.length < threshold || !path.isAbsolute(workerFile)) return new Map(parseTextsHere({ nodes, base, texts }, addresses, links));
  const mine = texts.filter((_, i) => i % 2 === 0);
  const theirs = texts.filter((_, i) => i % 2 === 1);
  const fromWorker = new Promise<ParsedTexts | null>((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(workerFile, { workerData: { nodes, base, texts: theirs } satisfies ParseTextsJob });
    } catch {
      resolve(null);
      return;
    }
    worker.once('message', (parsed: ParsedTexts) => resolve(parsed));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
  const here = new Map(parseTextsHere({ nodes, base, texts: mine }, addresses, links));
  const there = (await fromWorker) ?? parseTextsWithLinks({ nodes, base, texts: theirs }, addresses);
  for (const [key, asked] of there.links) links.set(key, asked);
  const theirTrees = new Map(there.trees);
  return new Map(texts.map((t) => [t.key, (here.get(t.key) ?? theirTrees.get(t.key))!]));
}
