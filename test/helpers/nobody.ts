// The command line run as the user nobody (setpriv), for tests of what a user without rights meets: as root every
// folder can be written. Nobody must reach the package: a clone in a folder only root may enter (mktemp -d gives
// 0700, as CI's fresh clone has it) is bind-mounted, read-only, for the test file under a folder everyone may enter.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** setpriv (util-linux), when installed. */
export const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));

/** The arguments that make setpriv run a command as nobody (uid and gid 65534, no other groups). */
export const AS_NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups'];

const mounts: string[] = [];
afterAll(() => {
  // Folder by folder, never recursively: were the mount still there, that would remove the package's own files.
  for (const folder of mounts.splice(0)) {
    spawnSync('umount', [path.join(folder, 'sparbar')]);
    try {
      rmdirSync(path.join(folder, 'sparbar'));
      rmdirSync(folder);
    } catch {
      // Still mounted (busy): left for the system's clean-up of the temporary folder.
    }
  }
});

/** True when nobody may read `file`. */
function nobodyReads(file: string): boolean {
  return SETPRIV !== undefined && spawnSync(SETPRIV, [...AS_NOBODY, process.execPath, '-e', `require('node:fs').accessSync(${JSON.stringify(file)})`]).status === 0;
}

/**
 * The package folder `root` (the one with lib/src/cli/main.js) as nobody can reach it: `root` itself when nobody can,
 * else `root` bind-mounted read-only at `<tmpdir>/sparbar-nobody-XXXXXX/sparbar` (the folder mode 0755; unmounted and removed
 * after the test file's tests). Undefined when this process is not root, setpriv is missing or nothing can be mounted.
 */
export function packageForNobody(root: string): string | undefined {
  if (process.getuid?.() !== 0 || SETPRIV === undefined) return undefined;
  const cli = path.join('lib', 'src', 'cli', 'main.js');
  if (nobodyReads(path.join(root, cli))) return root;
  const folder = mkdtempSync(path.join(tmpdir(), 'sparbar-nobody-'));
  chmodSync(folder, 0o755);
  const target = path.join(folder, 'sparbar');
  mkdirSync(target);
  if (spawnSync('mount', ['--bind', root, target]).status !== 0) {
    rmdirSync(target);
    rmdirSync(folder);
    return undefined;
  }
  // Read-only: a mount left behind (busy, or the tests stopped with Ctrl+C) cannot take the package's files with it
  // when someone removes the temporary folder with rm -rf.
  if (spawnSync('mount', ['-o', 'remount,bind,ro', target]).status !== 0) {
    spawnSync('umount', [target]);
    try {
      rmdirSync(target);
      rmdirSync(folder);
    } catch {
      // Still mounted: left as it is, never removed recursively.
    }
    return undefined;
  }
  mounts.push(folder);
  return nobodyReads(path.join(target, cli)) ? target : undefined;
}
