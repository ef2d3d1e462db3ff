// Files a site needs that Spårbar does not build (GitHub Pages' CNAME) live in webbplatsfiler/ of the plans folder
// and are copied into every build; a build that replaces its output folder names the files it takes away, so a
// file put there by hand is never lost without a word (tester8 T7).
import { execFileSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { pathToFileURL } from 'node:url';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPlans } from '../../src/check/check-plans.js';
import { copySiteFiles, filesOnlyIn, removedByHand } from '../../src/site/site-files.js';
import { runCli } from '../helpers/cli.js';

const root = path.resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sparbar-site-files-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const plans = path.join(tmp, 'plans');

beforeAll(() => {
  cpSync(path.join(root, 'plans'), plans, { recursive: true });
  mkdirSync(path.join(plans, 'webbplatsfiler', '.well-known'), { recursive: true });
  writeFileSync(path.join(plans, 'webbplatsfiler', 'CNAME'), 'plan.ekby.example\n');
  writeFileSync(path.join(plans, 'webbplatsfiler', '.nojekyll'), '');
  writeFileSync(path.join(plans, 'webbplatsfiler', '.well-known', 'security.txt'), 'Contact: mailto:it@ekby.example\n');
  // Not a plan file: check does not read the folder.
  writeFileSync(path.join(plans, 'webbplatsfiler', 'README.md'), '# Filer till webbplatsen\n');
});

describe('webbplatsfiler/ and the files a build removes', () => {
  it('copies the folder into every build; names what replacing the folder took away', { timeout: 600_000 }, async () => {
    expect(checkPlans(plans).messages).toEqual([]);
    const out = path.join(tmp, 'dist');
    const first = await runCli(['build', plans, '--out', out]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Webbplatsen byggdes: \d+ sidor i .*\n$/);
    expect(readFileSync(path.join(out, 'CNAME'), 'utf8')).toBe('plan.ekby.example\n');
    expect(existsSync(path.join(out, '.nojekyll'))).toBe(true);
    expect(readFileSync(path.join(out, '.well-known', 'security.txt'), 'utf8')).toContain('it@ekby.example');

    // A file put in the built folder by hand is removed by the next build, which says so.
    writeFileSync(path.join(out, 'google1234.html'), 'google-site-verification: google1234.html');
    const second = await runCli(['build', plans, '--out', out]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('den här filen fanns där men finns inte i det nya bygget och togs bort: google1234.html.');
    expect(second.stdout).toContain('läggs i webbplatsfiler/ i planmappen');
    expect(existsSync(path.join(out, 'google1234.html'))).toBe(false);
    expect(readFileSync(path.join(out, 'CNAME'), 'utf8')).toBe('plan.ekby.example\n');
  });

  it('a file whose place the site takes, or a link, stops the build with the file named; nothing is written', () => {
    const site = mkdtempSync(path.join(tmp, 'site-'));
    writeFileSync(path.join(site, 'index.html'), '<p>sidan</p>');
    const own = mkdtempSync(path.join(tmp, 'plans-'));
    mkdirSync(path.join(own, 'webbplatsfiler'));
    writeFileSync(path.join(own, 'webbplatsfiler', 'index.html'), '<p>egen</p>');
    writeFileSync(path.join(own, 'webbplatsfiler', 'CNAME'), 'x\n');
    symlinkSync('/etc/passwd', path.join(own, 'webbplatsfiler', 'lank'));
    expect(copySiteFiles(own, site)).toEqual({
      copied: [],
      errors: [
        'webbplatsfiler/index.html: webbplatsen har redan en fil index.html som Spårbar skriver. Ta bort filen eller byt namn på den.',
        'webbplatsfiler/lank: en symbolisk länk, som inte följs. Kopiera filen hit i stället.',
      ],
    });
    expect(readdirSync(site)).toEqual(['index.html']);
    expect(readFileSync(path.join(site, 'index.html'), 'utf8')).toBe('<p>sidan</p>');
  });

  it('a file or folder that cannot be read, or a named pipe, is named in a Swedish sentence, never an internal error (tester9 U7)', () => {
    const own = mkdtempSync(path.join(tmp, 'plans-'));
    const folder = path.join(own, 'webbplatsfiler');
    mkdirSync(path.join(folder, 'bilagor'), { recursive: true });
    writeFileSync(path.join(folder, 'CNAME'), 'x\n');
    writeFileSync(path.join(folder, 'bilagor', 'a.pdf'), 'x\n');
    execFileSync('mkfifo', [path.join(folder, 'ror')]);
    chmodSync(path.join(folder, 'CNAME'), 0o000);
    chmodSync(path.join(folder, 'bilagor'), 0o000);
    chmodSync(own, 0o755);
    chmodSync(folder, 0o755);
    const site = mkdtempSync(path.join(tmp, 'site-'));
    chmodSync(site, 0o777);
    chmodSync(tmp, 0o755);
    // Run as a user without the rights where the tests run as root (root reads every file).
    const asUser = process.getuid?.() === 0 ? ['runuser', '-u', 'nobody', '--'] : [];
    // The module bundled into the test's own folder: the user may not be able to read the checkout (a clone in a mktemp -d folder).
    const bundle = path.join(tmp, 'site-files.mjs');
    buildSync({ entryPoints: [path.join(root, 'src/site/site-files.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'silent' });
    chmodSync(bundle, 0o644);
    const script = `import(${JSON.stringify(pathToFileURL(bundle).href)}).then((m) => console.log(JSON.stringify(m.copySiteFiles(${JSON.stringify(own)}, ${JSON.stringify(site)}))))`;
    const [command, ...args] = [...asUser, process.execPath, '-e', script];
    const result = JSON.parse(execFileSync(command!, args, { encoding: 'utf8' })) as { copied: string[]; errors: string[] };
    expect(result).toEqual({
      copied: [],
      errors: [
        'webbplatsfiler/CNAME: filen går inte att läsa (behörighet saknas). Ändra filens behörighet eller ta bort den.',
        'webbplatsfiler/bilagor: mappen går inte att läsa (behörighet saknas). Ändra mappens behörighet eller ta bort den.',
        'webbplatsfiler/ror: är ingen vanlig fil och kopieras inte. Ta bort den.',
      ],
    });
    chmodSync(path.join(folder, 'bilagor'), 0o755);
  });

  it('names only what somebody may have put there by hand: not pages, nor the content-named files of folders the new build has (tester9 U8)', () => {
    const site = mkdtempSync(path.join(tmp, 'ny-'));
    mkdirSync(path.join(site, 'pagefind', 'index'), { recursive: true });
    mkdirSync(path.join(site, '_astro'), { recursive: true });
    const removed = ['CNAME', 'google123.html', '.well-known/security.txt', 'pagefind/index/sv_79d6fca.pf_index', '_astro/index.abc.css', 'plan/aktivitet/a99/index.html', 'index.html'];
    expect(removedByHand(removed, site)).toEqual(['CNAME', 'google123.html', '.well-known/security.txt']);
  });

  it('filesOnlyIn lists the files of the old folder, in subfolders too, that the new one lacks', () => {
    const a = mkdtempSync(path.join(tmp, 'a-'));
    const b = mkdtempSync(path.join(tmp, 'b-'));
    for (const [dir, files] of [[a, ['x.html', 'sub/y.html', 'sub/z.html', 'CNAME']], [b, ['x.html', 'sub/y.html']]] as const) {
      for (const f of files) {
        mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        writeFileSync(path.join(dir, f), '');
      }
    }
    expect(filesOnlyIn(a, b)).toEqual(['CNAME', 'sub/z.html']);
  });
});
