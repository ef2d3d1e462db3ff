// The start page shows a policy's vision only when the policy has one (its section headed Vision), never the opening
// of its text in a box called Vision, counts its principles in agreeing Swedish and names the body that adopted them only
// as the policy gives it (issue 12).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build-site.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/site/status-saknas');
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'sparbar-start-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function startPage(policyText: (text: string) => string, name: string): Promise<string> {
  const plans = path.join(tmp, name, 'plans');
  cpSync(FIXTURE, plans, { recursive: true });
  const policy = path.join(plans, 'policy/policy.md');
  writeFileSync(policy, policyText(readFileSync(policy, 'utf8')));
  const out = path.join(tmp, name, 'out');
  const result = await buildSite({ plansDir: plans, outDir: out, logLevel: 'silent' });
  expect(result.errors).toEqual([]);
  return readFileSync(path.join(out, 'index.html'), 'utf8');
}

it('shows the vision a policy gives, and no vision for a policy without one', async () => {
  const withVision = await startPage((t) => t, 'med-vision');
  expect(withVision).toContain('Vision i Digitaliseringspolicy för Lunda kommun');
  expect(withVision).toContain('Lunda är en kommun där det är lätt att sköta sina ärenden.');
  expect(withVision).toMatch(/Policyn och dess 1 styrprincip</);
  // The body that adopted the principles is the one the policy names (antagen_av: Kommunfullmäktige).
  expect(withVision).toContain('från styrprinciperna som kommunfullmäktige har antagit, via målen');

  // Without a vision, and without a word of who adopted it: the start page does not guess the body.
  const noVision = (t: string) =>
    t
      .replace('## Vision\n\nLunda är en kommun där det är lätt att sköta sina ärenden.', '## Bakgrund\n\nPolicyn skrevs 2023 efter en enkät.')
      .replace(/^antagen_av: .*\n/m, '');
  const without = await startPage(noVision, 'utan-vision');
  expect(without).not.toContain('Vision i');
  expect(without).not.toContain('Policyn skrevs 2023');
  expect(without).toContain('från policyns styrprinciper, via målen');
  expect(without).not.toContain('har antagit');
  expect(without).toMatch(/<a href="[^"]*">Policyn och dess 1 styrprincip: Digitaliseringspolicy för Lunda kommun<\/a>/);
}, 600_000);
