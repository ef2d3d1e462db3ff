// Copies files into the site as new files, with the permissions the umask gives every page the build writes.
// copyFileSync and cpSync keep the source's mode instead: the compiled stylesheet and the editor's scripts came out
// with the mode the package was installed with (0644 in a site of 0640 files under umask 027, or 0600 under a
// stricter installer, which a web server running as another user cannot read).
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Copies the file or folder `from` (a folder with everything in it, links followed) to `to`, each file and folder
 * made new, so its permissions come from the umask; a file already at `to` is overwritten, a folder merged into.
 * Node's errors (ENOENT, ENOSPC, EACCES) are thrown as they come, with the path of the call that failed.
 */
export function copyAsNew(from: string, to: string): void {
  if (statSync(from).isDirectory()) {
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from).sort()) copyAsNew(path.join(from, name), path.join(to, name));
  } else {
    writeFileSync(to, readFileSync(from));
  }
}
