// The lock a build holds inside the output folder while it moves its site in (replaceOutputFolder in write-safety.ts):
// a file with the holder's process id. Two builds into one folder move their sites in one after the other, so that
// the one that ends last puts a whole site in place; moved in at the same time, one build's entries went into the
// other's old-files folder.
import { linkSync, lstatSync, readFileSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { processExists } from './build-folders.js';

/** The lock's name in the output folder. */
export const SWAP_LOCK = '.sparbar-byter';

/** How long a build waits for another build's move into the same folder (a few renames) before it gives up, in ms. */
const WAIT_MS = 60_000;
/** An empty lock younger than this is being written (made in place, see takeSwapLock); older, it was left. In ms. */
const BEING_WRITTEN_MS = 5_000;

/** Why the lock could not be taken: held by a live process (0: one still writing its lock) past the wait, or the name taken by a folder with files. */
export type SwapLockProblem = { kind: 'held'; holder: number } | { kind: 'not-a-lock' };

/**
 * Takes SWAP_LOCK in `outDir`, waiting (10 ms at a time, without blocking the event loop, so that Ctrl+C is heard)
 * while a live process holds it, and taking over a lock whose process is gone or that holds no process id. The lock
 * is made whole in `scratch` (a folder of this build on the same file system) and linked into place, so that it never
 * exists without its process id. Resolves to the function that releases it; to undefined when `stopped()` became true
 * while waiting (nothing taken); to a problem after WAIT_MS, or at once when the name is taken by something that is no
 * lock (a folder that is not empty).
 */
export async function takeSwapLock(outDir: string, scratch: string, stopped: () => boolean): Promise<(() => void) | undefined | SwapLockProblem> {
  const lock = path.join(outDir, SWAP_LOCK);
  const mine = path.join(scratch, SWAP_LOCK);
  const release = () => removeFile(lock);
  const deadline = Date.now() + WAIT_MS;
  try {
    writeNew(mine);
    for (;;) {
      if (stopped()) return undefined;
      try {
        linkSync(mine, lock);
        return release;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // `scratch` on another file system (the output folder made meanwhile, as a mount): made in place instead.
        if (code === 'EXDEV') {
          writeNew(lock);
          return release;
        }
        if (code !== 'EEXIST') throw error;
      }
      const holder = lockHolder(lock);
      if (holder === 'gone') continue;
      if (holder === 'stale') {
        if (!removeStale(lock)) return { kind: 'not-a-lock' };
        continue;
      }
      if (holder !== 'being-written' && !processExists(holder)) {
        removeFile(lock);
        continue;
      }
      if (Date.now() > deadline) return { kind: 'held', holder: holder === 'being-written' ? 0 : holder };
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    removeFile(mine);
  }
}

/** The lock's holder; 'gone' when there is none now; 'stale' for a lock left without a process id (or not a file). */
function lockHolder(lock: string): number | 'gone' | 'stale' | 'being-written' {
  try {
    const stat = lstatSync(lock);
    if (!stat.isFile()) return 'stale';
    const text = readFileSync(lock, 'utf8').trim();
    if (/^\d{1,10}$/.test(text) && Number(text) > 0) return Number(text);
    return text === '' && Date.now() - stat.mtimeMs < BEING_WRITTEN_MS ? 'being-written' : 'stale';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : 'stale';
  }
}

/** Removes a lock left without a holder (a file, a link, an empty folder); false when it cannot (a folder with files). */
function removeStale(lock: string): boolean {
  try {
    if (lstatSync(lock).isDirectory()) rmdirSync(lock);
    else unlinkSync(lock);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

function removeFile(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Gone already.
  }
}

/** This process's id in a new file (exclusive create: fails when anything is there). */
function writeNew(file: string): void {
  writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
}
