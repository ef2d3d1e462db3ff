// Nothing of the machine that builds the site is published: its folders, its user's home, its host name.
import { realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `text` without the build machine's folders: the plans folder `dir` (as given, absolute and with links
 * resolved) becomes its last segment (`plans`), the user's home folder becomes `~`, and the host name is left
 * out. For texts that come from outside Spårbar's own words (git's messages) and go on a public page.
 */
export function withoutMachinePaths(text: string, dir: string): string {
  const name = path.basename(path.resolve(dir)) || 'planerna';
  const folders = new Set<string>([path.resolve(dir)]);
  try {
    folders.add(realpathSync(dir));
  } catch {
    // A folder that does not exist has no other spelling.
  }
  let out = text;
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) if (folder.length > 1) out = out.split(folder).join(name);
  const home = os.homedir();
  if (home.length > 1) out = out.split(home).join('~');
  const host = os.hostname();
  if (host.length > 2) out = out.split(host).join('datorn');
  return out;
}
