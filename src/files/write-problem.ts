// A write the file system refused, in Swedish: a full disk (ENOSPC), a used-up quota (EDQUOT), a read-only file
// system (EROFS), no permission (EACCES, EPERM) or a failing disk (EIO). Node gives such an error with a code and,
// for most calls, the path; a plain write(2) to an open file (writeFileSync) gives none, so the writes that matter
// go through withPath, which adds it. Whoever knows what the path is (the build's temporary folder, the output
// folder, a report's PDF) turns the error into a sentence that names the folder and says how to fix it.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { folderProblem } from './make-folders.js';
import { temporaryFolder } from './temporary-folder.js';
import { isSameOrInside, WriteRefusedError } from './write-safety.js';

/** The codes of a write the file system refused (not the program's fault, not the input's). */
const WRITE_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO']);

/** The error as Node gives a failed system call: a code, and the path (`dest` for a copy) when known. */
export interface FileSystemError extends Error {
  code: string;
  path?: string;
  dest?: string;
  syscall?: string;
}

/** True for an error of a write the file system refused (WRITE_CODES). */
export function isWriteRefusal(error: unknown): error is FileSystemError {
  return error instanceof Error && WRITE_CODES.has(String((error as NodeJS.ErrnoException).code));
}

/** The path the refused write went to: the target of a copy (`dest`), else `path`; undefined when Node did not say. */
export function refusedPath(error: FileSystemError): string | undefined {
  return error.dest ?? error.path;
}

/** Runs `write`, which writes `file`; an error without a path (write(2) gives none) gets `file` as its path. */
export function withPath<T>(file: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).path === undefined) {
      (error as NodeJS.ErrnoException).path = file;
    }
    throw error;
  }
}

/** What to do about a refused write of `code` in a place the user chose with `option` (`--out`, `--pdf`), if any. */
export function fixFor(code: string, option?: string): string {
  const choose = option ? `välj med ${option} en plats` : 'välj en plats';
  switch (code) {
    case 'ENOSPC':
      return `Frigör utrymme på disken, eller ${choose} på en annan disk.`;
    case 'EDQUOT':
      return `Frigör utrymme inom din diskkvot, eller ${choose} på en annan disk.`;
    case 'EIO':
      return `Kontrollera disken, eller ${choose} på en annan disk.`;
    default:
      return `${choose[0]!.toUpperCase()}${choose.slice(1)} som du kan skriva i.`;
  }
}

/** What to do about a refused write of `code` in the temporary folder. */
function temporaryFix(code: string): string {
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EIO') return 'Frigör utrymme där eller sätt TMPDIR till en mapp på en annan disk (till exempel TMPDIR=/var/tmp).';
  return 'Sätt TMPDIR till en mapp som du kan skriva i (till exempel TMPDIR=/tmp), eller ta bort TMPDIR.';
}

/** The Swedish sentence for a refused write in the temporary folder `folder` (TMPDIR). */
export function temporaryFolderProblem(folder: string, error: FileSystemError): string {
  return `Den tillfälliga mappen ${folder} går inte att skriva i: ${folderProblem(error)}. ${temporaryFix(error.code)}`;
}

/** The Swedish sentence for a refused write in the output folder, named `shown` as the user wrote it (`--out`). */
export function outputFolderProblem(shown: string, error: FileSystemError): string {
  return `Utmappen ${shown} går inte att skriva i: ${folderProblem(error)}. ${fixFor(error.code, '--out')}`;
}

/** The Swedish sentence for a refused write of the file `shown` (as the user wrote it), with the option that names it. */
export function outputFileProblem(shown: string, option: string, error: FileSystemError): string {
  return `${shown} går inte att skriva: ${folderProblem(error)}. ${fixFor(error.code, option)}`;
}

/**
 * The Swedish sentence for a refused write whose place nobody named: the path (when Node gave one) and why. The last
 * line of defence of the command line (src/cli/run.ts), in place of a stack trace.
 */
export function anyWriteProblem(error: FileSystemError): string {
  const where = refusedPath(error);
  return `${where ? `${where} går inte att skriva` : 'En fil går inte att skriva'}: ${folderProblem(error)}. ${fixFor(error.code)}`;
}

/** True when the refused write went to `folder` or inside it. */
export function wentInto(error: FileSystemError, folder: string): boolean {
  const where = refusedPath(error);
  return where !== undefined && isSameOrInside(path.resolve(where), path.resolve(folder));
}

/**
 * Checks, before any work, that a new file can be made in `folder` (a file's folder that exists): throws
 * WriteRefusedError naming `shown` (the file as the user wrote it) and `option` when this process may not write there
 * (no permission, a read-only file system, an immutable folder). `access` is for tests that stand in for access(2).
 */
export function checkFolderWritable(folder: string, shown: string, option: string, access: (folder: string, mode: number) => void = accessSync): void {
  try {
    access(folder, constants.W_OK | constants.X_OK);
  } catch (error) {
    if (!isWriteRefusal(error)) throw error;
    throw new WriteRefusedError(
      `${shown} går inte att skriva: mappen ${path.dirname(shown) || '.'} går inte att skriva i, ${folderProblem(error)}. ${fixFor(error.code, option)} Ingen fil skrevs.`,
    );
  }
}

/** How a child process (the renderer) tells `sparbar build` that a write was refused: one line on stderr. */
const REFUSAL_LINE = 'sparbar-skrivning-nekad ';

/** The line a child process prints for a refused write, for refusalFromOutput in the parent. */
export function refusalLine(error: FileSystemError): string {
  return `${REFUSAL_LINE}${JSON.stringify({ code: error.code, ...(refusedPath(error) ? { path: refusedPath(error) } : {}) })}`;
}

/** The refused write a child process said with refusalLine in its `output`, as an error; undefined when there is none. */
export function refusalFromOutput(output: string): FileSystemError | undefined {
  const line = output.split('\n').find((l) => l.startsWith(REFUSAL_LINE));
  if (line === undefined) return undefined;
  try {
    const { code, path: where } = JSON.parse(line.slice(REFUSAL_LINE.length)) as { code?: unknown; path?: unknown };
    if (typeof code !== 'string' || !WRITE_CODES.has(code)) return undefined;
    return Object.assign(new Error(`${code}${typeof where === 'string' ? ` ${where}` : ''}`), { code, ...(typeof where === 'string' ? { path: where } : {}) });
  } catch {
    return undefined;
  }
}

/**
 * The Swedish sentence for a write refused while a site was built (src/site/build-site.ts): in the build's work folder
 * `work` (in the temporary folder), or in or beside the output folder `outDir` (a real path), named `shownOut` as the
 * user wrote it; `outIsTemporary` when the output folder is itself a command's folder in the temporary folder
 * (`sparbar rapport`), so that the temporary folder is named.
 */
export function siteWriteProblem(error: FileSystemError, where: { work: string; outDir: string; shownOut: string; outIsTemporary?: boolean }): string {
  if (wentInto(error, where.work) || (where.outIsTemporary === true && wentInto(error, path.dirname(where.outDir)))) {
    return temporaryFolderProblem(temporaryFolder(), error);
  }
  if (wentInto(error, path.dirname(where.outDir))) return outputFolderProblem(where.shownOut, error);
  return anyWriteProblem(error);
}
