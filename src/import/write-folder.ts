// Writing what the importer and the document writer make, without ever touching what is there: a new folder
// appears whole or not at all (written in a hidden temporary folder beside it, then renamed into place), and
// a single file replaces its target in one rename, from a temporary file created exclusively.
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A file to write, with its path relative to the new folder (forward slashes). */
export interface NewFile {
  path: string;
  content: string | Uint8Array;
}

/** Why a folder cannot be written (a Swedish sentence), or null when it can. */
export function newFolderProblem(target: string): string | null {
  let stat;
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
 * Writes `files` as the new folder `target` (which must not exist, or be an empty folder): everything is
 * written into a temporary folder beside it, which is then renamed into place, so a failure leaves nothing
 * behind. Missing parent folders are made. Throws with a Swedish message when the target is taken.
 */
export function writeNewFolder(target: string, files: readonly NewFile[]): void {
  const problem = newFolderProblem(target);
  if (problem) throw new Error(problem);
  const parent = path.dirname(path.resolve(target));
  mkdirSync(parent, { recursive: true });
  const realParent = realpathSync(parent);
  const finalPath = path.join(realParent, path.basename(path.resolve(target)));
  const temp = path.join(realParent, `.${path.basename(finalPath)}.${randomBytes(6).toString('hex')}.tmp`);
  mkdirSync(temp);
  try {
    for (const f of files) {
      checkRelative(f.path);
      const to = path.join(temp, ...f.path.split('/'));
      mkdirSync(path.dirname(to), { recursive: true });
      writeFileSync(to, f.content, { flag: 'wx' });
    }
    if (existsSync(finalPath)) rmdirSync(finalPath); // an empty folder (checked above); rmdir refuses anything else
    renameSync(temp, finalPath);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Writes one file in one step: a temporary file beside it (created exclusively), then a rename over the target. */
export function writeFileAtomic(target: string, content: string | Uint8Array): void {
  const dir = realpathSync(path.dirname(path.resolve(target)));
  const finalPath = path.join(dir, path.basename(target));
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(temp, content, { flag: 'wx' });
  try {
    renameSync(temp, finalPath);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Writes a new file that must not exist yet (exclusive create); throws EEXIST otherwise. */
export function writeNewFile(target: string, content: string | Uint8Array): void {
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  writeFileSync(target, content, { flag: 'wx' });
}
