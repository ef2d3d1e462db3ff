// All or nothing across many plan files (for `kolada hamta`, and any command that changes several plan files
// at once). The promise, precisely:
//
// 1. Every new file is first written, in full and synced, into a private folder in the plans folder,
//    TRANSACTION_FOLDER (hidden: `check` and git ignore it). No plan file has changed yet.
// 2. A journal listing every file (its old and new content's SHA-256) is written and renamed into place.
//    This is the point of no return.
// 3. Each new file is renamed over its plan file: a rename replaces a file in one step, so every plan file
//    is at every moment wholly old or wholly new. Then the folder is removed.
//
// Stopped (killed, power cut) before 2: no plan file has changed; the next run removes the folder. Stopped
// after 2: some files are new, some still old, until the next run, which first completes the update
// (`recoverInterruptedWrite`) and says so; after it every file of the update is new. A file whose content is
// neither the old nor the new one (someone edited it in between) is never overwritten: it is named. The folder
// is removed file by file with the journal last, so staged files without a journal always mean step 2 was
// not reached.
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { checkWriteTarget, resolveThroughLinks, writeNewFile } from './write-safety.js';
import { makeFolders } from './make-folders.js';

/** The private folder of a write in progress, inside the plans folder. */
export const TRANSACTION_FOLDER = '.sparbar-transaktion';
const JOURNAL = 'journal.json';
const OWNER = 'process';
const STAGED_PREFIX = 'fil-';

/** One file to write: its path relative to the plans folder, its content now (null: a new file) and after. */
export interface PlannedWrite {
  file: string;
  before: Uint8Array | null;
  after: Uint8Array;
}

/** Why a write cannot start or could not be completed; a Swedish sentence. Nothing is lost when it is thrown. */
export class TransactionError extends Error {
  override name = 'TransactionError';
}

interface JournalEntry {
  file: string;
  staged: string;
  before: string | null;
  after: string;
  mode: number | null;
}
interface Journal {
  format: 'sparbar-transaktion';
  version: 1;
  command: string;
  files: JournalEntry[];
}

/** What the start of a run found of an earlier, interrupted one and did with it. */
export interface Recovery {
  /**
   * `completed`: the journal was written, the update is now finished; `rolled-back`: it was stopped before the
   * journal, nothing had changed; `removed`: nothing was left to do (stopped as it began or as it ended).
   * In every case the folder is gone.
   */
  kind: 'completed' | 'rolled-back' | 'removed';
  /** The command that was interrupted (from the journal), or null when it had not written its journal. */
  command: string | null;
  /** Files renamed into place now. */
  completed: string[];
  /** Files that were already new. */
  alreadyDone: number;
  /** Files changed by someone else since; left as they are. */
  conflicts: string[];
}

const sha256 = (bytes: Uint8Array | null): string | null => (bytes === null ? null : createHash('sha256').update(bytes).digest('hex'));

function readOrNull(file: string): Uint8Array | null {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function modeOrNull(file: string): number | null {
  try {
    return lstatSync(file).mode & 0o7777;
  } catch {
    return null;
  }
}

function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems cannot sync a folder; the renames are still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Finishes or undoes a write that was interrupted in the plans folder `root` (see the top of this module);
 * null when there was none. Throws TransactionError when another process is writing right now or the
 * folder is not one Spårbar made (then nothing is touched).
 */
export function recoverInterruptedWrite(root: string): Recovery | null {
  const folder = path.join(resolveThroughLinks(root), TRANSACTION_FOLDER);
  let stat: ReturnType<typeof lstatSync> | undefined;
  try {
    stat = lstatSync(folder);
  } catch {
    return null;
  }
  if (!stat.isDirectory()) {
    throw new TransactionError(`${path.join(root, TRANSACTION_FOLDER)} är inte en mapp som Spårbar har gjort; ta bort den och kör igen. Inget ändrades.`);
  }
  const owner = Number(Buffer.from(readOrNull(path.join(folder, OWNER)) ?? []).toString('utf8'));
  if (isAlive(owner)) {
    throw new TransactionError(`En annan körning (process ${owner}) skriver i planmappen just nu. Vänta tills den är klar och kör sedan igen. Inget ändrades.`);
  }
  const journalBytes = readOrNull(path.join(folder, JOURNAL));
  if (journalBytes === null) {
    const staged = readdirSync(folder).some((name) => name.startsWith(STAGED_PREFIX));
    rmSync(folder, { recursive: true, force: true });
    return { kind: staged ? 'rolled-back' : 'removed', command: null, completed: [], alreadyDone: 0, conflicts: [] };
  }
  let journal: Journal;
  try {
    journal = JSON.parse(Buffer.from(journalBytes).toString('utf8')) as Journal;
    if (journal.format !== 'sparbar-transaktion' || !Array.isArray(journal.files)) throw new Error('format');
  } catch {
    throw new TransactionError(`Journalen i ${path.join(root, TRANSACTION_FOLDER)} går inte att läsa; kontrollera indikatorfilerna mot git och ta sedan bort mappen. Inget ändrades.`);
  }
  const recovery: Recovery = { kind: 'completed', command: journal.command, completed: [], alreadyDone: 0, conflicts: [] };
  const touched = new Set<string>();
  for (const entry of journal.files) {
    const target = checkWriteTarget(path.join(root, entry.file), root, 'plan-file', entry.file);
    const now = sha256(readOrNull(target));
    if (now === entry.after) {
      recovery.alreadyDone++;
      continue;
    }
    const staged = path.join(folder, path.basename(entry.staged));
    if (now !== entry.before || sha256(readOrNull(staged)) !== entry.after) {
      recovery.conflicts.push(entry.file);
      continue;
    }
    moveIntoPlace(staged, target, entry.mode);
    touched.add(path.dirname(target));
    recovery.completed.push(entry.file);
  }
  for (const dir of touched) syncFolder(dir);
  finish(folder);
  return recovery;
}

function moveIntoPlace(staged: string, target: string, mode: number | null): void {
  if (mode !== null) chmodSync(staged, mode);
  makeFolders(path.dirname(target));
  renameSync(staged, target);
}

/**
 * Removes the folder of a completed write: every other file first and the journal last, so that a folder
 * without a journal holds staged files only when the write had not reached its point of no return.
 */
function finish(folder: string): void {
  for (const name of readdirSync(folder)) if (name !== JOURNAL) rmSync(path.join(folder, name), { recursive: true, force: true });
  try {
    unlinkSync(path.join(folder, JOURNAL));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  rmSync(folder, { recursive: true, force: true });
}

/**
 * Writes every file of `writes` into the plans folder `root`, all or nothing, as described at the top of
 * this module. Call `recoverInterruptedWrite` first. `command` names the command in the journal. Throws
 * TransactionError (nothing changed) when a file is not as it was read (`before`), or another write is in
 * progress.
 */
export function writeAllOrNothing(root: string, writes: readonly PlannedWrite[], command: string): void {
  if (writes.length === 0) return;
  const targets = writes.map((w) => checkWriteTarget(path.join(root, w.file), root, 'plan-file', w.file));
  const folder = path.join(resolveThroughLinks(root), TRANSACTION_FOLDER);
  try {
    mkdirSync(folder, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new TransactionError(`${path.join(root, TRANSACTION_FOLDER)} finns redan: en annan körning skriver, eller en avbruten har inte slutförts. Kör kommandot igen. Inget ändrades.`);
    throw error;
  }
  let committed = false;
  try {
    writeNewFile(path.join(folder, OWNER), String(process.pid));
    writeNewFile(path.join(folder, '.gitignore'), '*\n');
    const entries: JournalEntry[] = writes.map((w, i) => {
      const staged = `${STAGED_PREFIX}${String(i + 1).padStart(6, '0')}`;
      writeNewFile(path.join(folder, staged), w.after);
      return { file: w.file, staged, before: sha256(w.before), after: sha256(w.after)!, mode: modeOrNull(targets[i]!) };
    });
    for (const [i, entry] of entries.entries()) {
      if (sha256(readOrNull(targets[i]!)) !== entry.before) {
        throw new TransactionError(`${entry.file} ändrades medan Spårbar arbetade; inga filer ändrades. Kör kommandot igen.`);
      }
    }
    const journal: Journal = { format: 'sparbar-transaktion', version: 1, command, files: entries };
    writeNewFile(path.join(folder, `${JOURNAL}.ny`), JSON.stringify(journal, null, 1));
    renameSync(path.join(folder, `${JOURNAL}.ny`), path.join(folder, JOURNAL));
    syncFolder(folder);
    committed = true;
    const touched = new Set<string>();
    for (const [i, entry] of entries.entries()) {
      moveIntoPlace(path.join(folder, entry.staged), targets[i]!, entry.mode);
      touched.add(path.dirname(targets[i]!));
    }
    for (const dir of touched) syncFolder(dir);
    finish(folder);
  } catch (error) {
    // Before the journal: undo (nothing changed). After it: leave the journal for the next run to complete.
    if (!committed) rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}
