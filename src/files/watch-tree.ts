// Watches a plans folder tree with one fs.watch per folder. Node 20's recursive fs.watch on Linux watches each file,
// so a save that writes a new file and renames it over the old one (vim, gedit, many editors' "safe write") is seen
// once and then never again; a folder's watch sees every name that changes in it, however it was written.
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface TreeWatcher {
  close(): void;
}

/** Folders a plans folder's files are never read from (see discoverFiles). */
const skipped = (name: string) => name.startsWith('.') || name === 'node_modules';

/**
 * Calls `onChange` with the path (relative to `root`, forward slashes) of every entry that changes in the tree,
 * folders created later included, or null when something in the root changed without a name; `onError` once when
 * a folder cannot be watched any more (the caller falls back to polling). Throws when `root` itself cannot be watched.
 */
export function watchTree(root: string, onChange: (relativePath: string | null) => void, onError: (error: Error) => void): TreeWatcher {
  const watchers = new Map<string, FSWatcher>();
  let failed = false;
  const fail = (error: Error) => {
    if (failed) return;
    failed = true;
    close();
    onError(error);
  };
  const close = () => {
    for (const w of watchers.values()) w.close();
    watchers.clear();
  };
  const isFolder = (rel: string) => {
    try {
      return statSync(path.join(root, rel)).isDirectory();
    } catch {
      return false;
    }
  };
  /** Watches folder `rel` ('' for the root) and every folder below it not watched yet. */
  const add = (rel: string, strict: boolean) => {
    if (watchers.has(rel)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(path.join(root, rel), (_event, name) => changed(rel, name === null ? null : String(name)));
    } catch (error) {
      // A folder that is gone again, or cannot be read: the check reports it; the root must be watchable.
      if (strict) throw error;
      return;
    }
    watcher.on('error', (error) => (rel === '' || isFolder(rel) ? fail(error) : drop(rel)));
    watchers.set(rel, watcher);
    let names: string[];
    try {
      names = readdirSync(path.join(root, rel));
    } catch {
      return;
    }
    for (const name of names) {
      const child = rel ? `${rel}/${name}` : name;
      if (!skipped(name) && isFolder(child)) add(child, false);
    }
  };
  /** Stops watching folder `rel` and the folders below it. */
  const drop = (rel: string) => {
    for (const [key, w] of watchers) {
      if (key === rel || key.startsWith(`${rel}/`)) {
        w.close();
        watchers.delete(key);
      }
    }
  };
  const changed = (folder: string, name: string | null) => {
    if (failed) return;
    // Without a name (some platforms, overflowing queues) the whole folder counts as changed.
    const rel = name === null ? folder : folder ? `${folder}/${name}` : name;
    if (name !== null && rel.split('/').some(skipped)) return;
    // The plans folder itself removed or moved away: its watches are dead; the caller polls until it is back.
    if (!isFolder('')) return fail(new Error('planmappen togs bort eller flyttades'));
    if (isFolder(rel)) add(rel, false);
    else if (watchers.has(rel)) drop(rel);
    onChange(rel === '' ? null : rel);
  };
  add('', true);
  return { close };
}
