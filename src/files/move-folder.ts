// Moves a folder Spårbar made (the search index, from the build's work folder in the temporary folder into the site
// beside --out). A rename, unless the two are on different file systems: a /tmp in memory (tmpfs, as on Fedora,
// Arch and Debian 13) with the output on disk, or the reverse. rename(2) then fails with EXDEV, and the folder is
// copied and removed instead.
import { cpSync, renameSync, rmSync } from 'node:fs';

/**
 * Moves the folder `from` to `to` (which must not exist): renamed, or, across file systems (EXDEV), copied with every
 * file and subfolder and then removed. Other errors are thrown. `rename` is for tests that stand in for rename(2).
 */
export function moveFolder(from: string, to: string, rename: (from: string, to: string) => void = renameSync): void {
  try {
    rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true, errorOnExist: true, force: false });
    rmSync(from, { recursive: true, force: true });
  }
}
