// Replacing an output folder's contents in place (src/files/swap-folder-contents.ts, used by replaceOutputFolder):
// the folder itself stays, so that a mount point, a folder whose parent may not be written and a folder's own
// permissions survive a build. The builds themselves are in test/site/output-folder-in-place.test.ts.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { swapFolderContents } from '../../src/files/swap-folder-contents.js';
import { createStagingFolder, outputStaging, OUTPUT_MARKER, OUTPUT_MARKER_TEXT, replaceOutputFolder, SWAP_LOCK } from '../../src/files/write-safety.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'sparbar-swap-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every file under `dir` with its text, as `{ 'a/b.html': '…' }`. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(r);
      else out[r] = readFileSync(path.join(dir, r), 'utf8');
    }
  };
  walk('');
  return out;
}

function write(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
}

/** An old site in `<case>/ut`, a new one staged in `<case>/ut/.bygge-1-abc`, an empty aside folder beside it. */
function setUp(name: string) {
  const target = path.join(tmp, name, 'ut');
  write(target, { 'index.html': 'gammal start', 'mal/a/index.html': 'gammal a', 'mal/b/index.html': 'b finns inte mer', 'CNAME': 'plan.ekby.se', 'pagefind/x.js': 'gammal' });
  const staged = path.join(target, '.bygge-1-abc');
  const aside = path.join(target, '.gammal-1-abc');
  write(staged, { 'index.html': 'ny start', 'mal/a/index.html': 'ny a', 'pagefind/y.js': 'ny' });
  mkdirSync(aside);
  const kept = new Set(['.bygge-1-abc', '.gammal-1-abc']);
  return { target, staged, aside, keep: (name: string) => kept.has(name) };
}

describe('swapFolderContents', () => {
  it('gives the folder the staged entries, moves the old ones aside and leaves the kept names alone', () => {
    const { target, staged, aside, keep } = setUp('swap');
    swapFolderContents(staged, target, aside, keep);
    expect(readdirSync(target).sort()).toEqual(['.bygge-1-abc', '.gammal-1-abc', 'index.html', 'mal', 'pagefind']);
    expect(tree(target)).toMatchObject({ 'index.html': 'ny start', 'mal/a/index.html': 'ny a', 'pagefind/y.js': 'ny' });
    expect(tree(target)['mal/b/index.html']).toBeUndefined();
    expect(readdirSync(staged)).toEqual([]);
    expect(tree(aside)).toEqual({ 'index.html': 'gammal start', 'mal/a/index.html': 'gammal a', 'mal/b/index.html': 'b finns inte mer', 'CNAME': 'plan.ekby.se', 'pagefind/x.js': 'gammal' });
  });

  it('undoes its moves when one fails, and throws that failure', () => {
    const { target, staged, aside, keep } = setUp('undo');
    const before = tree(target);
    let calls = 0;
    // The fifth rename fails as rename(2) does on a full or broken file system; the undoing renames work.
    const failing = (from: string, to: string) => {
      calls++;
      if (calls === 5) throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
      renameSync(from, to);
    };
    expect(() => swapFolderContents(staged, target, aside, keep, failing)).toThrow(/EIO/);
    expect(tree(target)).toEqual(before);
    expect(tree(staged)).toEqual({ 'index.html': 'ny start', 'mal/a/index.html': 'ny a', 'pagefind/y.js': 'ny' });
    expect(readdirSync(aside)).toEqual([]);
  });

  it('copies a staged entry that is on another file system (EXDEV) and removes it from the staging folder', () => {
    const { target, staged, aside, keep } = setUp('exdev');
    const acrossDevices = (from: string, to: string) => {
      if (from.startsWith(staged)) throw Object.assign(new Error('EXDEV: cross-device link not permitted, rename'), { code: 'EXDEV' });
      renameSync(from, to);
    };
    swapFolderContents(staged, target, aside, keep, acrossDevices);
    expect(tree(target)).toMatchObject({ 'index.html': 'ny start', 'mal/a/index.html': 'ny a', 'pagefind/y.js': 'ny' });
    expect(readdirSync(staged)).toEqual([]);
  });
});

/** `<case>/dist`, a site Spårbar built with `index.html` 'ett', beside an empty `<case>/plans`. */
function builtSite(name: string) {
  const root = path.join(tmp, name);
  const plans = path.join(root, 'plans');
  mkdirSync(plans, { recursive: true });
  const out = path.join(root, 'dist');
  write(out, { [OUTPUT_MARKER]: OUTPUT_MARKER_TEXT, 'index.html': 'ett' });
  return { root, plans, out };
}

describe('replaceOutputFolder', () => {
  it('replaces an existing output folder in place: the same folder (inode, permissions), only the new site in it', async () => {
    const root = path.join(tmp, 'replace');
    const plans = path.join(root, 'plans');
    mkdirSync(plans, { recursive: true });
    const out = path.join(root, 'dist');
    write(out, { [OUTPUT_MARKER]: OUTPUT_MARKER_TEXT, 'index.html': 'ett', 'gammal.html': 'gammal' });
    chmodSync(out, 0o2750);
    const before = statSync(out);
    const staging = outputStaging(out);
    expect(staging).toEqual({ parent: out, prefix: '.bygge-' });
    const staged = createStagingFolder(staging.parent, `${staging.prefix}1-`);
    writeFileSync(path.join(staged, 'index.html'), 'två');
    await replaceOutputFolder(staged, out, plans);
    const after = statSync(out);
    expect([after.ino, after.mode, after.uid, after.gid]).toEqual([before.ino, before.mode, before.uid, before.gid]);
    expect(readdirSync(out).sort()).toEqual([OUTPUT_MARKER, 'index.html']);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('två');
    expect(readdirSync(root).sort()).toEqual(['dist', 'plans']);
  });

  it('renames the staging folder into place when there is no output folder yet, and leaves nothing beside it', async () => {
    const root = path.join(tmp, 'new');
    const plans = path.join(root, 'plans');
    mkdirSync(plans, { recursive: true });
    const out = path.join(root, 'dist');
    const staging = outputStaging(out);
    expect(staging).toEqual({ parent: root, prefix: '.dist.bygge-' });
    const staged = createStagingFolder(staging.parent, `${staging.prefix}1-`);
    writeFileSync(path.join(staged, 'index.html'), 'ett');
    await replaceOutputFolder(staged, out, plans);
    expect(readdirSync(out).sort()).toEqual([OUTPUT_MARKER, 'index.html']);
    expect(readdirSync(root).sort()).toEqual(['dist', 'plans']);
    expect(existsSync(staged)).toBe(false);
  });

  it('waits while another live build holds the lock on the folder, then moves its site in; takes over the lock of a build that is gone', async () => {
    const { root, plans, out } = builtSite('lock');
    const lock = path.join(out, SWAP_LOCK);
    // Held by a live process that lets go after a moment.
    const released = path.join(root, 'släppt');
    const holder = spawn('sh', ['-c', `sleep 0.5; touch '${released}'; rm -f '${lock}'`], { stdio: 'ignore' });
    writeFileSync(lock, `${holder.pid}\n`);
    const ended = new Promise((resolve) => holder.on('close', resolve));
    let staged = createStagingFolder(out, '.bygge-1-');
    writeFileSync(path.join(staged, 'index.html'), 'två');
    await replaceOutputFolder(staged, out, plans);
    // It returned only once the holder had let go.
    expect(existsSync(released)).toBe(true);
    await ended;
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('två');
    expect(readdirSync(out).sort()).toEqual([OUTPUT_MARKER, 'index.html']);
    // Left by a build that was killed while it held it.
    writeFileSync(lock, '999999999\n');
    staged = createStagingFolder(out, '.bygge-1-');
    writeFileSync(path.join(staged, 'index.html'), 'tre');
    await replaceOutputFolder(staged, out, plans);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('tre');
    expect(readdirSync(out).sort()).toEqual([OUTPUT_MARKER, 'index.html']);
  }, 60_000);

  it('takes over a lock that holds no process id (garbage, an old empty file, an empty folder), and refuses a folder with files in its place', async () => {
    const { plans, out } = builtSite('lock-stale');
    const lock = path.join(out, SWAP_LOCK);
    const old = new Date(Date.now() - 60_000);
    for (const [i, leave] of [() => writeFileSync(lock, 'abc'), () => { writeFileSync(lock, ''); utimesSync(lock, old, old); }, () => mkdirSync(lock)].entries()) {
      leave();
      const staged = createStagingFolder(out, '.bygge-1-');
      writeFileSync(path.join(staged, 'index.html'), `nr ${i}`);
      expect(await replaceOutputFolder(staged, out, plans)).toBe(true);
      expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe(`nr ${i}`);
      expect(readdirSync(out).sort()).toEqual([OUTPUT_MARKER, 'index.html']);
    }
    mkdirSync(lock);
    writeFileSync(path.join(lock, 'egen.txt'), 'x');
    const staged = createStagingFolder(out, '.bygge-1-');
    await expect(replaceOutputFolder(staged, out, plans, 'dist')).rejects.toThrow(`dist/${SWAP_LOCK} är en mapp med filer, inte Spårbars lås för utmappen.`);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('nr 2');
  });

  it('stops waiting for a live holder when told to (Ctrl+C), changing nothing', async () => {
    const { plans, out } = builtSite('lock-stop');
    const holder = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      writeFileSync(path.join(out, SWAP_LOCK), `${holder.pid}\n`);
      const staged = createStagingFolder(out, '.bygge-1-');
      writeFileSync(path.join(staged, 'index.html'), 'två');
      let asked = 0;
      // Told to stop on the third look at the lock, as build-site does once Ctrl+C came.
      expect(await replaceOutputFolder(staged, out, plans, out, () => ++asked > 2)).toBe(false);
      expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('ett');
      expect(readFileSync(path.join(out, SWAP_LOCK), 'utf8')).toBe(`${holder.pid}\n`);
    } finally {
      holder.kill();
    }
  });
});
