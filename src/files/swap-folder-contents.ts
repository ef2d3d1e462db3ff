// Puts a built site in place of an existing output folder by moving entries, not by renaming the folder: the
// folder itself stays, with its permissions, owner, group and mount. Renaming it aside fails when it is a mount
// point (a Docker volume: EBUSY) or when its parent may not be written (/var/www/html under a root-owned /var/www:
// EACCES), and a renamed-in folder has this process's owner and umask instead of the published folder's.
import { cpSync, lstatSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** One move done, so that it can be undone: `name` went from `from` to `to`. */
interface Move {
  name: string;
  from: string;
  to: string;
}

/**
 * Makes `target`'s contents those of `staged`: each entry of `staged` replaces the entry of that name (the old one
 * moved into `aside` first), and the other entries of `target` are moved into `aside`, except those `keep` is true
 * for (the staging and aside folders when they lie inside `target`, and those of other builds). Moves are renames; an entry of `staged` on another
 * file system than `target` (EXDEV) is copied. `aside` and `staged` are left for the caller to remove. A failure
 * undoes the moves done, newest first, as far as it can, and is thrown. Each entry is missing from `target` only
 * between two renames, so a web server serving `target` meanwhile answers 404 for microseconds at most.
 * `rename` is for tests that stand in for rename(2).
 */
export function swapFolderContents(
  staged: string,
  target: string,
  aside: string,
  keep: (name: string) => boolean,
  rename: (from: string, to: string) => void = renameSync,
): void {
  const done: Move[] = [];
  const move = (name: string, from: string, to: string, copyAcross: boolean) => {
    try {
      rename(path.join(from, name), path.join(to, name));
    } catch (error) {
      if (!copyAcross || (error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      cpSync(path.join(from, name), path.join(to, name), { recursive: true, errorOnExist: true, force: false, verbatimSymlinks: true });
      rmSync(path.join(from, name), { recursive: true, force: true });
    }
    done.push({ name, from, to });
  };
  try {
    const fresh = readdirSync(staged).sort();
    const freshNames = new Set(fresh);
    for (const name of fresh) {
      if (present(path.join(target, name))) move(name, target, aside, false);
      move(name, staged, target, true);
    }
    for (const name of readdirSync(target).sort()) {
      if (!keep(name) && !freshNames.has(name)) move(name, target, aside, false);
    }
  } catch (error) {
    for (const { name, from, to } of done.reverse()) {
      try {
        rename(path.join(to, name), path.join(from, name));
      } catch {
        // As far as it can: what stays is in `aside` or `staged` until the caller removes them.
      }
    }
    throw error;
  }
}

function present(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}
