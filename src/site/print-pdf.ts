// Printing a page of the site to PDF with Debian's chromium, headless: where chromium is, the print itself
// (with a time limit), and a PDF's page count read from its page objects.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { onInterrupt } from '../util/interrupt.js';

/** Where chromium was looked for, for the message when it is missing. */
export interface ChromiumSearch {
  path: string | null;
  /** The places looked at, in order. */
  looked: string[];
  /** True when SPARBAR_CHROMIUM chose the place. */
  fromEnv: boolean;
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** SPARBAR_CHROMIUM when set (and only it), else /usr/bin/chromium, else `chromium` on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumSearch {
  const explicit = env['SPARBAR_CHROMIUM'];
  if (explicit !== undefined && explicit !== '') return { path: isExecutableFile(explicit) ? explicit : null, looked: [explicit], fromEnv: true };
  const looked = ['/usr/bin/chromium'];
  if (isExecutableFile('/usr/bin/chromium')) return { path: '/usr/bin/chromium', looked, fromEnv: false };
  for (const dir of (env['PATH'] ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, 'chromium');
    if (looked.includes(candidate)) continue;
    looked.push(candidate);
    if (isExecutableFile(candidate)) return { path: candidate, looked, fromEnv: false };
  }
  return { path: null, looked, fromEnv: false };
}

/** The arguments chromium gets; the page's own print CSS sets A4 and the margins. */
export function chromiumPrintArgs(url: string, pdfFile: string, profileDir: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    `--user-data-dir=${profileDir}`,
    '--no-pdf-header-footer',
    `--print-to-pdf=${pdfFile}`,
    url,
  ];
}

/**
 * The longest path chromium's SingletonSocket may have: a Unix socket's address holds 108 bytes on Linux and 104 on
 * macOS, the closing NUL included (unix(7); sys/un.h). Chromium makes it in its temporary folder as
 * `org.chromium.Chromium.XXXXXX/SingletonSocket`, and refuses to start when the path is longer ("Socket path too long").
 */
const SOCKET_PATH_MAX = 103;
const SOCKET_IN_TEMPORARY_FOLDER = '/org.chromium.Chromium.XXXXXX/SingletonSocket'.length;

/**
 * Where chromium keeps its temporary files for a profile in `profileDir`: `<profileDir>-tmp`, removed by the caller
 * with its work folder, when its socket's path fits there (SOCKET_PATH_MAX); else, under a long TMPDIR (macOS gives
 * one of some 50 characters), a new folder in /tmp (`own`: printToPdf removes it).
 */
export function chromiumTemporaryFolder(profileDir: string): { dir: string; own: boolean } {
  const beside = `${profileDir}-tmp`;
  if (Buffer.byteLength(beside) + SOCKET_IN_TEMPORARY_FOLDER <= SOCKET_PATH_MAX) {
    mkdirSync(beside, { recursive: true });
    return { dir: beside, own: false };
  }
  return { dir: mkdtempSync('/tmp/sparbar-chromium-'), own: true };
}

/**
 * Runs chromium to print `url` to `pdfFile`, with its profile in `profileDir` and its temporary files where
 * chromiumTemporaryFolder says (the profile, and `<profileDir>-tmp`, for the caller to remove); resolves with its exit
 * code and output (the last part).
 */
export function printToPdf(chromium: string, url: string, pdfFile: string, profileDir: string, timeoutMs = 120_000): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    // Chromium's own temporary files go beside its profile, in the caller's work folder, not the system's
    // temporary folder: chromium leaves them there when it is stopped (under a long TMPDIR, in their own folder in /tmp,
    // removed when chromium has ended: chromiumTemporaryFolder).
    const chromiumTmp = chromiumTemporaryFolder(profileDir);
    const removeOwn = () => {
      if (chromiumTmp.own) rmSync(chromiumTmp.dir, { recursive: true, force: true });
    };
    const child = spawn(chromium, chromiumPrintArgs(url, pdfFile, profileDir), { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: chromiumTmp.dir } });
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-8_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    // Interrupted (src/util/interrupt.ts): chromium ends (killed after 3 s) before the caller removes its profile.
    let closed = false;
    const whenClosed = new Promise<void>((done) => child.once('close', () => done()));
    const releaseInterrupt = onInterrupt(async () => {
      if (closed) return;
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await whenClosed;
      clearTimeout(force);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      releaseInterrupt();
      removeOwn();
      resolve({ code: null, output: `${output}\n${error.message}`, timedOut });
    });
    child.on('close', (code) => {
      closed = true;
      clearTimeout(timer);
      releaseInterrupt();
      removeOwn();
      resolve({ code, output, timedOut });
    });
  });
}

/** True when the bytes start like a PDF file. */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length > 4 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}

/**
 * Pages of a PDF: the `/Type /Page` objects (not `/Pages`), which chromium writes uncompressed. Good enough
 * for our own prints; not a general PDF parser.
 */
export function pdfPageCount(bytes: Uint8Array): number {
  const text = Buffer.from(bytes).toString('latin1');
  return [...text.matchAll(/\/Type\s*\/Page(?![A-Za-z])/g)].length;
}

/**
 * Makes chromium's PDF of the same page the same bytes on every run, which it is not by itself: it stamps
 * `/CreationDate` and `/ModDate` with the clock, and names the tagged PDF's structure elements by DOM node
 * number (`/ID (node00000184)`, used again in table cells' `/Headers` and the `/IDTree`), numbers that shift
 * between runs of the same page.
 *
 * - Both dates become `date` (`YYYY-MM-DD`, midnight UTC), a date the caller takes from the plans.
 * - The structure ids are numbered again 0, 1, 2 … in their own order (which is document order, and the
 *   order of the `/IDTree`'s sorted keys), at the same width, so the name tree stays sorted. The k-th smallest
 *   of distinct numbers is at least k, so a new number never needs more digits than the old one.
 *
 * Every change keeps its token's length (a shorter date is padded with spaces after its string), so the
 * byte offsets of chromium's cross-reference table stay right and nothing else in the file moves: the rest of
 * chromium's bytes, and so what is printed, are untouched. Only uncompressed dictionaries hold these tokens
 * (Skia writes no object streams). Returns a new buffer; throws when `date` is not a date.
 */
export function stablePdf(bytes: Uint8Array, date: string): Buffer {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`stablePdf: "${date}" är inget datum (ÅÅÅÅ-MM-DD)`);
  const ymd = `${m[1]}${m[2]}${m[3]}`;
  // PDF 32000-1 7.9.4: D:YYYYMMDDHHmmSSOHH'mm', every part after the year optional.
  const forms = [`D:${ymd}000000+00'00'`, `D:${ymd}000000Z`, `D:${ymd}`];
  let text = Buffer.from(bytes).toString('latin1');
  text = text.replace(/(\/(?:CreationDate|ModDate)\s*)\(([^()\\]*)\)/g, (whole, key: string, old: string) => {
    const fit = forms.find((f) => f.length <= old.length);
    return fit === undefined ? whole : `${key}(${fit})${' '.repeat(old.length - fit.length)}`;
  });
  const ids = /\(node(\d+)\)/g;
  const numbers = [...new Set([...text.matchAll(ids)].map((x) => x[1]!))].sort((a, b) => Number(a) - Number(b));
  const renumbered = new Map(numbers.map((n, i) => [n, String(i).padStart(n.length, '0')]));
  text = text.replace(ids, (_whole, n: string) => `(node${renumbered.get(n)!})`);
  return Buffer.from(text, 'latin1');
}
