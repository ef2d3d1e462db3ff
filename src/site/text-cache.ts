// The text cache: each markdown text's sanitised tree (markdown.ts), kept between runs of `sparbar build` so that a
// text that has not changed is not parsed again (a pull request's build usually changes a few files). Beside the
// check cache (src/check/check-cache.ts: the same folder, SPARBAR_CACHE_DIR and SPARBAR_CACHE=0, the same kind of
// file), one file per plans folder; `sparbar build --no-cache` does without it.
//
// A tree depends on its text, the file its relative links are resolved from, where those links lead in this build (a
// node renamed, removed or added elsewhere changes what a link in an unchanged text points at) and the code that made
// it. So an entry is found by the digest of the file's path and the text, holds every relative link the parse asked
// to resolve with the answer it got, and is used only when each of those links resolves to the same address now; the
// cache file is keyed by the code (Spårbar's version, Node's, and a digest of markdown.ts and every module and package
// it imports). A cache file that is unreadable, truncated, altered (its digest is checked), foreign, too large or
// written by other code is ignored and replaced, and an entry of the wrong shape is parsed again: the trees are the
// same without the cache.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Root } from 'hast';
import { codeDigest, digestOf } from '../check/check-cache.js';
import { readSealedFile, writeSealedFile } from '../files/sealed-file.js';
import type { TextToParse } from './parse-texts.js';

/** A relative link a text's parse asked to resolve, and the address it was given (null: the link was dropped). */
export type LinkAnswer = readonly [href: string, address: string | null];

/** One text as parsed: its tree as JSON (what the renderer reads) and the links it resolved. */
export interface StoredText {
  treeJson: string;
  links: readonly LinkAnswer[];
}

const MAGIC = 'sparbar-text-cache 1\n';
/** A cache file above this size is neither read nor written (the 5,000-file bench plan's is about 25 MB). */
export const MAX_TEXT_CACHE_BYTES = 256 * 1024 * 1024;

/** The trees of one plans folder's texts: read from its cache file, written back by save() with the texts of this build. */
export class TextCache {
  private readonly fresh = new Map<string, StoredText>();
  private changed = false;
  /** Texts whose tree was used, and texts parsed again (for tests and the bench). */
  hits = 0;
  misses = 0;

  private constructor(
    private readonly file: string | undefined,
    private readonly key: string,
    private readonly old: Map<string, StoredText>,
  ) {}

  /**
   * The text cache of the plans folder `root` in `folder` (see cacheFolder in src/check/check-cache.ts; undefined:
   * no cache), with what an earlier build stored when its file is sound and was written by the same code. Never throws.
   */
  static open(root: string, folder: string | undefined, key?: string): TextCache {
    if (folder === undefined) return new TextCache(undefined, '', new Map());
    const file = path.join(folder, `texts-${digestOf(path.resolve(root)).slice(0, 16)}.bin`);
    const valid = key ?? textCodeKey();
    return new TextCache(file, valid, readEntries(file, valid));
  }

  /** True when nothing is stored (a first build, or a cache file that was not sound). */
  get empty(): boolean {
    return this.old.size === 0;
  }

  /**
   * What is stored for `text` in `sourceFile` when every link its parse resolved resolves the same now (`resolve`);
   * undefined otherwise. A used entry is kept for save().
   */
  use(sourceFile: string, text: string, resolve: (href: string) => string | null): StoredText | undefined {
    const id = entryId(sourceFile, text);
    const entry = this.old.get(id);
    if (entry === undefined || !wellFormed(entry) || entry.links.some(([href, address]) => resolve(href) !== address)) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.fresh.set(id, entry);
    return entry;
  }

  /**
   * Stores the trees of `texts` this build parsed (`trees`, by key), each with the links its parse resolved (`links`,
   * by key; a text whose links are not known is not stored).
   */
  storeParsed(texts: readonly TextToParse[], trees: ReadonlyMap<string, Root>, links: ReadonlyMap<string, readonly LinkAnswer[]>): void {
    for (const t of texts) {
      const id = entryId(t.file, t.text);
      const tree = trees.get(t.key);
      const asked = links.get(t.key);
      if (this.fresh.has(id) || tree === undefined || asked === undefined) continue;
      this.changed = true;
      this.fresh.set(id, { treeJson: JSON.stringify(tree), links: asked });
    }
  }

  /** Writes the cache file with this build's texts when anything changed; never throws. */
  save(): void {
    if (this.file === undefined) return;
    if (!this.changed && this.fresh.size === this.old.size) return;
    try {
      const payload = serialize({ key: this.key, entries: this.fresh });
      if (payload.length > MAX_TEXT_CACHE_BYTES) rmSync(this.file, { force: true });
      else writeSealedFile(this.file, MAGIC, payload);
    } catch {
      // A cache that cannot be written is no cache; the build itself is done.
    }
  }
}

/** An entry's id: the digest of the source file's path and the text. */
function entryId(sourceFile: string, text: string): string {
  return digestOf(`${sourceFile}\u0000${text}`);
}

function wellFormed(entry: StoredText): boolean {
  return (
    entry !== null &&
    typeof entry === 'object' &&
    typeof entry.treeJson === 'string' &&
    entry.treeJson.startsWith('{"type":"root"') &&
    Array.isArray(entry.links) &&
    entry.links.every((l) => Array.isArray(l) && l.length === 2 && typeof l[0] === 'string' && (typeof l[1] === 'string' || l[1] === null))
  );
}

function readEntries(file: string, key: string): Map<string, StoredText> {
  const payload = readSealedFile(file, MAGIC, MAX_TEXT_CACHE_BYTES);
  if (payload === undefined) return new Map();
  try {
    const stored = deserialize(payload) as { key?: unknown; entries?: unknown };
    if (stored === null || typeof stored !== 'object' || stored.key !== key || !(stored.entries instanceof Map)) return new Map();
    return stored.entries as Map<string, StoredText>;
  } catch {
    return new Map();
  }
}

let computedKey: string | undefined;

/** The modules whose code, with the packages they import, decides a stored tree (for codeDigest). */
export const TEXT_CODE_MODULES = ['site/markdown.js', 'site/text-cache.js'];

/** The digest of TEXT_CODE_MODULES the bundle of `sparbar build` was built with (src/cli/build-bundles.ts); undefined elsewhere. */
declare const SPARBAR_TEXT_CODE_DIGEST: string | undefined;

/**
 * What makes a stored tree valid: Node's version and the digest of markdown.ts, this module and what they import. In
 * the bundle of `sparbar build` the digest is the one codeDigest gave when the bundle was built (reading the modules
 * and some hundred packages' package.json took 45–90 ms of each build, before the graph was handed to the renderer).
 */
export function textCodeKey(): string {
  const code = typeof SPARBAR_TEXT_CODE_DIGEST === 'string' ? SPARBAR_TEXT_CODE_DIGEST : codeDigest(TEXT_CODE_MODULES);
  computedKey ??= createHash('sha256').update(`node ${process.version}\n${code}\n`).digest('hex');
  return computedKey;
}
