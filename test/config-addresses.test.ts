// Nothing harmful on the public site (issue 10): every address in sparbar.config.json is allowed only with https:,
// http:, mailto: or tel: (the site's own address and the editor's services only https: or http:), checked where the
// configuration is read: `sparbar check` reports it at its line and column, `sparbar build` refuses before Astro runs
// (exit 1, file and key named), and the plans folder is byte-identical afterwards.
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { addressProblem, LINK_PROTOCOLS, WEB_PROTOCOLS } from '../src/config/addresses.js';
import { parseSiteConfig } from '../src/config/config-schema.js';
import { checkPlans } from '../src/check/check-plans.js';
import { loadSiteConfig } from '../src/site/site-config.js';
import { runCli } from './helpers/cli.js';
import { snapshotTree } from './helpers/tree.js';

// Each test here builds whole sites: minutes on a busy 2-core machine, so more than the suite's 120 s.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const root = path.resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'sparbar-config-addresses-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let count = 0;
/** A copy of the example plans with `config` as its sparbar.config.json. */
function plansWith(config: unknown): string {
  const plans = path.join(tmp, `plans-${++count}`);
  cpSync(path.join(root, 'plans'), plans, { recursive: true });
  writeFileSync(path.join(plans, 'sparbar.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  return plans;
}

describe('addressProblem', () => {
  it.each([
    'https://plan.ekby.se/',
    'http://plan.ekby.se/planer/',
    'HTTPS://PLAN.EKBY.SE',
    'https://plan.ekby.se:8443/a?b=c#d',
    'https://xn--sprbar-eua.se/',
    'https://spårbar.se/',
  ])('accepts the web address %s', (address) => {
    expect(addressProblem(address, WEB_PROTOCOLS)).toBeNull();
    expect(addressProblem(address, LINK_PROTOCOLS)).toBeNull();
  });

  it.each(['mailto:tillganglighet@ekby.se', 'tel:+46123456789'])('accepts %s as a link but not as a web address', (address) => {
    expect(addressProblem(address, LINK_PROTOCOLS)).toBeNull();
    expect(addressProblem(address, WEB_PROTOCOLS)).toMatch(/^börjar med (mailto|tel):, som inte är tillåtet här; adressen ska börja med https: eller http:/);
  });

  it.each([
    ['javascript:alert(document.domain)', /^börjar med javascript:/],
    ['JavaScript:alert(1)', /^börjar med javascript:/],
    ['data:text/html,<script>alert(1)</script>', /^börjar med data:/],
    ['vbscript:msgbox(1)', /^börjar med vbscript:/],
    ['file:///etc/passwd', /^börjar med file:/],
    ['java\tscript:alert(1)', /^får inte innehålla blanksteg eller styrtecken/],
    [' javascript:alert(1)', /^får inte innehålla blanksteg eller styrtecken/],
    ['https://plan.ekby.se/\u0000', /^får inte innehålla blanksteg eller styrtecken/],
    ['https://plan ekby.se/', /^får inte innehålla blanksteg eller styrtecken/],
    ['plan.ekby.se', /^är ingen fullständig adress; den ska börja med https:, http:, mailto: eller tel:/],
    ['//plan.ekby.se/', /^är ingen fullständig adress/],
    ['/planer/', /^är ingen fullständig adress/],
    ['', /^är ingen fullständig adress/],
  ])('refuses %j', (address, reason) => {
    expect(addressProblem(address, LINK_PROTOCOLS)).toMatch(reason);
    expect(addressProblem(address, WEB_PROTOCOLS)).not.toBeNull();
  });
});

describe('the configuration schema', () => {
  it('names every bad address by its key, not only the first', () => {
    const parsed = parseSiteConfig({
      webbplats: { adress: 'javascript:alert(1)' },
      tillgänglighet: { kontakt: { webbformulär: 'data:text/html,x', epost: 'tillganglighet@ekby.se' } },
      redigering: { på: true, tjänst: 'gitlab', repo: 'ekby/planer', app_id: 'x', adress: 'vbscript:x', inloggning: 'mailto:a@b.se' },
    });
    expect(parsed.config).toBeNull();
    expect(parsed.problems.map((p) => `${p.path.join('.')} ${p.where}`)).toEqual([
      'webbplats.adress value',
      'tillgänglighet.kontakt.webbformulär value',
      'redigering.adress value',
      'redigering.inloggning value',
    ]);
  });

  it('accepts https, http, mailto and tel where each belongs', () => {
    for (const form of ['https://ekby.se/tillganglighet', 'mailto:tillganglighet@ekby.se', 'tel:+46123456789']) {
      const parsed = parseSiteConfig({ webbplats: { adress: 'http://plan.ekby.se/' }, tillgänglighet: { kontakt: { webbformulär: form } } });
      expect(parsed.problems).toEqual([]);
      expect(parsed.config?.tillgänglighet?.kontakt?.webbformulär).toBe(form);
    }
  });

  it('suggests the key meant for a misspelt one', () => {
    expect(parseSiteConfig({ webplats: {} }).problems).toEqual([{ path: ['webplats'], where: 'key', message: 'okänd nyckel "webplats"; menade du "webbplats"?' }]);
  });
});

describe('sparbar check reports a bad address in the configuration', () => {
  it('as invalid-config at the value’s line and column, and fails (exit 1)', async () => {
    const plans = plansWith({ webbplats: { namn: 'Ekby', adress: 'javascript:alert(1)' }, tillgänglighet: { kontakt: { webbformulär: 'javascript:alert(document.domain)' } } });
    const messages = checkPlans(plans).messages.filter((m) => m.file === 'sparbar.config.json');
    expect(messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason.split(';')[0]}`)).toEqual([
      '4:15 invalid-config webbplats.adress: börjar med javascript:, som inte är tillåtet här',
      '8:23 invalid-config tillgänglighet.kontakt.webbformulär: börjar med javascript:, som inte är tillåtet här',
    ]);
    const before = snapshotTree(plans);
    const r = await runCli(['check', plans]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('webbplats.adress: börjar med javascript:, som inte är tillåtet här; adressen ska börja med https: eller http:');
    expect(snapshotTree(plans)).toEqual(before);
  });

  it('with no message for a configuration whose addresses are fine', () => {
    const plans = plansWith({ webbplats: { adress: 'https://plan.ekby.se/' }, tillgänglighet: { kontakt: { webbformulär: 'mailto:tillganglighet@ekby.se' } } });
    expect(checkPlans(plans).messages.filter((m) => m.file === 'sparbar.config.json')).toEqual([]);
  });
});

describe('sparbar build refuses a bad address before Astro runs', () => {
  it.each(['javascript:alert(1)', 'mailto:webb@ekby.se'])('webbplats.adress %s: exit 1, file and key named, nothing written', async (address) => {
    const plans = plansWith({ webbplats: { adress: address } });
    const out = path.join(path.dirname(plans), `www-${count}`);
    const before = snapshotTree(plans);
    const r = await runCli(['build', plans, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/sparbar\.config\.json[\s\S]*webbplats\.adress: börjar med (javascript|mailto):/);
    expect(r.stdout + r.stderr).not.toMatch(/Invalid URL|Astro avslutade/);
    expect(existsSync(out)).toBe(false);
    expect(snapshotTree(plans)).toEqual(before);
  });

  it('in a configuration given with --config: the file, line, column and key', async () => {
    const plans = plansWith({});
    const config = path.join(tmp, 'annan.json');
    writeFileSync(config, '{\n  "webbplats": { "adress": "javascript:alert(1)" }\n}\n');
    const out = path.join(tmp, 'www-config');
    const before = snapshotTree(plans);
    const r = await runCli(['build', plans, '--out', out, '--config', config]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${config}:2:28: webbplats.adress: börjar med javascript:, som inte är tillåtet här`);
    expect(existsSync(out)).toBe(false);
    expect(snapshotTree(plans)).toEqual(before);
  });

  it('loadSiteConfig gives every problem with its place', () => {
    const dir = mkdtempSync(path.join(tmp, 'load-'));
    writeFileSync(path.join(dir, 'sparbar.config.json'), '{\n  "webbplats": { "adress": "tel:+4612" },\n  "tillgänglighet": { "kontakt": { "webbformulär": "tel:+4612" } }\n}\n');
    const loaded = loadSiteConfig(dir);
    expect(loaded.errors).toEqual([
      `${path.join(dir, 'sparbar.config.json')}:2:28: webbplats.adress: börjar med tel:, som inte är tillåtet här; adressen ska börja med https: eller http:, t.ex. https://plan.ekby.se/.`,
    ]);
  });
});
