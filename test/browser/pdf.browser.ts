// The PDFs Spårbar prints with chromium are the same bytes on every run of the same plans (tester8 T10): an
// auditor who files the meeting's PDF can rebuild it and compare hashes. Chromium alone stamps the clock and
// numbers the tagged PDF's structure elements by DOM node, which differ from run to run (stablePdf, print-pdf.ts).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const root = path.resolve(import.meta.dirname, '../..');
const plans = path.join(root, 'plans');
const tmp = mkdtempSync(path.join(tmpdir(), 'sparbar-pdf-browser-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs `sparbar <args> <file>` twice into two files and returns both files' bytes. */
async function printTwice(args: string[]): Promise<[Buffer, Buffer]> {
  const files = [path.join(tmp, `${args[0]}-1.pdf`), path.join(tmp, `${args[0]}-2.pdf`)];
  for (const file of files) {
    const r = await runCli([...args, file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }
  return [readFileSync(files[0]!), readFileSync(files[1]!)];
}

describe('the same plans give the same PDF', () => {
  it('sparbar rapport: the same bytes twice, dated by the follow-up (Uppföljningens datum)', async () => {
    const [a, b] = await printTwice(['rapport', '2026-08', plans, '--pdf']);
    expect(a.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(a.equals(b)).toBe(true);
    const text = a.toString('latin1');
    expect(text).toContain("/CreationDate (D:20260824000000+00'00')");
    expect(text).toContain("/ModDate (D:20260824000000+00'00')");
    // The report is a tagged PDF whose structure ids were numbered again from 0, in order.
    expect(text).toContain('/ID (node00000000)');
  }, 600_000);

  it('sparbar dokument --pdf: the same bytes twice, dated by the plan’s last decision', async () => {
    const [a, b] = await printTwice(['dokument', plans, '--pdf']);
    expect(a.equals(b)).toBe(true);
    expect(a.toString('latin1')).toContain("/CreationDate (D:20250917000000+00'00')");
  }, 600_000);
});

/** Processes whose command line contains `text`. */
function processesWith(text: string): number[] {
  return readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe.runIf(existsSync('/proc/self/cmdline'))('rapport and dokument --pdf, interrupted while chromium prints (tester8 T9)', () => {
  it.each([
    ['rapport', ['rapport', '2026-08', plans], 'sparbar rapport: avbrutet (SIGINT); ingen fil skrevs.\n'],
    ['dokument', ['dokument', plans], 'sparbar dokument: avbrutet (SIGINT); ingen PDF skrevs.\n'],
  ])('%s: stops chromium, leaves nothing in the temporary folder, writes no PDF and exits 130', async (name, argv, said) => {
    const temp = path.join(tmp, `avbruten-${name}`);
    mkdirSync(temp);
    const pdf = path.join(tmp, `avbruten-${name}.pdf`);
    const child = spawn(process.execPath, [path.join(root, 'lib/src/cli/main.js'), ...argv, '--pdf', pdf], {
      env: { ...process.env, TMPDIR: temp, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    let running = true;
    void exited.then(() => (running = false));
    let printing: number[] = [];
    while (running && printing.length === 0) {
      await new Promise((r) => setTimeout(r, 20));
      printing = processesWith(`--print-to-pdf=${temp}`);
    }
    expect(printing.length).toBeGreaterThan(0);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toBe(said);
    expect(readdirSync(temp)).toEqual([]);
    expect(existsSync(pdf)).toBe(false);
    expect(processesWith(`--print-to-pdf=${temp}`)).toEqual([]);
  }, 600_000);
});
