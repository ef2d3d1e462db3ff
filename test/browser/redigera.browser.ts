// The browser editor end to end (sparbar redigera's local backend on a throw-away clone of the example plan):
// a department writer changes an action's status and writes the follow-up text in the form and saves; the file
// on disk has exactly those changes, every other file is byte for byte the same, the plan still checks and
// `sparbar diff` reports the change. Everything the editor loads comes from 127.0.0.1. Screenshots at 1280 and
// 390 px in test-results/screenshots/.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEditorServer, type EditorServer } from '../../src/editor/local-backend.js';
import { buildSite } from '../../src/site/build-site.js';
import { runCli } from '../helpers/cli.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';
import { snapshotTree } from '../helpers/tree.js';
import { launchChromium } from './browser.js';

const SCREENSHOTS = path.resolve('test-results', 'screenshots');
const UNIT = 'Uppföljning 2026-08: Servicenämnden – IT-enheten';
const FILE = 'plans/ekby/plan-2024-2027/uppfoljning/2026-08/it-enheten/A14.md';
const TEXT = 'Nätet är utbyggt i 86 av 89 byggnader; de sista tre blir klara i oktober.';

let repo: TempRepo;
let server: EditorServer;
let browser: Browser;
const external: string[] = [];

async function open(page: Page): Promise<void> {
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol.startsWith('http') && u.hostname !== '127.0.0.1') external.push(r.url());
  });
  await page.goto(server.adminUrl);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  repo = tempRepo();
  const plansDir = path.join(repo.dir, 'plans');
  server = await startEditorServer({ plansDir, port: 0 }, (outDir, local) => buildSite({ plansDir, outDir, logLevel: 'error', editorLocal: local }));
  expect(server.build.errors).toEqual([]);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  repo?.cleanup();
});

describe('sparbar redigera: the browser editor on a clone', () => {
  it('saves a status and a follow-up text written in the form, and changes nothing else', async () => {
    const before = snapshotTree(repo.dir);
    const original = repo.read(FILE);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await open(page);
    await page.getByRole('link', { name: UNIT }).click();
    await page.getByText('A14 Nytt trådlöst nät i kommunens verksamhetslokaler').click();
    const status = page.locator('[id^="status-field"]');
    await status.waitFor();
    await status.focus();
    await page.keyboard.type('pågår');
    await page.keyboard.press('Enter');
    const body = page.locator('[contenteditable="true"]').last();
    // Select all and type until the editor holds just the text: Control+A right after the click was once not yet
    // handled by the editor (the CI run on a clean clone appended the text after the old one).
    const words = (t: string) => t.replace(/\s+/g, ' ').trim();
    for (let attempt = 0; attempt < 5 && words(await body.innerText()) !== TEXT; attempt++) {
      await body.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(TEXT);
    }
    expect(words(await body.innerText())).toBe(TEXT);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'redigera-uppfoljning-1280.png'), fullPage: true });
    await page.getByRole('button', { name: 'Publicera' }).click();
    await page.getByText('Publicera nu').first().click();
    const expected = original.replace('status: klar\n', 'status: pågår\n').replace(/\n---\n[\s\S]*$/, `\n---\n${TEXT}\n`);
    // decap-server writes the file in place (truncate, then write): poll until the whole save is there, not
    // just until the file differs (it read '' between the two once).
    await expect.poll(() => repo.read(FILE), { timeout: 30_000 }).toBe(expected);
    const after = snapshotTree(repo.dir);
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]);
    expect(changed).toEqual([FILE]);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    await page.close();
  });

  it('leaves a plan that sparbar check accepts, and sparbar diff reports the change', async () => {
    const check = await runCli(['check', path.join(repo.dir, 'plans')]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const cwd = process.cwd();
    process.chdir(repo.dir);
    try {
      const diff = await runCli(['diff', 'HEAD', 'plans', '--format', 'json']);
      const report = JSON.parse(diff.stdout) as { followUps: { changed: { node: { id: string }; period: string; changes: { field: string; before: unknown; after: unknown }[] }[] } };
      const a14 = report.followUps.changed.find((c) => c.node.id === 'A14' && c.period === '2026-08');
      expect(a14?.changes).toContainEqual({ field: 'status', before: 'klar', after: 'pågår' });
      expect(a14?.changes.some((c) => c.field === 'text' && c.after === TEXT)).toBe(true);
      expect((await runCli(['diff', 'HEAD', 'plans'])).stdout).toContain('A14');
    } finally {
      process.chdir(cwd);
    }
  });

  it('loads nothing from the network', () => {
    expect(external).toEqual([]);
  });

  it('saves screenshots of the unit view and a form at phone and desktop width', async () => {
    for (const [width, height] of [[1280, 900], [390, 844]] as const) {
      const page = await browser.newPage({ viewport: { width, height } });
      await open(page);
      await page.screenshot({ path: path.join(SCREENSHOTS, `redigera-start-${width}.png`) });
      await page.getByRole('link', { name: UNIT }).click();
      await page.getByText('A15 Redundant stamnät och nya brandväggar').waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, `redigera-enhet-${width}.png`), fullPage: true });
      await page.getByText('A15 Redundant stamnät och nya brandväggar').click();
      await page.locator('[id^="status-field"]').waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, `redigera-formular-${width}.png`), fullPage: true });
      await page.close();
    }
    expect(readFileSync(path.join(SCREENSHOTS, 'redigera-formular-390.png')).length).toBeGreaterThan(1000);
  });
});
