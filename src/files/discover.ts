// Finds the markdown files of a plans folder, refusing symlinks that leave it.
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { MessageSink } from '../messages/report.js';

export interface DiscoveredFile {
  /** Path relative to the plans folder, with forward slashes. */
  path: string;
  /** Absolute path to read from. */
  absolutePath: string;
}

const SKIPPED_DIRECTORIES = new Set(['node_modules']);
/** The plans folder's files for the published site (src/site/site-files.ts), copied as they are: not plan files. */
const SITE_FILES_FOLDER = 'webbplatsfiler';

/** The order discoverFiles reads a folder in: depth first, each folder's entries by name (so `a/b.md` before `a-b/c.md`). */
export function comparePlanPaths(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  }
  return x.length - y.length;
}

/** Every `.md` file under `root`, sorted by path (comparePlanPaths); problems go to `sink`, never thrown. */
export function discoverFiles(root: string, sink: MessageSink): DiscoveredFile[] {
  const files: DiscoveredFile[] = [];
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return files;
  }
  const walk = (dir: string, rel: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      sink.report('unreadable-file', `Mappen gick inte att läsa (${(error as NodeJS.ErrnoException).code ?? 'okänt fel'}). Kontrollera behörigheterna.`, {
        file: rel || '.',
        line: 1,
        column: 1,
      });
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.') || SKIPPED_DIRECTORIES.has(name) || (rel === '' && name === SITE_FILES_FOLDER)) continue;
      const absolutePath = path.join(dir, name);
      const relPath = rel ? `${rel}/${name}` : name;
      if (entry.isDirectory()) {
        walk(absolutePath, relPath);
        continue;
      }
      if (entry.isFile()) {
        if (name.endsWith('.md')) files.push({ path: relPath, absolutePath });
        continue;
      }
      let stat: ReturnType<typeof lstatSync>;
      try {
        stat = lstatSync(absolutePath);
      } catch {
        continue;
      }
      if (stat.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(absolutePath);
        } catch {
          sink.report('symlink-outside', 'Den symboliska länken pekar på något som inte finns. Ta bort länken eller låt den peka på en fil i planmappen.', {
            file: relPath,
            line: 1,
            column: 1,
          });
          continue;
        }
        if (target !== realRoot && !target.startsWith(realRoot + path.sep)) {
          sink.report(
            'symlink-outside',
            'Den symboliska länken pekar ut ur planmappen och läses inte. Kopiera filen in i planmappen i stället för att länka till den.',
            { file: relPath, line: 1, column: 1 },
          );
          continue;
        }
        let targetStat: ReturnType<typeof statSync>;
        try {
          targetStat = statSync(target);
        } catch {
          continue;
        }
        // A link inside the folder is read where its target lies; following linked folders could loop.
        if (targetStat.isFile() && name.endsWith('.md')) files.push({ path: relPath, absolutePath: target });
        continue;
      }
      if (stat.isDirectory()) walk(absolutePath, relPath);
      else if (stat.isFile() && name.endsWith('.md')) files.push({ path: relPath, absolutePath });
    }
  };
  walk(realRoot, '');
  return files;
}
