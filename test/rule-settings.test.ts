// Rule severities from "regler" in sparbar.config.json: each value, the mistakes a strategist can make in it (each
// named at its line and column, with a suggestion), and that check, --strict, --watch and every format follow it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPlans } from '../src/check/check-plans.js';
import { CheckSession } from '../src/check/check-session.js';
import { severityOf, type CheckMessage } from '../src/messages/report.js';
import { ruleSettingsOf } from '../src/rules/settings.js';
import { parseConfigText } from '../src/config/config-file.js';
import { compareRevisions } from '../src/diff/compare-revisions.js';
import { runCli } from './helpers/cli.js';
import { tempRepo } from './helpers/git-repo.js';
import { materializeRuleFixture } from './helpers/rule-fixtures.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sparbar-rule-settings-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * The action-without-due-date fixture (A2 has no slut) with a README (not-a-plan-file) beside it, and `config` as
 * its sparbar.config.json (none when undefined).
 */
function plan(config?: string): string {
  const dir = mkdtempSync(path.join(tmp, 'plan-'));
  materializeRuleFixture('action-without-due-date', dir);
  writeFileSync(path.join(dir, 'README.md'), 'Planerna för Ekby.\n');
  if (config !== undefined) writeFileSync(path.join(dir, 'sparbar.config.json'), config);
  return dir;
}

const summary = (m: CheckMessage) => `${m.file}:${m.line}:${m.column} ${severityOf(m)} ${m.ruleId}`;
const summaries = (dir: string, options = {}) => checkPlans(dir, options).messages.map(summary);

const DUE = 'plan/aktiviteter/A2.md:3:5';
const README = 'README.md:1:1 warning not-a-plan-file';

describe('regler in sparbar.config.json', () => {
  it('without a configuration every rule has its own severity', () => {
    expect(summaries(plan())).toEqual([README, `${DUE} warning action-without-due-date`]);
  });

  it.each([
    ['av', null],
    ['off', null],
    ['varning', 'warning'],
    ['warn', 'warning'],
    ['fel', 'error'],
    ['error', 'error'],
  ])('"%s" gives action-without-due-date severity %s (null: no message) and leaves the other rules as they are', (value, severity) => {
    const dir = plan(JSON.stringify({ regler: { 'action-without-due-date': value } }));
    expect(summaries(dir)).toEqual([README, ...(severity ? [`${DUE} ${severity} action-without-due-date`] : [])]);
  });

  it('a warning raised to fel fails the check (exit 1); turned off, the check passes', async () => {
    expect((await runCli(['check', plan(JSON.stringify({ regler: { 'not-a-plan-file': 'fel' } }))])).code).toBe(1);
    const off = await runCli(['check', plan(JSON.stringify({ regler: { 'not-a-plan-file': 'av', 'action-without-due-date': 'av' } }))]);
    expect(off.code).toBe(0);
    expect(off.stdout).toMatch(/^✓ Inga problem/);
  });

  it('an unknown rule id: an error at the key, with a suggestion; the other entries still apply', () => {
    const config = '{\n  "regler": {\n    "action-without-due-dat": "av",\n    "not-a-plan-file": "av"\n  }\n}\n';
    const result = checkPlans(plan(config));
    expect(result.messages.map(summary)).toEqual([`${DUE} warning action-without-due-date`, 'sparbar.config.json:3:5 error invalid-config']);
    const m = result.messages.find((x) => x.ruleId === 'invalid-config');
    expect(m!.reason).toBe('Okänd regel "action-without-due-dat" i "regler". Menade du "action-without-due-date"?');
    expect(m!.expected).toEqual(['action-without-due-date']);
  });

  it('an unknown value: an error at the value, naming the allowed values (Swedish and English), with a suggestion', () => {
    const config = '{ "regler": {\n  "action-without-due-date": "Av",\n  "not-a-plan-file": "avstängd",\n  "action-without-owner": 0 } }';
    const messages = checkPlans(plan(config)).messages.filter((m) => m.ruleId === 'invalid-config');
    expect(messages.map(summary)).toEqual([
      'sparbar.config.json:2:30 error invalid-config',
      'sparbar.config.json:3:22 error invalid-config',
      'sparbar.config.json:4:27 error invalid-config',
    ]);
    expect(messages[0]!.reason).toBe('Regeln "action-without-due-date" har värdet "Av", som inte är tillåtet. Menade du "av"? Tillåtna värden: "av", "varning", "fel" (eller "off", "warn", "error").');
    expect(messages[1]!.reason).toContain('har värdet "avstängd", som inte är tillåtet. Tillåtna värden: "av", "varning", "fel"');
    expect(messages[2]!.reason).toContain('har värdet 0, som inte är tillåtet.');
  });

  it('a rule whose problem keeps something out of the plan cannot be turned off or lowered, only set to fel', () => {
    const config = JSON.stringify({ regler: { 'unknown-key': 'av', 'duplicate-id': 'varning', 'yaml-syntax': 'fel' } }, null, 2);
    const messages = checkPlans(plan(config)).messages.filter((m) => m.ruleId === 'invalid-config');
    expect(messages.map(summary)).toEqual(['sparbar.config.json:3:20 error invalid-config', 'sparbar.config.json:4:21 error invalid-config']);
    expect(messages[0]!.reason).toContain('Regeln "unknown-key" går inte att stänga av');
    expect(messages[1]!.reason).toContain('Regeln "duplicate-id" går inte att sänka till varning');
  });

  it('a file that is not JSON, or "regler" that is not a map: one error, at the place, and no rule changed', () => {
    const broken = checkPlans(plan('{\n  "regler": { "action-without-due-date": "av", }\n}\n')).messages;
    // The trailing comma: V8 stops at the } after it.
    expect(broken.map(summary)).toEqual([README, `${DUE} warning action-without-due-date`, 'sparbar.config.json:2:48 error invalid-config']);
    expect(broken[2]!.reason).toMatch(/^sparbar\.config\.json: filen är inte giltig JSON \(.+\)\. Rätta filen/);
    const list = checkPlans(plan('{"regler": ["action-without-due-date"]}')).messages;
    expect(list.map(summary)).toEqual([README, `${DUE} warning action-without-due-date`, 'sparbar.config.json:1:12 error invalid-config']);
    expect(list[2]!.reason).toContain('"regler" ska vara nycklar med regel-id');
  });

  it('a configuration without "regler" (only the site\'s keys) changes nothing and reports nothing', () => {
    const site = '{"webbplats": {"namn": "Plan"}, "tillgänglighet": {"kontakt": {"epost": "tillganglighet@ekby.example"}}}';
    expect(summaries(plan(site))).toEqual([README, `${DUE} warning action-without-due-date`]);
  });

  it('a site configured without a way to report accessibility problems: statement-without-contact, which regler can turn off', () => {
    expect(summaries(plan('{"webbplats": {"namn": "Plan"}}'))).toEqual([README, `${DUE} warning action-without-due-date`, 'sparbar.config.json:1:1 warning statement-without-contact']);
    expect(summaries(plan('{\n  "tillgänglighet": {\n    "kontakt": {"epost": ""}\n  }\n}\n'))).toContain('sparbar.config.json:3:5 warning statement-without-contact');
    expect(summaries(plan('{"webbplats": {"namn": "Plan"}, "regler": {"statement-without-contact": "fel"}}'))).toContain('sparbar.config.json:1:1 error statement-without-contact');
    expect(summaries(plan('{"webbplats": {"namn": "Plan"}, "regler": {"statement-without-contact": "av"}}'))).toEqual([README, `${DUE} warning action-without-due-date`]);
    // A configuration that only sets rules is not about a site.
    expect(summaries(plan('{"regler": {"not-a-plan-file": "av"}}'))).toEqual([`${DUE} warning action-without-due-date`]);
  });

  it('options.rules given to checkPlans are used instead of the file', () => {
    const dir = plan(JSON.stringify({ regler: { 'action-without-due-date': 'av' } }));
    expect(summaries(dir, { rules: new Map([['not-a-plan-file', 'off' as const]]) })).toEqual([`${DUE} warning action-without-due-date`]);
  });

  it('positions are counted in the file as written, after a byte-order mark and with CRLF', () => {
    const config = parseConfigText('\uFEFF{\r\n  "regler": {\r\n    "okänd": "av"\r\n  }\r\n}\r\n', 'sparbar.config.json');
    const { messages } = ruleSettingsOf(config);
    expect(messages.map(summary)).toEqual(['sparbar.config.json:3:5 error invalid-config']);
  });
});

describe('every way of running check follows the configuration', () => {
  const config = JSON.stringify({ regler: { 'action-without-due-date': 'fel', 'not-a-plan-file': 'av' } });

  it('--format json, github and codequality', async () => {
    const dir = plan(config);
    const json = JSON.parse((await runCli(['check', dir, '--format', 'json'])).stdout) as { ruleId: string; severity: string }[];
    expect(json.map((m) => `${m.severity} ${m.ruleId}`)).toEqual(['error action-without-due-date']);
    const github = (await runCli(['check', dir, '--format', 'github'])).stdout.trimEnd().split('\n');
    expect(github).toHaveLength(1);
    expect(github[0]).toMatch(/^::error file=.*A2\.md,line=3,col=5,.*title=sparbar action-without-due-date::/);
    const quality = JSON.parse((await runCli(['check', dir, '--format', 'codequality'])).stdout) as { check_name: string; severity: string }[];
    expect(quality.map((i) => `${i.severity} ${i.check_name}`)).toEqual(['major sparbar/action-without-due-date']);
  });

  it('--strict raises what is left to errors; what is off stays off', async () => {
    const r = await runCli(['check', plan(JSON.stringify({ regler: { 'not-a-plan-file': 'av' } })), '--strict', '--format', 'json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { ruleId: string; severity: string }[]).map((m) => `${m.severity} ${m.ruleId}`)).toEqual(['error action-without-due-date']);
  });

  it('--watch (CheckSession): the same messages as check, and a changed configuration applies at once', () => {
    const dir = plan(config);
    const session = new CheckSession(dir);
    expect(session.start().messages.map(summary)).toEqual(summaries(dir));
    expect(summaries(dir)).toEqual([`${DUE} error action-without-due-date`]);
    writeFileSync(path.join(dir, 'sparbar.config.json'), JSON.stringify({ regler: { 'action-without-due-date': 'av' } }));
    const update = session.update(['sparbar.config.json']);
    expect(update.result.messages.map(summary)).toEqual(summaries(dir));
    expect(update.result.messages.map(summary)).toEqual([README]);
    expect(update.resolved.map(summary)).toEqual([`${DUE} error action-without-due-date`]);
    expect(update.added.map(summary)).toEqual([README]);
    writeFileSync(path.join(dir, 'sparbar.config.json'), '{"regler": {"okänd-regel": "av"}}');
    expect(session.update(['sparbar.config.json']).result.messages.map(summary)).toEqual(summaries(dir));
    // An edit of a plan file keeps the configuration's severities.
    writeFileSync(path.join(dir, 'sparbar.config.json'), config);
    session.update(['sparbar.config.json']);
    writeFileSync(path.join(dir, 'plan', 'aktiviteter', 'A2.md'), '---\ntyp: aktivitet\nid: A2\ntitel: Ny titel\nbidrar_till: [FO1]\nansvarig: Kommunstyrelsen\n---\n');
    const edited = session.update(['plan/aktiviteter/A2.md']);
    expect(edited.result.messages.map(summary)).toEqual(summaries(dir));
    expect(edited.result.messages.map(summary)).toEqual([`${DUE} error action-without-due-date`]);
  });

  it('diff checks both revisions with the rules as the plans folder configures them', () => {
    const repo = tempRepo();
    try {
      repo.write('plans/README.md', 'Planerna.\n');
      const base = repo.commit('En README');
      repo.write('plans/sparbar.config.json', JSON.stringify({ regler: { 'not-a-plan-file': 'fel' } }));
      const head = repo.commit('README:n räknas som fel');
      const c = compareRevisions(path.join(repo.dir, 'plans'), base, head);
      expect([c.report.base.errors, c.report.base.warnings, c.report.head.errors, c.report.head.warnings]).toEqual([1, 0, 1, 0]);
    } finally {
      repo.cleanup();
    }
  });
});
