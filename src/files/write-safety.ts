// Where Spårbar may write, and how. Every command that writes a file decides here, through symlinks:
//
// - Commands whose job is writing plan files (`ny`, `uppfoljning ny`, `kolada hamta`, `importera`) write
//   only inside the plans folder: `checkWriteTarget(target, plansDir, 'plan-file')`.
// - Every other command (`build`, `rapport`, `dokument`, an editor's output, …) never writes inside the
//   plans folder: `checkWriteTarget(target, plansDir, 'output')`.
// - An output folder is replaced only when Spårbar built it (it holds OUTPUT_MARKER) or it is empty:
//   `checkOutputFolder`, then `replaceOutputFolder` with a folder made by `createStagingFolder` where
//   `outputStaging` says.
// - Files are written through a temporary file created exclusively (never following an existing path)
//   and renamed into place: `writeFileAtomic`; new files only with `writeNewFile`.
//
// Paths are judged after resolving symbolic links (`resolveThroughLinks`): the real path of the nearest
// existing ancestor, joined with the part that does not exist yet. The functions return that real path;
// write to it, not to the path you were given, so that what was checked is what gets written.
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, closeSync, constants, type Dirent, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { folderProblem, makeFolders } from './make-folders.js';
import { swapFolderContents } from './swap-folder-contents.js';
import { buildFolderPrefix } from './build-folders.js';
import { SWAP_LOCK, takeSwapLock } from './swap-lock.js';

export { SWAP_LOCK };

/** What a write is for: a plan file (inside the plans folder only) or output (outside it only). */
export type WriteKind = 'plan-file' | 'output';

/** A write that must not happen; `message` is a full Swedish sentence that says why and what to do. Exit code 2. */
export class WriteRefusedError extends Error {
  override name = 'WriteRefusedError';
}

/**
 * The absolute path `p` means on disk, with every symbolic link resolved: the real path of its nearest
 * existing ancestor joined with the components that do not exist yet. A link that points at nothing (a
 * dangling link) cannot be judged and throws WriteRefusedError.
 */
export function resolveThroughLinks(p: string): string {
  const absolute = path.resolve(p);
  let existing = absolute;
  const rest: string[] = [];
  for (;;) {
    let present = true;
    try {
      lstatSync(existing);
    } catch {
      present = false;
    }
    if (present) break;
    const parent = path.dirname(existing);
    if (parent === existing) break;
    rest.unshift(path.basename(existing));
    existing = parent;
  }
  let real: string;
  try {
    real = realpathSync(existing);
  } catch {
    throw new WriteRefusedError(`${existing} är en symbolisk länk som pekar på något som inte finns; Spårbar skriver inte genom den. Ta bort länken eller låt den peka på en mapp som finns.`);
  }
  return rest.length === 0 ? real : path.join(real, ...rest);
}

/** True when `child` is `parent` or lies inside it; compares the paths as given (resolve them first). */
export function isSameOrInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The real path to write `target` to, after checking that a command of `kind` may write there:
 * `'plan-file'` only inside the plans folder, `'output'` only outside it (and never the plans folder
 * itself or a folder that contains it). Throws WriteRefusedError with a Swedish sentence otherwise.
 * `shown` is how the target is named in the message (the path the user typed).
 */
export function checkWriteTarget(target: string, plansDir: string, kind: WriteKind, shown: string = target): string {
  const real = resolveThroughLinks(target);
  const plans = resolveThroughLinks(plansDir);
  const inside = isSameOrInside(real, plans);
  if (kind === 'plan-file') {
    if (!inside || real === plans) {
      throw new WriteRefusedError(`${shown} ligger utanför planmappen ${plansDir}${real !== path.resolve(target) ? ` (genom en symbolisk länk: ${real})` : ''}; kommandot skriver bara planfiler i planmappen.`);
    }
    return real;
  }
  if (inside) {
    throw new WriteRefusedError(
      `${shown} ligger i planmappen ${plansDir}${real !== path.resolve(target) ? ` (genom en symbolisk länk: ${real})` : ''}; kommandot skriver aldrig i planmappen. Välj en plats utanför den.`,
    );
  }
  if (isSameOrInside(plans, real)) {
    throw new WriteRefusedError(`${shown} innehåller planmappen ${plansDir}; kommandot skriver aldrig över planmappen. Välj en egen mapp utanför den.`);
  }
  return real;
}

/**
 * The file that marks a folder as built by Spårbar (`sparbar build` writes it in the site's root). Only a
 * folder with this file, or an empty one, is ever replaced. Deterministic content, nothing of the machine.
 */
export const OUTPUT_MARKER = '.sparbar-webbplats';
export const OUTPUT_MARKER_TEXT = 'Den här mappen byggdes av Spårbar (sparbar build). Nästa bygge ersätter hela mappen.\n';

/**
 * The real path of an output folder that `sparbar build` may fill or replace: it does not exist, is empty,
 * or holds OUTPUT_MARKER (a regular file, not a link); it is not the plans folder, inside it or around it,
 * not the file system's root, the working folder or the home folder. Throws WriteRefusedError otherwise.
 */
export function checkOutputFolder(outDir: string, plansDir: string, shown: string = outDir): string {
  const real = checkWriteTarget(outDir, plansDir, 'output', shown);
  const guarded = [path.parse(real).root, resolveThroughLinks(process.cwd()), ...(process.env['HOME'] ? [resolveThroughLinks(process.env['HOME'])] : [])];
  if (guarded.includes(real)) throw new WriteRefusedError(`Utmappen ${shown} ersätts helt när webbplatsen byggs; välj en egen mapp, till exempel dist.`);
  if (!existsSync(real)) return real;
  if (!statSync(real).isDirectory()) throw new WriteRefusedError(`Utmappen ${shown} är en fil, inte en mapp. Välj en mapp, till exempel dist.`);
  // A build's own folders inside it (outputStaging: a killed build's, or another build's running now) do not make the
  // folder someone else's.
  const entries = readdirSync(real).filter((name) => !(name === SWAP_LOCK || (isInnerBuildFolder(name) && isRealFolder(path.join(real, name)))));
  if (entries.length === 0 || isMarkedOutput(real)) return real;
  throw new WriteRefusedError(
    `Utmappen ${shown} innehåller filer som Spårbar inte har byggt (${describeEntries(entries)}), och den skulle ersättas helt. ` +
      `Inget rördes. Välj en ny eller tom mapp, eller töm mappen själv om innehållet kan tas bort. (Spårbar ersätter bara en mapp som den själv byggt: den har filen ${OUTPUT_MARKER}.)`,
  );
}

function isRealFolder(dir: string): boolean {
  try {
    return lstatSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function isMarkedOutput(dir: string): boolean {
  try {
    return lstatSync(path.join(dir, OUTPUT_MARKER)).isFile();
  } catch {
    return false;
  }
}

function describeEntries(entries: string[]): string {
  const sorted = [...entries].sort();
  return sorted.length <= 3 ? sorted.join(', ') : `${sorted.slice(0, 3).join(', ')} och ${sorted.length - 3} till`;
}

/** A random name part: 12 hexadecimal characters. */
function randomPart(): string {
  return randomBytes(6).toString('hex');
}

/**
 * A new folder `<parent>/<prefix><random>` created exclusively (mkdir fails on anything that exists, a link
 * included) with the permissions the umask gives a normal new folder (not 0700 like mkdtemp), so that it can
 * be published as it is. For a site built beside its output folder and renamed into place. Missing parents are
 * made; when that or the folder fails, WriteRefusedError says so in Swedish, naming `shown` (the folder as the
 * user wrote it, e.g. "Utmappen dist").
 */
export function createStagingFolder(parent: string, prefix: string, shown: string = parent): string {
  const refused = (error: unknown) => new WriteRefusedError(`${shown} går inte att skapa eller skriva i: ${folderProblem(error)}. Välj en mapp du kan skriva i.`);
  try {
    makeFolders(parent);
  } catch (error) {
    throw refused(error);
  }
  for (let attempt = 0; ; attempt++) {
    const dir = path.join(parent, `${prefix}${randomPart()}`);
    try {
      mkdirSync(dir);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw refused(error);
      if (attempt > 20) throw error;
    }
  }
}

/** Writes OUTPUT_MARKER into a folder Spårbar has built. */
export function markOutputFolder(dir: string): void {
  writeNewFile(path.join(dir, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
}

/**
 * The random part of the folders a build makes inside an existing output folder (createStagingFolder's: 12 hexadecimal
 * digits), so that a name someone chose (`.gammal-2024-arkiv`) is never taken for one.
 */
export const INNER_BUILD_RANDOM = /^[0-9a-f]{12}$/;

/**
 * True for the name of a folder a build makes inside the output folder (outputStaging, replaceOutputFolder):
 * `.bygge-<pid>-<12 hex digits>` or `.gammal-<pid>-<12 hex digits>`. Such a folder is never part of a site: it is this
 * build's, another build's running into the same folder at the same time, or a killed build's (removed when its
 * process is gone, build-folders.ts).
 */
export function isInnerBuildFolder(name: string): boolean {
  if (name === SWAP_LOCK) return true;
  const m = /^\.(?:bygge|gammal)-\d{1,10}-(.*)$/.exec(name);
  return m !== null && INNER_BUILD_RANDOM.test(m[1]!);
}

/**
 * The first entry under `dir` (top-level entries for which `skip` is true not looked at) that this process may not
 * move or remove, or undefined: a top-level folder it may not write in (moving a folder rewrites its `..`), a folder
 * with entries it may not write in or search (another user's), or an entry of another user in a sticky folder
 * (mode 1777) of another user. Symbolic links are not followed. Root may remove anything a read-only or immutable
 * file system allows.
 */
/** The sticky bit of a folder's mode (S_ISVTX): only an entry's owner (or the folder's, or root) may remove the entry. */
const STICKY = 0o1000;

function firstUnremovable(dir: string, skip: (name: string) => boolean): string | undefined {
  const uid = process.getuid?.();
  // `folder` at `depth` 0 is `dir`; each folder is read once.
  const walk = (folder: string, depth: number): string | undefined => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return depth === 0 ? undefined : folder;
    }
    if (depth === 1 || (depth > 1 && entries.length > 0)) {
      try {
        accessSync(folder, constants.W_OK | constants.X_OK);
      } catch {
        return folder;
      }
    }
    if (depth > 0 && uid !== undefined && uid !== 0 && entries.length > 0) {
      const stat = lstatSync(folder);
      if ((stat.mode & STICKY) !== 0 && stat.uid !== uid) {
        for (const entry of entries) if (lstatSync(path.join(folder, entry.name)).uid !== uid) return path.join(folder, entry.name);
      }
    }
    for (const entry of entries) {
      if ((depth === 0 && skip(entry.name)) || !entry.isDirectory()) continue;
      const found = walk(path.join(folder, entry.name), depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  return walk(dir, 0);
}

/**
 * Where a build into `outDir` (a real path from checkOutputFolder) makes its staging folder, and the name's prefix
 * (to which the process id is added, build-folders.ts): inside the output folder when it exists, so that it is on the
 * same file system and replaceOutputFolder can move the pages in without renaming the folder itself (which keeps
 * its permissions, owner and group, and works when it is a mount point or its parent may not be written); beside
 * it when it does not exist yet.
 */
export function outputStaging(outDir: string): { parent: string; prefix: string } {
  return existsSync(outDir) ? { parent: outDir, prefix: '.bygge-' } : { parent: path.dirname(outDir), prefix: `.${path.basename(outDir)}.bygge-` };
}

/**
 * Puts the built folder `staged` (made where outputStaging says) in the place of `outDir` (a real path from
 * checkOutputFolder), which is checked again. `staged` gets OUTPUT_MARKER first. A new output folder is `staged`
 * renamed; an existing one keeps its own inode and gets `staged`'s entries in place of its own
 * (swap-folder-contents.ts), the old ones moved into a folder inside it (`.gammal-<pid>-<random>`) and removed
 * with it. The folders of other builds into the same folder at the same time (isInnerBuildFolder) are left alone, and
 * the moves happen under SWAP_LOCK, so that the build that ends last puts a whole site in place. Every folder of the
 * old site is checked first to be removable (firstUnremovable). `staged` is gone afterwards. An entry that may not be
 * moved (a folder of another user: moving a folder needs the right to write in it) leaves the folder as it was and
 * throws WriteRefusedError naming it; `shown` is how the output folder is named (the path the user gave). Waiting for
 * the lock ends when `stopped()` is true (Ctrl+C): then nothing is changed and it resolves to false; else to true.
 */
export async function replaceOutputFolder(staged: string, outDir: string, plansDir: string, shown: string = outDir, stopped: () => boolean = () => false): Promise<boolean> {
  markOutputFolder(staged);
  if (!existsSync(outDir)) {
    checkOutputFolder(outDir, plansDir);
    renameSync(staged, outDir);
    return true;
  }
  const lock = await takeSwapLock(outDir, staged, stopped);
  if (lock === undefined) return false;
  if (typeof lock !== 'function') {
    const named = path.join(shown, SWAP_LOCK);
    throw new WriteRefusedError(
      lock.kind === 'held'
        ? `Utmappen ${shown} ersätts just nu av ett annat bygge${lock.holder > 0 ? ` (process ${lock.holder})` : ''}, som inte blir klart. Vänta tills det är klart, eller ta bort ${named} om inget bygge pågår, och bygg igen.`
        : `${named} är en mapp med filer, inte Spårbars lås för utmappen. Ta bort den eller flytta den ur ${shown} och bygg igen.`,
    );
  }
  try {
    checkOutputFolder(outDir, plansDir);
    const aside = createStagingFolder(outDir, buildFolderPrefix('.gammal-'));
    const own = new Set([path.basename(staged), path.basename(aside)]);
    const keep = (name: string) => own.has(name) || isInnerBuildFolder(name);
    const refused = (entry: string, code: string) => {
      const named = path.join(shown, path.relative(outDir, entry));
      return new WriteRefusedError(
        `Utmappen ${shown} kunde inte ersättas: ${named} går inte att flytta eller ta bort, behörighet saknas (${code}); den tillhör kanske en annan användare. ` +
          `Ta bort ${named} (som den användaren eller med sudo) och bygg igen. Utmappen är som före bygget.`,
      );
    };
    // Everything of the old site must be removable before anything moves: else the new site would be in place with
    // the old one left in `aside`, inside the published folder.
    const blocked = firstUnremovable(outDir, keep);
    if (blocked !== undefined) {
      rmdirSync(aside);
      throw refused(blocked, 'EACCES');
    }
    try {
      swapFolderContents(staged, outDir, aside, keep);
    } catch (error) {
      // Undone: what stayed in `aside` (an entry the undoing could not move back) is left for the next build to find.
      try {
        rmdirSync(aside);
      } catch {
        // Not empty, or gone.
      }
      const { code, path: failed } = error as NodeJS.ErrnoException;
      if ((code === 'EACCES' || code === 'EPERM') && failed !== undefined && isSameOrInside(failed, outDir) && !isSameOrInside(failed, staged)) throw refused(failed, code);
      throw error;
    }
    try {
      rmSync(aside, { recursive: true, force: true });
    } catch (error) {
      const { code, path: failed } = error as NodeJS.ErrnoException;
      throw new WriteRefusedError(
        `Den nya webbplatsen är på plats i ${shown}, men den gamla gick inte att ta bort helt: ${failed ? path.join(shown, path.relative(outDir, failed)) : path.join(shown, path.basename(aside))} (${code ?? 'okänt fel'}). ` +
          `Ta bort ${path.join(shown, path.basename(aside))} (som ägaren eller med sudo); den syns annars på webbplatsen.`,
      );
    }
  } finally {
    lock();
  }
  rmSync(staged, { recursive: true, force: true });
  return true;
}

/** Creates `file` with `data`; fails with EEXIST when anything (a link included) is there already. */
export function writeNewFile(file: string, data: string | Uint8Array): void {
  const fd = openSync(file, 'wx');
  try {
    writeAll(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}

/**
 * Replaces (or creates) `file` with `data` in one step: writes a temporary file beside it, created
 * exclusively with a random name (never following a planted file or link), then renames it over `file`.
 * Readers see the old file or the new one, never half of one. The temporary file is removed on failure.
 * `mode` sets the new file's permissions (for example the old file's); default: as the umask gives.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, mode?: number): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomPart()}.tmp`);
  try {
    // A write that fails once the file is made (a full disk: ENOSPC) leaves no temporary file either.
    writeNewFile(temp, data);
    if (mode !== undefined) chmodSync(temp, mode & 0o7777);
    renameSync(temp, file);
  } catch (error) {
    // EEXIST: the name was taken (not ours to remove).
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') rmSync(temp, { force: true });
    throw error;
  }
}

/** Removes `file` if it is there; no error when it is not. */
export function removeIfPresent(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
