// A cache file sealed with its digest: a first line naming what it holds, a line with the sha256 of the rest, then
// the payload (v8.serialize). Read back only when the first line is the expected one and the digest matches, so a
// file that is truncated, altered or of another kind is never taken for a cache; written to a temporary file and
// renamed into place, so a reader never sees half a file. Used by the check cache and the text cache.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeFolders } from './make-folders.js';

/**
 * The payload of the sealed file `file` whose first line is `magic` (ending in a newline), or undefined when it is
 * missing, unreadable, larger than `maxBytes`, of another kind or does not match its digest. Never throws.
 */
export function readSealedFile(file: string, magic: string, maxBytes = Number.POSITIVE_INFINITY): Buffer | undefined {
  try {
    if (statSync(file).size > maxBytes) return undefined;
    const bytes = readFileSync(file);
    const head = Buffer.from(magic);
    if (bytes.length < head.length + 65 || !bytes.subarray(0, head.length).equals(head)) return undefined;
    const digest = bytes.subarray(head.length, head.length + 64).toString('latin1');
    const payload = bytes.subarray(head.length + 65);
    if (bytes[head.length + 64] !== 0x0a || createHash('sha256').update(payload).digest('hex') !== digest) return undefined;
    return payload;
  } catch {
    return undefined;
  }
}

/** Writes `payload` to `file` sealed under `magic`, making its folder; throws what the file system says. */
export function writeSealedFile(file: string, magic: string, payload: Buffer): void {
  const head = Buffer.from(`${magic}${createHash('sha256').update(payload).digest('hex')}\n`);
  makeFolders(path.dirname(file));
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([head, payload]), { flag: 'wx' });
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}
