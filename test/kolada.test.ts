import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
import { TRANSACTION_FOLDER } from '../src/files/file-transaction.js';
import { editOutcomes } from '../src/kolada/edit-outcomes.js';

// A local stand-in for Kolada: recorded responses in Kolada's v2 format from test/fixtures/kolada/<kpi>-<kommun>.json.
// Behaviour per request is chosen by `mode`, so each test can make the service fail in one way.
type Mode = 'ok' | 'slow' | '404' | 'malformed' | 'partial' | 'huge' | 'declared-huge' | 'stalled-body';
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
    if (mode === 'declared-huge') return void res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(100 * 1024 * 1024) }).end();
    if (mode === 'stalled-body') {
      res.writeHead(200, { 'content-type': 'application/json' }).write('{"count": 1, "values": [');
      return void setTimeout(() => res.end(']}'), 60_000).unref();
    }
    if (mode === 'huge') {
      // An endless answer: 1 MiB chunks until the client hangs up (at most 64 MiB).
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const more = () => {
        while (sent < 64 && !res.destroyed) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      res.on('close', () => (sent = 64));
      return more();
    }
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

// A generous time limit unless a test is about time limits: the suite runs on a busy machine.
const hamta = (dir: string, extra: string[] = ['--timeout', '120']) => runCli(['kolada', 'hamta', dir, '--url', baseUrl, ...extra]);

const I4 = 'ekby/plan-2024-2027/indikatorer/I4.md';

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

  it.each<[Mode, string, string?]>([
    ['slow', 'svarade inte inom'],
    ['404', 'känner inte till N07918 (HTTP 404)', '120'],
    ['malformed', 'som inte är JSON', '120'],
    ['partial', 'I5: Kolada känner inte till U07431', '120'],
    ['huge', 'I4: Kolada svarade för N07918 med mer än 32 MB', '120'],
    ['declared-huge', 'I4: Kolada svarade för N07918 med mer än 32 MB', '120'],
    ['stalled-body', 'I4: Kolada skickade inte hela svaret för N07918 inom 5 s', '5'],
  ])('%s: exit 1, a clear error, and the plans folder is left exactly as it was', async (m, words, timeout = '0.3') => {
    mode = m;
    const dir = copyPlans(`fail-${m}`);
    const before = snapshot(dir);
    const r = await hamta(dir, ['--timeout', timeout]);
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
  const head = '---\ntyp: indikator\nid: X\ntitel: T\nenhet: "%"\nriktning: högre\nkälla: kolada\nkolada_kpi: N07918\n';
  const rewrite = (text: string, changes: [number, number][]) => rewriteOutcomes(Buffer.from(text, 'utf8'), new Map(changes), 'x.md');

  it('changes only the values that change and adds new years in order, keeping comments, spacing and blank lines', () => {
    const before = `${head}utfall: # från Kolada\n  2023: 1   # första året\n  # mellanrum\n\n  2024: 2\nmålvärden: {2027: 3} # mål\n---\nText\n`;
    expect(rewrite(before, [[2022, 0.5], [2024, 2.5], [2025, 4]])).toBe(
      `${head}utfall: # från Kolada\n  2022: 0.5\n  2023: 1   # första året\n  # mellanrum\n\n  2024: 2.5\n  2025: 4\nmålvärden: {2027: 3} # mål\n---\nText\n`,
    );
  });

  it('keeps each line’s own ending in a file with mixed LF and CRLF, and a byte-order mark', () => {
    const before = `\uFEFF---\r\ntyp: indikator\nid: X\r\ntitel: T\nenhet: "%"\r\nriktning: högre\nkälla: kolada\r\nkolada_kpi: N07918\nutfall:\r\n  2023: 1 # ett\r\n  2024: 2\n---\r\nText\r\nmer\n`;
    expect(rewrite(before, [[2024, 3], [2025, 4]])).toBe(before.replace('  2024: 2\n', '  2024: 3\n  2025: 4\n'));
    expect(rewrite(before, [[2022, 9]])).toBe(before.replace('utfall:\r\n', 'utfall:\r\n  2022: 9\r\n'));
  });

  it('keeps a flow map a flow map', () => {
    expect(rewrite(`${head}utfall: {2023: 84, 2024: 87} # källa PTS\n---\n`, [[2022, 80.5], [2024, 87.2]])).toBe(`${head}utfall: {2022: 80.5, 2023: 84, 2024: 87.2} # källa PTS\n---\n`);
  });

  it('adds utfall as the last key when there is none, and fills an empty one', () => {
    expect(rewrite(`${head}---\nText\n`, [[2024, 5]])).toBe(`${head}utfall: {2024: 5}\n---\nText\n`);
    // `utfall:` with no value is an error for check, but the editor copes with it.
    expect(editOutcomes(`${head}utfall: # fylls från Kolada\nmålvärden: {2027: 3}\n---\n`, new Map([[2024, 5]]))).toEqual({ text: `${head}utfall: {2024: 5} # fylls från Kolada\nmålvärden: {2027: 3}\n---\n` });
  });

  it('refuses a file whose utfall is not a map, changing nothing', () => {
    expect(rewrite(`${head}utfall: [1, 2]\n---\n`, [[2024, 5]])).toEqual({ error: expect.stringMatching(/kunde inte läsas|inte en samling/) });
  });
});

describe('sparbar kolada hamta edits files minimally and safely', () => {
  const I4_TEXT = [
    '---\r\n',
    'typ: indikator\n',
    'id: I4\r\n',
    'titel: "Hushåll med bredband: minst 1 Gbit/s"\n',
    "enhet: '%'\n",
    'riktning: högre\r\n',
    'källa: kolada\n',
    'kolada_kpi: N07918   # PTS via Kolada\n',
    'mäter: [FO4.5]\n',
    '\n',
    'målvärden: {2025: 90, 2026: 93, 2027: 95}\r\n',
    'utfall:  # hämtas med sparbar kolada hamta\r\n',
    '  # 2022 saknades i förra hämtningen\n',
    '  2023: 84    # oförändrat\r\n',
    '  2024: 87\n',
    '---\n',
    'Text\r\n',
  ];

  it('changes only the changed values of I4 and keeps comments in utfall and every line ending; the rest is byte for byte', async () => {
    mode = 'ok';
    const dir = copyPlans('minimal');
    writeFileSync(path.join(dir, I4), I4_TEXT.join(''));
    const before = snapshot(dir);
    const r = await hamta(dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const expected = [...I4_TEXT];
    expected.splice(13, 0, '  2022: 80.5\n'); // before 2023, with the ending of the line it follows (the comment's LF)
    expected[15] = '  2024: 87.2\n';
    expect(readFileSync(path.join(dir, I4), 'utf8')).toBe(expected.join(''));
    const after = snapshot(dir);
    expect(Object.keys(after).filter((f) => after[f] !== before[f])).toEqual([I4]);
    expect(checkPlans(dir).messages).toEqual([]);
    expect(existsSync(path.join(dir, TRANSACTION_FOLDER))).toBe(false);
  });

  it('never follows a planted I4.md.sparbar-tmp link (the policy stays as it was) and leaves no temporary file', async () => {
    mode = 'ok';
    const dir = copyPlans('planted');
    const policy = path.join(dir, 'ekby/policy/policy.md');
    symlinkSync(policy, path.join(dir, `${I4}.sparbar-tmp`));
    const policyBefore = readFileSync(policy);
    const r = await hamta(dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(policy)).toEqual(policyBefore);
    const after = snapshot(dir);
    expect(Object.keys(after).filter((f) => f.includes('tmp') || f.includes(TRANSACTION_FOLDER))).toEqual([`${I4}.sparbar-tmp`]);
  });

  it('refuses to start when its private folder is a planted link (exit 2), touching nothing', async () => {
    mode = 'ok';
    const dir = copyPlans('planted-folder');
    symlinkSync(path.join(dir, 'ekby/policy'), path.join(dir, TRANSACTION_FOLDER));
    const before = snapshot(path.join(dir, 'ekby'));
    const r = await hamta(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('är inte en mapp som Spårbar har gjort');
    expect(snapshot(path.join(dir, 'ekby'))).toEqual(before);
  });
});
