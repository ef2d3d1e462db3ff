// A write the file system refuses (a full disk, a read-only file system, no permission) said in Swedish, with the
// place and what to do (src/files/write-problem.ts), instead of `internt fel` and a stack trace. These run everywhere:
// the refused calls are stood in for; test/site/full-disk.test.ts fills real disks where it can mount them, and
// test/site/search-index-write.test.ts covers the search index.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HANDLERS, run } from '../../src/cli/run.js';
import {
  anyWriteProblem,
  checkFolderWritable,
  type FileSystemError,
  isWriteRefusal,
  refusalFromOutput,
  refusalLine,
  siteWriteProblem,
  withPath,
} from '../../src/files/write-problem.js';
import { temporaryFolder } from '../../src/files/temporary-folder.js';
import { WriteRefusedError } from '../../src/files/write-safety.js';

/** An error as Node gives a refused system call. */
function refused(code: string, where?: { path?: string; dest?: string }): FileSystemError {
  return Object.assign(new Error(`${code}: refused`), { code, ...where });
}

describe('a refused write', () => {
  it('is told from other errors by its code', () => {
    for (const code of ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO']) expect(isWriteRefusal(refused(code))).toBe(true);
    expect(isWriteRefusal(refused('ENOENT'))).toBe(false);
    expect(isWriteRefusal(new Error('x'))).toBe(false);
  });

  it('gets the path of the file written when Node gives none (write(2)), and keeps one Node gives', () => {
    let thrown: unknown;
    try {
      withPath('/x/graf.json', () => {
        throw refused('ENOSPC');
      });
    } catch (error) {
      thrown = error;
    }
    expect((thrown as FileSystemError).path).toBe('/x/graf.json');
    try {
      withPath('/x/graf.json', () => {
        throw refused('EACCES', { path: '/y' });
      });
    } catch (error) {
      thrown = error;
    }
    expect((thrown as FileSystemError).path).toBe('/y');
  });

  it('is said as the temporary folder’s when it went into the build’s work folder, as the output folder’s when it went beside or into --out', () => {
    const work = path.join(temporaryFolder(), 'sparbar-bygge-1-abc');
    const where = { work, outDir: '/srv/webb/dist', shownOut: 'dist' };
    expect(siteWriteProblem(refused('ENOSPC', { path: path.join(work, 'graf.json') }), where)).toBe(
      `Den tillfälliga mappen ${temporaryFolder()} går inte att skriva i: disken är full (ENOSPC; df -h visar utrymmet, df -i antalet filer). Frigör utrymme där eller sätt TMPDIR till en mapp på en annan disk (till exempel TMPDIR=/var/tmp).`,
    );
    expect(siteWriteProblem(refused('ENOSPC', { path: '/srv/webb/.dist.bygge-1-abc/index.html' }), where)).toBe(
      'Utmappen dist går inte att skriva i: disken är full (ENOSPC; df -h visar utrymmet, df -i antalet filer). Frigör utrymme på disken, eller välj med --out en plats på en annan disk.',
    );
    // A copy names its source as `path` and its target as `dest`: the target is where the disk was full.
    expect(siteWriteProblem(refused('EDQUOT', { path: path.join(work, 'pagefind', 'a'), dest: '/srv/webb/dist/.bygge-1-abc/pagefind/a' }), where)).toMatch(
      /^Utmappen dist går inte att skriva i: diskkvoten är slut \(EDQUOT\)\. Frigör utrymme inom din diskkvot/,
    );
    expect(siteWriteProblem(refused('EROFS', { path: '/srv/webb/dist/.bygge-1-abc/x' }), where)).toBe(
      'Utmappen dist går inte att skriva i: filsystemet går bara att läsa (EROFS). Välj med --out en plats som du kan skriva i.',
    );
    // `sparbar rapport` builds its site in its own folder in the temporary folder.
    expect(siteWriteProblem(refused('ENOSPC', { path: '/tmp/x/.webbplats.bygge-1/a' }), { work, outDir: '/tmp/x/webbplats', shownOut: '/tmp/x/webbplats', outIsTemporary: true })).toMatch(
      /^Den tillfälliga mappen .* går inte att skriva i: disken är full \(ENOSPC; df -h visar utrymmet, df -i antalet filer\)\. .*TMPDIR/,
    );
    expect(siteWriteProblem(refused('EIO', { path: '/annat/fil' }), where)).toBe('/annat/fil går inte att skriva: disken gav ett läs- eller skrivfel (EIO). Kontrollera disken, eller välj en plats på en annan disk.');
  });

  it('travels from the renderer to the build as one line, and nothing else is taken for one', () => {
    const error = refused('ENOSPC', { path: '/srv/webb/.dist.bygge-1/index.html' });
    const back = refusalFromOutput(`något annat\n${refusalLine(error)}\n`);
    expect(back?.code).toBe('ENOSPC');
    expect(back?.path).toBe('/srv/webb/.dist.bygge-1/index.html');
    expect(refusalFromOutput('Error: ENOSPC: no space left on device, write\n    at writeFileSync')).toBeUndefined();
  });

  it('is refused before any work when the output file’s folder cannot be written in', () => {
    const deny = (code: string) => () => {
      throw refused(code, { path: '/srv/rapporter' });
    };
    expect(() => checkFolderWritable('/srv/rapporter', 'rapporter/r.pdf', '--pdf', deny('EACCES'))).toThrow(
      new WriteRefusedError('rapporter/r.pdf går inte att skriva: mappen rapporter går inte att skriva i, behörighet saknas (EACCES). Välj med --pdf en plats som du kan skriva i. Ingen fil skrevs.'),
    );
    expect(() => checkFolderWritable('/srv', 'p.docx', '--docx', deny('EROFS'))).toThrow(/^p\.docx går inte att skriva: mappen \. går inte att skriva i, filsystemet går bara att läsa \(EROFS\)/);
    expect(() => checkFolderWritable('/srv', 'p.docx', '--docx', () => undefined)).not.toThrow();
  });
});

describe('the command line’s last line of defence', () => {
  const original = HANDLERS['check']!;
  afterEach(() => {
    HANDLERS['check'] = original;
  });

  it('says a refused write no command said itself in Swedish with its path, exit 2, without a stack trace', async () => {
    HANDLERS['check'] = () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, open \'/srv/x/y.json\''), { code: 'ENOSPC', syscall: 'open', path: '/srv/x/y.json' });
    };
    let stderr = '';
    const code = await run(['check'], { stdout: () => undefined, stderr: (s) => (stderr += s), color: false });
    expect(code).toBe(2);
    expect(stderr).toBe('sparbar check: /srv/x/y.json går inte att skriva: disken är full (ENOSPC; df -h visar utrymmet, df -i antalet filer). Frigör utrymme på disken, eller välj en plats på en annan disk.\n');
    expect(anyWriteProblem(refused('EACCES'))).toBe('En fil går inte att skriva: behörighet saknas (EACCES). Välj en plats som du kan skriva i.');
  });
});
