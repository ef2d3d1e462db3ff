import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { snapshotTree } from './helpers/tree.js';
import { checkPlans } from '../src/check/check-plans.js';
import { fetchKpiValues, KoladaError } from '../src/kolada/client.js';
import { rewriteOutcomes } from '../src/kolada/update-indicators.js';

// A local stand-in for Kolada: recorded responses in Kolada's v2 format from test/fixtures/kolada/<kpi>-<kommun>.json.
// Behaviour per request is chosen by `mode`, so each test can make the service fail in one way.
type Mode = 'ok' | 'slow' | '404' | 'malformed' | 'partial';
let mode: Mode = 'ok';
const requests: string[] = [];
let server: Server;
let baseUrl = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const m = /^\/v2\/data\/kpi\/([A-Z]\d{5})\/municipality\/(\d{4})$/.exec(req.url ?? '');
    if (!m) return void res.writeHead(404).end('Not found');
    const [, kpi, kommun] = m;
    if (mode === 'slow') return void setTimeout(() => res.writeHead(200).end('{}'), 2000).unref();
    if (mode === '404' || (mode === 'partial' && kpi === 'U07431')) return void res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404</h1>');
    if (mode === 'malformed') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"values": [{"kpi": "N07918", "period": ');
    let body: string;
    try {
      body = readFileSync(new URL(`./fixtures/kolada/${kpi}-${kommun}.json`, import.meta.url), 'utf8');
    } catch {
      body = '{"count": 0, "values": []}';
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
});

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sparbar-kolada-'));
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function copyPlans(name: string): string {
  const dir = path.join(tmp, name);
  cpSync('plans', dir, { recursive: true });
  return dir;
}

const snapshot = snapshotTree;

const hamta = (dir: string, extra: string[] = []) => runCli(['kolada', 'hamta', dir, '--url', baseUrl, ...extra]);

const I4 = 'ekby/plan-2024-2027/indikatorer/I4.md';
const I5 = 'ekby/plan-2024-2027/indikatorer/I5.md';

describe('sparbar kolada hamta', () => {
  it('fills outcomes from Kolada into the indicator files, changing nothing else, and keeps years a follow-up already gives', async () => {
    mode = 'ok';
    const dir = copyPlans('ok');
    const before = snapshot(dir);
    const beforeI4 = readFileSync(path.join(dir, I4), 'utf8');
    const r = await hamta(dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // 2022 is new and 2024 changed (87 → 87.2); 2023 is the same; 2025 is given by the 2025-08 follow-up and kept.
    expect(r.stdout).toContain(`${I4} (I4, N07918): 2022 80.5, 2024 87 → 87.2`);
    expect(r.stdout).toContain('behöll uppföljningarnas värden för 2025');
    expect(r.stdout).toContain('Oförändrade: I5');
    const afterI4 = readFileSync(path.join(dir, I4), 'utf8');
    expect(afterI4).toBe(beforeI4.replace('utfall: {2023: 84, 2024: 87}', 'utfall: {2022: 80.5, 2023: 84, 2024: 87.2}'));
    const after = snapshot(dir);
    expect(Object.keys(after).filter((f) => after[f] !== before[f])).toEqual([I4]);
    expect(checkPlans(dir).messages).toEqual([]);
    expect(requests).toContain('/v2/data/kpi/N07918/municipality/9999');
  });

  it('running again changes nothing', async () => {
    mode = 'ok';
    const dir = copyPlans('twice');
    await hamta(dir);
    const once = snapshot(dir);
    const r = await hamta(dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Inga nya utfall från Kolada.');
    expect(snapshot(dir)).toEqual(once);
  });

  it.each<[Mode, string]>([
    ['slow', 'svarade inte inom'],
    ['404', 'känner inte till N07918 (HTTP 404)'],
    ['malformed', 'som inte är JSON'],
    ['partial', 'I5: Kolada känner inte till U07431'],
  ])('%s: exit 1, a clear error, and the plans folder is left exactly as it was', async (m, words) => {
    mode = m;
    const dir = copyPlans(`fail-${m}`);
    const before = snapshot(dir);
    const r = await hamta(dir, ['--timeout', '0.3']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(words);
    expect(r.stderr).toContain('Inga filer ändrades');
    expect(snapshot(dir)).toEqual(before);
  });

  it('a usage error is exit 2', async () => {
    expect((await hamta('plans', ['--timeout', 'snart'])).code).toBe(2);
  });
});

describe('Kolada client', () => {
  it('returns the total (gender T) value per year and skips missing values', async () => {
    mode = 'ok';
    const values = await fetchKpiValues('U07431', '9999', { baseUrl });
    expect([...values]).toEqual([
      [2023, 62],
      [2024, 68],
    ]);
  });

  it('rejects a body of the wrong shape with a KoladaError', async () => {
    mode = 'malformed';
    await expect(fetchKpiValues('N07918', '9999', { baseUrl })).rejects.toBeInstanceOf(KoladaError);
  });

  it('reports a server that cannot be reached', async () => {
    await expect(fetchKpiValues('N07918', '9999', { baseUrl: 'http://127.0.0.1:9/v2', timeoutMs: 2000 })).rejects.toThrow(/Kunde inte nå Kolada/);
  });
});

describe('rewriting outcomes in a file', () => {
  const write = (name: string, text: string) => {
    const file = path.join(tmp, name);
    writeFileSync(file, text);
    return file;
  };
  const head = '---\ntyp: indikator\nid: X\ntitel: T\nenhet: "%"\nriktning: högre\nkälla: kolada\nkolada_kpi: N07918\n';

  it('keeps a block map a block map, at its indentation, and comments elsewhere', () => {
    const file = write('block.md', `${head}utfall:\n  2023: 1   \n  2024: 2\nmålvärden: {2027: 3} # mål\n---\nText\n`);
    expect(rewriteOutcomes(file, new Map([[2023, 1], [2024, 2], [2025, 4]]))).toBe(`${head}utfall:\n  2023: 1\n  2024: 2\n  2025: 4\nmålvärden: {2027: 3} # mål\n---\nText\n`);
  });

  it('adds utfall before the closing fence when there is none', () => {
    const file = write('none.md', `${head}---\nText\n`);
    expect(rewriteOutcomes(file, new Map([[2024, 5]]))).toBe(`${head}utfall: {2024: 5}\n---\nText\n`);
  });

  it('keeps CRLF line endings and a byte-order mark', () => {
    const file = write('crlf.md', `\uFEFF${head}utfall: {2023: 1}\n---\nText\n`.replace(/\n/g, '\r\n'));
    expect(rewriteOutcomes(file, new Map([[2023, 1], [2024, 2]]))).toBe(`\uFEFF${head}utfall: {2023: 1, 2024: 2}\n---\nText\n`.replace(/\n/g, '\r\n'));
  });
});
