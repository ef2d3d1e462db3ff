// Output folders of earlier runs, moved aside instead of deleted while the bench measures.
//
// On ext4 without a journal (this machine's disk), the inode allocator skips inodes freed in the last 60 s (360 s
// while their inode table block is unwritten), reading each candidate's block (fs/ext4/ialloc.c: recently_deleted,
// RECENTCY_MIN and RECENTCY_DIRTY, checked only when there is no journal). A build that creates its 2,000 files right
// after the run before deleted as many spends up to a second of system time finding free inodes, more with every
// round, so each row's time depended on the rows before it. The folders moved aside here are deleted with the bench's
// work folder after the last measurement. The warm rows start without the site the cold run wrote, too: plain Astro
// would delete it first (emptyDir) right before Hugo's row, and ours would replace it right before our next cold row.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

let moved = 0;

/**
 * Moves `dir` (when it exists) into `<workDir>/discarded/`, which the bench deletes with `workDir` when it ends; a
 * folder on another file system (rename answers EXDEV) is deleted at once instead.
 */
export function discard(dir: string, workDir: string): void {
  if (!existsSync(dir)) return;
  const into = path.join(workDir, 'discarded');
  mkdirSync(into, { recursive: true });
  try {
    renameSync(dir, path.join(into, `${process.pid}-${++moved}`));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    rmSync(dir, { recursive: true, force: true });
  }
}
