// Test helper, run as a program: writes a search index (lib/src/site/search-index.js, as `sparbar build` does) while
// Pagefind's process dies without answering (stopped, then killed, the way a panic or the OOM killer ends it), and
// prints what writeSearchIndex gave as one JSON line. Before the fix the promise never settled and Node ended the
// program with exit code 13 (an unsettled top-level await) before printing anything.
//
//   node test/helpers/pagefind-dies.mjs <output folder>
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pagefind = await import('pagefind');
const { writeSearchIndex } = await import(path.join(root, 'lib/src/site/search-index.js'));

// Pagefind's service process starts with the first index; it is this process's child named pagefind*.
await pagefind.createIndex({ forceLanguage: 'sv' });
const children = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).filter((pid) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [, comm, rest] = /^\d+ \((.*)\) (.*)$/s.exec(stat) ?? [];
    return comm?.startsWith('pagefind') && Number(rest?.split(' ')[1]) === process.pid;
  } catch {
    return false;
  }
});
if (children.length !== 1) throw new Error(`Pagefind's process not found (${children.length})`);
const pid = Number(children[0]);
// Stopped, it reads nothing: the request below waits in the pipe and is never answered once the process is killed.
process.kill(pid, 'SIGSTOP');
const written = writeSearchIndex([{ url: '/a/', title: 'Mål 1', content: 'Digitalisering', kind: 'Mål' }], process.argv[2]);
setTimeout(() => process.kill(pid, 'SIGKILL'), 100);
const result = await written.then((errors) => ({ errors }), (error) => ({ thrown: String(error) }));
process.stdout.write(`${JSON.stringify(result)}\n`);
