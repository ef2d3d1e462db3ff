// `sparbar rapport <period> --pdf <fil>`: says clearly when chromium is missing and writes nothing, refuses
// wrong arguments, and (when Debian's chromium is installed) prints the example's report as a PDF of several
// A4 pages.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { chromiumTemporaryFolder, findChromium, isPdf, pdfPageCount } from '../../src/site/print-pdf.js';
import { runCli } from '../helpers/cli.js';

const root = path.resolve(import.meta.dirname, '../..');
const plans = path.join(root, 'plans');
const tmp = mkdtempSync(path.join(tmpdir(), 'sparbar-rapport-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllEnvs();
});

const hasChromium = findChromium({ PATH: process.env['PATH'] ?? '' }).path !== null;

describe('sparbar rapport without chromium', () => {
  it('says in Swedish how to install it, exits 2 and writes nothing', async () => {
    vi.stubEnv('SPARBAR_CHROMIUM', path.join(tmp, 'finns-inte', 'chromium'));
    const out = path.join(tmp, 'utan-chromium');
    const before = readdirSync(tmp);
    const r = await runCli(['rapport', '2026-08', plans, '--pdf', out + '.pdf']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Chromium finns inte på .*finns-inte\/chromium \(SPARBAR_CHROMIUM\)/);
    expect(r.stderr).toContain('apt-get install chromium');
    expect(r.stderr).toContain('Ingen fil skrevs');
    expect(existsSync(out + '.pdf')).toBe(false);
    expect(readdirSync(tmp)).toEqual(before);
  });

  it('looks in /usr/bin and on PATH when SPARBAR_CHROMIUM is not set', () => {
    const search = findChromium({ PATH: `${path.join(tmp, 'a')}:${path.join(tmp, 'b')}` });
    expect(search.fromEnv).toBe(false);
    if (existsSync('/usr/bin/chromium')) {
      expect(search).toEqual({ path: '/usr/bin/chromium', looked: ['/usr/bin/chromium'], fromEnv: false });
    } else {
      expect(search).toEqual({ path: null, looked: ['/usr/bin/chromium', path.join(tmp, 'a', 'chromium'), path.join(tmp, 'b', 'chromium')], fromEnv: false });
    }
  });
});

describe('sparbar rapport: wrong arguments (exit 2, nothing written)', () => {
  it.each([
    [['rapport'], /perioden ska skrivas ÅÅÅÅ-MM/],
    [['rapport', '2026-8', plans, '--pdf', 'x.pdf'], /perioden ska skrivas ÅÅÅÅ-MM, t\.ex\. 2026-08 \(inte "2026-8"\)/],
    [['rapport', '2026-08', plans], /ange filen som PDF:en ska skrivas till med --pdf <fil>/],
    [['rapport', '2026-08', plans, '--pdf', '/finns/inte/rapport.pdf'], /mappen \/finns\/inte finns inte/],
  ])('%j', async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('Användning: sparbar rapport <ÅÅÅÅ-MM> [mapp] --pdf <fil> [--plan <id>]');
  });

  it('an unknown flag is named in Swedish with the flags there are', async () => {
    const r = await runCli(['rapport', '2026-08', plans, '--pdf', 'x.pdf', '--okand']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sparbar rapport: okänd flagga --okand. Flaggor: --pdf, --plan.\nKör sparbar rapport --help för hjälp.\n');
  });

  it('names the plans when none has a follow-up for the period, before building anything', async () => {
    vi.stubEnv('SPARBAR_CHROMIUM', '/bin/true');
    const out = path.join(tmp, 'ingen-plan.pdf');
    const r = await runCli(['rapport', '2027-08', plans, '--pdf', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ingen plan har en uppföljning för 2027-08\. Planerna:\n {2}ekby-digplan-2024-2027 {2}Strategisk plan för digitalisering 2024–2027 \(uppföljningar: 2025-08, 2026-08\)/);
    expect(existsSync(out)).toBe(false);
    const wrong = await runCli(['rapport', '2026-08', plans, '--pdf', out, '--plan', 'annan-plan']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/ingen plan har id "annan-plan"/);
  });
});

describe('pdfPageCount', () => {
  it('counts page objects, not the page tree', () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> endobj\n2 0 obj << /Type /Page /Parent 1 0 R >> endobj\n3 0 obj <</Type/Page/Parent 1 0 R>> endobj\n%%EOF');
    expect(isPdf(pdf)).toBe(true);
    expect(pdfPageCount(pdf)).toBe(2);
    expect(isPdf(new TextEncoder().encode('<html>'))).toBe(false);
  });
});

/** A TMPDIR as long as macOS gives (/var/folders/<2>/<30 or so>/T), inside this test's folder. */
const longTemporary = path.join(tmp, 'var-folders-7x-abcdefghijklmnopqrstuvwxyz0123456789', 'T');

describe('chromium’s temporary folder', () => {
  it('is beside the profile when its socket path fits, else a folder of its own in /tmp', () => {
    const short = chromiumTemporaryFolder(path.join(tmp, 'p', 'chromium-profil'));
    expect(short).toEqual({ dir: path.join(tmp, 'p', 'chromium-profil-tmp'), own: false });
    expect(existsSync(short.dir)).toBe(true);
    const long = chromiumTemporaryFolder(path.join(longTemporary, 'sparbar-rapport-abcdef', 'chromium-profil'));
    expect(long.own).toBe(true);
    expect(long.dir).toMatch(/^\/tmp\/sparbar-chromium-/);
    expect(`${long.dir}/org.chromium.Chromium.XXXXXX/SingletonSocket`.length).toBeLessThanOrEqual(103);
    rmSync(long.dir, { recursive: true, force: true });
  });
});

describe.skipIf(!hasChromium)('sparbar rapport with Debian’s chromium', () => {
  it('prints under a long TMPDIR, as macOS gives one (chromium refuses a socket path over 103 bytes)', async () => {
    mkdirSync(longTemporary, { recursive: true });
    vi.stubEnv('TMPDIR', longTemporary);
    const ownFolders = () => readdirSync('/tmp').filter((n) => n.startsWith('sparbar-chromium-'));
    const before = new Set(ownFolders());
    const out = path.join(tmp, 'lang-tmpdir.pdf');
    const r = await runCli(['rapport', '2026-08', plans, '--pdf', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(isPdf(readFileSync(out))).toBe(true);
    // Nothing is left: not in TMPDIR, not in /tmp.
    expect(readdirSync(longTemporary)).toEqual([]);
    expect(ownFolders().filter((n) => !before.has(n))).toEqual([]);
  }, 180_000);

  it('prints the report of 2026-08 as a PDF of several A4 pages', async () => {
    const out = path.join(tmp, 'uppfoljning-2026-08.pdf');
    const r = await runCli(['rapport', '2026-08', plans, '--pdf', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdfPageCount(bytes);
    expect(pages).toBeGreaterThan(1);
    expect(r.stdout).toBe(`Uppföljningen augusti 2026 av Strategisk plan för digitalisering 2024–2027 skrevs till ${out} (${pages} sidor A4).\n`);
    // No link leads to the temporary server the page was printed from (the example sets no site address, so the
    // links to the site are text); the links to other sites are kept.
    expect(bytes.toString('latin1')).not.toMatch(/127\.0\.0\.1|localhost/);
    // poppler's pdfinfo, when installed, agrees on the pages and reads the paper as A4.
    const info = spawnSync('pdfinfo', [out], { encoding: 'utf8' });
    if (info.status === 0) {
      expect(info.stdout).toMatch(new RegExp(`Pages:\\s+${pages}\\n`));
      expect(info.stdout).toMatch(/Page size:\s+59[45](\.\d+)? x 841(\.\d+)? pts \(A4\)/);
    }
    // The text of the report is in the PDF (chromium keeps it selectable), so nothing is a picture of text.
    const text = spawnSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    if (text.status === 0) {
      expect(text.stdout).toContain('Uppföljning augusti 2026');
      expect(text.stdout).toContain('Förändringar sedan augusti 2025');
      expect(text.stdout).not.toContain('Hoppa till innehållet');
      // Every page has the running head and foot (@page margin boxes): title and period, plan, "Sida N av M".
      const printed = text.stdout.split('\f').slice(0, pages);
      expect(printed).toHaveLength(pages);
      for (const [i, page] of printed.entries()) {
        expect(page, `sida ${i + 1}`).toContain('Uppföljning augusti 2026');
        expect(page, `sida ${i + 1}`).toContain('Ekby kommun · Strategisk plan för digitalisering 2024–2027');
        expect(page, `sida ${i + 1}`).toContain(`Sida ${i + 1} av ${pages}`);
      }
      // The first page is the whole picture: what needs attention and every goal's row of "Målen augusti 2026"
      // (assessment, focus areas, actions, indicators); the full list begins on the second page.
      const first = printed[0]!;
      expect(first).toContain('I korthet');
      expect(first).toContain('I18 Antal genomförda leveranser till e-arkivet');
      expect(first).toContain('Målen augusti 2026');
      for (const goal of ['M1 IT-styrning', 'M2 Digitalisering', 'M3 Verksamhetssystem', 'M4 IT-infrastruktur']) expect(first.replace(/\s+/g, ' ')).toContain(goal);
      for (const met of ['3 av 3', '9 av 9', '2 av 3', '4 av 5']) expect(first).toContain(`${met} nådde målvärdet`);
      expect(printed[1]).not.toContain('Målen augusti 2026');
    }
  }, 180_000);
});
