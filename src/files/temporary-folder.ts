// The folder for a command's own short-lived files (the build's work folder, a report's site): the temporary folder
// the environment names (TMPDIR, as os.tmpdir reads it), as an absolute path, so that the renderer and Chromium,
// which run in other working folders, find the same files.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WriteRefusedError } from './write-safety.js';

/** The temporary folder as an absolute path: a relative TMPDIR is taken from the working folder. */
export function temporaryFolder(): string {
  return path.resolve(tmpdir());
}

/**
 * Makes a new folder named `prefix` and six random characters in the temporary folder and returns its absolute path.
 * Throws WriteRefusedError, with a Swedish message that names the folder and says how to fix it, when the temporary
 * folder is missing, is no folder or cannot be written.
 */
export function makeTemporaryFolder(prefix: string): string {
  const base = temporaryFolder();
  try {
    return mkdtempSync(path.join(base, prefix));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'finns inte' : code === 'ENOTDIR' ? 'är ingen mapp' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'går inte att skriva i' : `går inte att använda (${code ?? 'okänt fel'})`;
    throw new WriteRefusedError(`Den tillfälliga mappen ${base} ${why}. Sätt TMPDIR till en mapp som finns och som du kan skriva i (till exempel TMPDIR=/tmp), eller ta bort TMPDIR.`);
  }
}
