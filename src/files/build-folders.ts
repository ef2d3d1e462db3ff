// The folders a build works in (the staging folder beside the output folder, the work folder in the system's
// temporary folder, Astro's working folder) carry the building process's id in their names:
// `<prefix><pid>-<random>`. A build that was killed outright (SIGKILL, a power cut) cannot remove them itself;
// the next build in the same place removes those whose process is gone (removeStaleBuildFolders).
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** `<prefix><pid>-`: what a build folder's name starts with, followed by a random part. */
export function buildFolderPrefix(prefix: string, pid: number = process.pid): string {
  return `${prefix}${pid}-`;
}

/** True while a process with this id exists (also one of another user, which may not be signalled). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The random part mkdtemp(3) adds to a name: six letters and digits. */
export const MKDTEMP_RANDOM = /^[A-Za-z0-9]{6}$/;

/**
 * Removes the folders in `parent` named `<prefix><pid>-<random>` (the random part as `random` describes it exactly, so
 * that a name someone chose, `sparbar-bygge-2024-arkiv`, is never taken for one) whose process `pid` no
 * longer exists: real folders (not links) of this user, never this process's own. Anything else with a similar
 * name, including leftovers of builds from before process ids were in the names, is left alone. Best effort:
 * a folder that cannot be read or removed stays, and nothing is thrown. Returns the names removed.
 */
export function removeStaleBuildFolders(parent: string, prefix: string, random: RegExp): string[] {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d{1,10})-(.+)$/.exec(name.slice(prefix.length));
    if (!m || !random.test(m[2]!)) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || pid <= 0 || processExists(pid)) continue;
    const folder = path.join(parent, name);
    try {
      const stat = lstatSync(folder);
      if (!stat.isDirectory() || (process.getuid !== undefined && stat.uid !== process.getuid())) continue;
      rmSync(folder, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Someone else's or already gone: leave it.
    }
  }
  return removed;
}
