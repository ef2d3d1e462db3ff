// `kolada hamta` is all or nothing across files even when killed (issue 10): a 500-indicator update is killed
// with SIGKILL at 24 points of its write phase (seeded, spread over every file-system call it makes in the
// plans folder, a torn write at each write). Right after each kill every indicator file is wholly old or
// wholly new, and all old when the journal was not yet written; the next run completes the update (or
// removes what the killed one left) on its own and says so, after which every file of the update is new (or
// all are old), consistently across all files, and no temporary file is left in the plans folder.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRANSACTION_FOLDER } from '../src/files/file-transaction.js';
import { KOLADA_MAX_IN_FLIGHT } from '../src/kolada/client.js';
import { runCli } from './helpers/cli.js';
import { snapshotTree } from './helpers/tree.js';

const root = path.resolve(import.meta.dirname, '..');
const INDICATORS = 500;
const KILLS = 21;
const tmp = realpathSync(mkdtempSync(path.join(tmpdir(), 'sparbar-kolada-kill-')));
let server: Server;
let baseUrl = '';
let failing = false;
let inFlight = 0;
let maxInFlight = 0;

const kpiOf = (i: number) => `N${String(10000 + i).padStart(5, '0')}`;

beforeAll(async () => {
  server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const m = /^\/v2\/data\/kpi\/([A-Z]\d{5})\/municipality\/(\d{4})$/.exec(req.url ?? '');
    if (failing || !m) return void res.writeHead(failing ? 503 : 404).end();
    const i = Number(m[1]!.slice(1)) - 10000;
    const entry = (year: number, value: number) => ({ kpi: m[1], municipality: m[2], period: year, values: [{ gender: 'T', value, count: 1, status: '' }] });
    const values = i >= 0 && i < INDICATORS ? [entry(2022, i + 0.5), entry(2023, i), entry(2024, i + 0.25)] : [];
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ count: values.length, values })), 2);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
});
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The example plan plus 500 Kolada indicators in three styles (flow, block with comments, CRLF). */
function makePlans(dir: string): string[] {
  cpSync(path.join(root, 'plans'), dir, { recursive: true });
  const folder = path.join(dir, 'ekby/plan-2024-2027/indikatorer/kolada');
  mkdirSync(folder, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < INDICATORS; i++) {
    const head = `---\ntyp: indikator\nid: K${i}\ntitel: "Nyckeltal ${i}: från Kolada"\nenhet: "%"\nriktning: högre\nkälla: kolada\nkolada_kpi: ${kpiOf(i)}\nmäter: [FO4.5]\n`;
    let text =
      i % 3 === 0
        ? `${head}utfall: # hämtas från Kolada\n  2023: ${i}   # oförändrat\n  # 2024 saknas\n---\nText ${i}.\n`
        : `${head}målvärden: {2027: ${i + 1}} # mål\nutfall: {2023: ${i}}\n---\nText ${i}.\n`;
    if (i % 5 === 0) text = text.replace(/\n/g, '\r\n');
    const rel = `ekby/plan-2024-2027/indikatorer/kolada/K${String(i).padStart(3, '0')}.md`;
    writeFileSync(path.join(dir, rel), text);
    files.push(rel);
  }
  return files;
}

/** Runs the built CLI in a child process with the kill helper; resolves with how it ended. */
function runKilled(dir: string, at: number, countFile?: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', path.join(root, 'test/helpers/kill-at.mjs'), path.join(root, 'lib/src/cli/main.js'), 'kolada', 'hamta', dir, '--url', baseUrl],
      { env: { ...process.env, SPARBAR_KILL_WITHIN: dir, SPARBAR_KILL_AT: String(at), ...(countFile ? { SPARBAR_KILL_COUNT: countFile } : {}) }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

/** `count` points in 1..total from a seeded generator, always with the first, the last and some in between. */
function killPoints(total: number, count: number): number[] {
  let seed = 20260824;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const points = new Set([1, 2, total]);
  while (points.size < count) points.add(1 + Math.floor(random() * total));
  return [...points].sort((a, b) => a - b);
}

describe('kolada hamta killed at any point of its write phase', () => {
  it(`keeps ${INDICATORS} indicator files wholly old or wholly new, and the next run completes or undoes it`, async () => {
    const base = path.join(tmp, 'gammal');
    const targets = makePlans(base);
    const old = snapshotTree(base);

    // A run that is not killed: the new state, and how many file-system calls its write phase makes.
    const reference = path.join(tmp, 'ny');
    cpSync(base, reference, { recursive: true });
    const countFile = path.join(tmp, 'antal');
    const full = await runKilled(reference, 0, countFile);
    expect(full.stderr).toBe('');
    expect(full.code).toBe(0);
    const fresh = snapshotTree(reference);
    const changed = Object.keys(fresh).filter((f) => fresh[f] !== old[f]);
    expect(changed.sort()).toEqual([...targets].sort());
    expect(maxInFlight).toBeGreaterThan(1);
    expect(maxInFlight).toBeLessThanOrEqual(KOLADA_MAX_IN_FLIGHT);
    const total = Number(readFileSync(countFile, 'utf8'));
    expect(total).toBeGreaterThan(2 * INDICATORS);

    const work = path.join(tmp, 'arbete');
    const outcomes: string[] = [];
    for (const at of killPoints(total, KILLS)) {
      rmSync(work, { recursive: true, force: true });
      cpSync(base, work, { recursive: true });
      const killed = await runKilled(work, at);
      expect(killed.signal, `killed at ${at} of ${total}`).toBe('SIGKILL');
      const leftover = existsSync(path.join(work, TRANSACTION_FOLDER));
      const committed = existsSync(path.join(work, TRANSACTION_FOLDER, 'journal.json'));

      // On its own: every file wholly old or wholly new; without a journal all old, or all new (killed as it ended).
      const now = snapshotTree(work);
      for (const file of Object.keys(old)) {
        if (changed.includes(file)) expect([old[file], fresh[file]], `${file} after a kill at ${at}`).toContain(now[file]);
        else expect(now[file], `${file} after a kill at ${at}`).toBe(old[file]);
      }
      const allNew = changed.every((f) => now[f] === fresh[f]);
      if (!committed) expect(allNew || changed.every((f) => now[f] === old[f]), `consistent without a journal, after a kill at ${at}`).toBe(true);

      // The next run (against a Kolada that now fails, so that it writes nothing of its own) completes or undoes it.
      failing = true;
      const next = await runCli(['kolada', 'hamta', work, '--url', baseUrl, '--timeout', '5']);
      failing = false;
      if (committed) expect(next.stdout).toMatch(/avbröts medan den skrev; den är nu slutförd: 500 filer har sina nya värden/);
      else if (leftover) expect(next.stdout).toMatch(allNew ? /ingen fil behövde ändras/ : /avbröts (innan den ändrade någon fil|när den började)/);
      else expect(next.stdout).not.toMatch(/avbröts/);
      const endsNew = committed || allNew;
      expect(snapshotTree(work), `after the run that follows a kill at ${at}`).toEqual(endsNew ? fresh : old);
      expect(existsSync(path.join(work, TRANSACTION_FOLDER))).toBe(false);
      outcomes.push(endsNew ? 'new' : 'old');
    }
    // The points cover both sides of the point of no return.
    expect(outcomes).toContain('old');
    expect(outcomes).toContain('new');

    // After a kill, a normal next run brings every file to the new state.
    rmSync(work, { recursive: true, force: true });
    cpSync(base, work, { recursive: true });
    expect((await runKilled(work, Math.floor(total / 2))).signal).toBe('SIGKILL');
    const last = await runCli(['kolada', 'hamta', work, '--url', baseUrl]);
    expect(last.code).toBe(0);
    expect(snapshotTree(work)).toEqual(fresh);
  }, 1_800_000);
});
