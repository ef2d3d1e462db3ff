// Test helper, run as a program: writes a search index (lib/src/site/search-index.js, as `sparbar build` does) while
// Pagefind's process dies without answering (stopped, then killed, the way a panic or the OOM killer ends it), and
// prints what writeSearchIndex gave as one JSON line. Before the fix the promise never settled and Node ended the
// program with exit code 13 (an unsettled top-level await) before printing anything.
//
//   node test/helpers/pagefind-dies.mjs <output folder> [interrupted]
//
// With `interrupted`, Pagefind's process gets SIGINT (as Ctrl+C in a terminal sends it to the whole process group) while
// 3,000 records are on their way: each write it did not take failed with EPIPE, which Pagefind's Node wrapper printed as
// "Service stopped" and a stack trace, and its requests were rejected ("Pagefind backend closed"), which writeSearchIndex
// threw.
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
let written;
if (process.argv[3] === 'interrupted') {
  const records = Array.from({ length: 3000 }, (_, i) => ({ url: `/a${i}/`, title: `Mål ${i}`, content: 'Digitalisering i kommunen. '.repeat(40), kind: 'Mål' }));
  written = writeSearchIndex(records, process.argv[2]);
  setTimeout(() => process.kill(pid, 'SIGINT'), 20);
} else {
  // Stopped, it reads nothing: the request below waits in the pipe and is never answered once the process is killed.
  process.kill(pid, 'SIGSTOP');
  written = writeSearchIndex([{ url: '/a/', title: 'Mål 1', content: 'Digitalisering', kind: 'Mål' }], process.argv[2]);
  setTimeout(() => process.kill(pid, 'SIGKILL'), 100);
}
const result = await written.then((errors) => ({ errors }), (error) => ({ thrown: String(error) }));
process.stdout.write(`${JSON.stringify(result)}\n`);
