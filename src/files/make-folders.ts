// Making a folder and its missing parents, as `mkdir -p` does, without Node 20's recursive mkdir: that loops for
// ever when mkdir says ENOENT although the parent exists (on Node 20.20 `mkdirSync('/proc/x', { recursive: true })`
// never returns; procfs and stale mounts do that), so a check or a build hung instead of saying what was wrong.
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Makes folder `dir` (absolute or relative to the working folder) and every missing parent, one mkdir each from
 * the top. Throws the first error as Node gives it (code ENOENT, EACCES, EROFS, ENOTDIR when a part of the path
 * is a file, ...); a folder that already exists, or is made meanwhile by another process, is no error.
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    const stat = statSync(current, { throwIfNoEntry: false });
    if (stat !== undefined) {
      if (!stat.isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${current}'`), { code: 'ENOTDIR', syscall: 'mkdir', path: current });
      break;
    }
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(folder).isDirectory()) throw error;
    }
  }
}

/** Why a folder could not be made or written, in Swedish, from Node's error code. */
export function folderProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `behörighet saknas (${code})`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `en del av sökvägen är en fil, inte en mapp (${code})`;
    case 'EROFS':
      return 'filsystemet går bara att läsa (EROFS)';
    case 'ENOSPC':
      // Also when the file system has no inodes left with room to spare (many small files): df shows room then.
      return 'disken är full (ENOSPC; df -h visar utrymmet, df -i antalet filer)';
    case 'EDQUOT':
      return 'diskkvoten är slut (EDQUOT)';
    case 'EIO':
      return 'disken gav ett läs- eller skrivfel (EIO)';
    case 'ENOENT':
      return 'mappen går inte att skapa där (ENOENT)';
    default:
      return code ? `fel ${code}` : String((error as Error | undefined)?.message ?? error);
  }
}
