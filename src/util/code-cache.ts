// V8 code caches beside Spårbar's bundled scripts (the check and build bundles, src/cli/load-bundle.ts; the renderer,
// src/site/renderer-script.ts), checked before V8 sees them. V8 takes a cache for any source of the same length, and
// Node 20's release builds do not check a cache's own bytes: a cache made for another script, a cache cut short (a full
// disk while it was written) or a script changed by hand crashed Node (SIGSEGV, "Check failed", "unreachable code").
// A script's first line names the sha256 of the rest of it; its cache file is that line, a line with the sha256 of
// the cache's bytes, and the bytes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** sha256 of `data`, hex. */
function digestOf(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** `text` with a first line `<prefix><sha256 of text>`: a script whose id scriptIsWhole can check. */
export function withIdLine(prefix: string, text: string): string {
  return `${prefix}${digestOf(text)}\n${text}`;
}

/**
 * Whether `source` is whole: its first line (`id`, with its line end) ends with the sha256 of the rest. About 2 ms per
 * MB on this machine.
 */
export function scriptIsWhole(source: string, id: string): boolean {
  const match = /([0-9a-f]{64})\n$/.exec(id);
  return match !== null && source.startsWith(id) && digestOf(source.slice(id.length)) === match[1];
}

/** The bytes of a cache file for the script whose first line is `id` (with its line end), holding V8's `data`. */
export function codeCacheFile(id: string, data: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${id}${digestOf(data)}\n`), data]);
}

/** V8's data from the cache file `file` when it was made for the script whose first line is `id` and is whole; else undefined. */
export function readCodeCache(file: string, id: string): Buffer | undefined {
  let cache: Buffer;
  try {
    cache = readFileSync(file);
  } catch {
    return undefined;
  }
  const head = Buffer.byteLength(id);
  if (cache.subarray(0, head).toString('utf8') !== id) return undefined;
  const end = cache.indexOf(10, head);
  if (end < 0) return undefined;
  const data = cache.subarray(end + 1);
  return cache.subarray(head, end).toString('latin1') === digestOf(data) ? data : undefined;
}
