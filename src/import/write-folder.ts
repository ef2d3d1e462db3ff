// Writing an import: a new folder appears whole or not at all. It is written in a hidden staging folder
// beside its target and renamed into place, with the write-safety primitives every command uses (paths
// judged through symbolic links, files created exclusively, never following what is already there).
import { lstatSync, mkdirSync, readdirSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import { createStagingFolder, resolveThroughLinks, writeNewFile, WriteRefusedError } from '../files/write-safety.js';

/** A file to write, with its path relative to the new folder (forward slashes). */
export interface NewFile {
  path: string;
  content: string | Uint8Array;
}

/** Why a folder cannot be written as a new import (a Swedish sentence), or null when it can. */
export function newFolderProblem(target: string): string | null {
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(target);
  } catch {
    return null;
  }
  if (stat.isSymbolicLink()) return `${target} är en symbolisk länk; ange en ny mapp`;
  if (!stat.isDirectory()) return `${target} finns redan och är ingen mapp`;
  if (readdirSync(target).length > 0) return `mappen ${target} finns redan och är inte tom; importen skriver bara en ny mapp och aldrig i eller över en befintlig plan`;
  return null;
}

function checkRelative(file: string): void {
  const parts = file.split('/');
  if (file === '' || path.isAbsolute(file) || parts.some((p) => p === '' || p === '.' || p === '..')) throw new Error(`ogiltig sökväg i den nya mappen: ${file}`);
}

/**
 * Writes `files` as the new folder `target` (which must not exist, or be an empty folder), at the real path
 * of its parent (symbolic links resolved): everything goes into a staging folder beside it, which is then
 * renamed into place, so a failure leaves nothing behind. Missing parent folders are made. Throws
 * WriteRefusedError with a Swedish sentence when the target is taken.
 */
export function writeNewFolder(target: string, files: readonly NewFile[]): void {
  const problem = newFolderProblem(target);
  if (problem) throw new WriteRefusedError(`${problem}.`);
  const finalPath = resolveThroughLinks(target);
  const temp = createStagingFolder(path.dirname(finalPath), `.${path.basename(finalPath)}.`);
  try {
    for (const f of files) {
      checkRelative(f.path);
      const to = path.join(temp, ...f.path.split('/'));
      createParents(temp, path.dirname(to));
      writeNewFile(to, f.content);
    }
    if (newFolderProblem(finalPath)) throw new WriteRefusedError(`${newFolderProblem(finalPath)}.`);
    try {
      rmdirSync(finalPath); // an empty folder (checked above); rmdir refuses anything else
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    renameSync(temp, finalPath);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Makes the folders from `top` (our staging folder) down to `dir`; mkdir without `recursive` never follows a link. */
function createParents(top: string, dir: string): void {
  const rel = path.relative(top, dir);
  if (rel === '') return;
  let current = top;
  for (const part of rel.split(path.sep)) {
    current = path.join(current, part);
    try {
      mkdirSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !lstatSync(current).isDirectory()) throw error;
    }
  }
}
