// Every command that writes YAML writes it with the yaml package (issue 10): any title, owner or text that
// `sparbar ny` and `sparbar uppfoljning ny` write reads back exactly as given, by Spårbar (YAML 1.2) and by
// readers that follow YAML 1.1, and the plan still checks clean.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { checkPlans } from '../src/check/check-plans.js';
import { writeFrontmatter } from '../src/parse/write-frontmatter.js';
import { runCli } from './helpers/cli.js';

const root = path.resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'sparbar-yaml-writing-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Text that hand-written quoting gets wrong: YAML numbers, booleans, nulls, dates, indicators, comments, quotes, Unicode. */
const TRICKY = [
  '2026',
  'true',
  'null',
  '0123',
  'a: b',
  '#',
  '# inte en kommentar',
  'slut #mitt',
  '"citat" och \'enkla\'',
  'Å\u0301tgärd med NFD: a\u0308',
  '🚀 Digitalt först 👩‍💻',
  'yes',
  'no',
  'on',
  'y',
  '~',
  '2024-02-14',
  '1:20',
  '0x1F',
  '.inf',
  '- lista',
  '[x]',
  '{y: 1}',
  '@x',
  '`y',
  '%z',
  '!tagg',
  '&ankare',
  '*alias',
  'x:',
  '? q',
  '|',
  '>',
  'tabb\there',
  'Kommunledningsförvaltningen – Digitaliseringsenheten',
];

describe('writeFrontmatter', () => {
  it('writes every tricky text so that YAML 1.2 and YAML 1.1 read it back as the same text', () => {
    const yaml = writeFrontmatter(TRICKY.map((t, i) => ({ key: `k${i}`, value: t, text: true })));
    for (const version of ['1.2', '1.1'] as const) {
      const back = parseDocument(yaml, { version }).toJS() as Record<string, unknown>;
      expect(TRICKY.map((_, i) => back[`k${i}`]), `YAML ${version}`).toEqual(TRICKY);
    }
  });

  it('writes text with line breaks and comments with line breaks safely', () => {
    const yaml = writeFrontmatter([{ key: 'titel', value: 'rad ett\nrad: två', text: true, before: ['en kommentar\nmed: två rader'] }], { guide: ['Guide'], after: ['sist'] });
    expect(parseDocument(yaml).toJS()).toEqual({ titel: 'rad ett\nrad: två' });
    expect(yaml.split('\n').filter((l) => !l.startsWith('#') && l.trim() !== '').every((l) => /^titel:|^ {2}/.test(l))).toBe(true);
  });
});

describe('sparbar ny and uppfoljning ny write any title and owner so that it reads back exactly', () => {
  it('ny mål --titel <text> for every tricky text: the plan checks clean and the title is exactly the text', async () => {
    const dir = path.join(tmp, 'ny');
    cpSync(path.join(root, 'plans'), dir, { recursive: true });
    for (const title of TRICKY) {
      const r = await runCli(['ny', 'mål', dir, `--titel=${title}`, '--till', 'SP1']);
      expect(r.stderr, title).toBe('');
      expect(r.code, title).toBe(0);
      const id = /\(mål (M\d+)\)/.exec(r.stdout)![1];
      const result = checkPlans(dir);
      expect(result.messages.filter((m) => m.fatal === true), title).toEqual([]);
      expect(result.messages.filter((m) => m.ruleId === 'not-nfc'), title).toEqual([]);
      // Written in NFC (a Mac may type NFD), so the same text in the form the check expects.
      expect(result.graph.nodes.find((n) => n.type === 'mål' && n.id === id)?.title, title).toBe(title.normalize('NFC'));
    }
  });

  it('ny aktivitet --ansvarig <text>: the owner is exactly the text', async () => {
    const dir = path.join(tmp, 'ansvarig');
    cpSync(path.join(root, 'plans'), dir, { recursive: true });
    for (const owner of ['true', '2026', 'a: b', '# Nämnd', 'Barn- och utbildningsnämnden 🏫', 'ja']) {
      const r = await runCli(['ny', 'aktivitet', dir, '--till', 'FO2.1', `--ansvarig=${owner}`, `--titel=${owner}`]);
      expect(r.code, owner).toBe(0);
      const id = /\(aktivitet (A\d+)\)/.exec(r.stdout)![1];
      const node = checkPlans(dir).graph.nodes.find((n) => n.type === 'aktivitet' && n.id === id);
      expect(node?.type === 'aktivitet' ? [node.fields.ansvarig, node.title] : null, owner).toEqual([owner, owner]);
    }
  });

  it('uppfoljning ny names each owner exactly in the new file (as a comment: no författare until it is written), and the plan checks clean', async () => {
    const dir = path.join(tmp, 'uppfoljning');
    cpSync(path.join(root, 'plans'), dir, { recursive: true });
    const owners = { A08: 'null', A19: 'Servicenämnden: IT-enheten #1', A35: '"Kultur & fritid" – 2026' };
    const files = Object.fromEntries(
      Object.keys(owners).map((id) => {
        const found = checkPlans(dir).graph.nodes.find((n) => n.type === 'aktivitet' && n.id === id)!;
        return [id, path.join(dir, found.source.file)];
      }),
    );
    for (const [id, owner] of Object.entries(owners)) {
      const file = files[id]!;
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace(/^ansvarig: .*$/m, `ansvarig: ${JSON.stringify(owner)}`));
    }
    expect(checkPlans(dir).messages.filter((m) => m.fatal === true)).toEqual([]);
    const r = await runCli(['uppfoljning', 'ny', '2027-08', dir]);
    expect(r.code).toBe(0);
    const result = checkPlans(dir);
    expect(result.messages.filter((m) => m.fatal === true)).toEqual([]);
    for (const [id, owner] of Object.entries(owners)) {
      const followUp = result.graph.followUps.find((f) => f.period === '2027-08' && f.node.endsWith(`:${id}`));
      expect(followUp?.submitted, id).toBe(false);
      expect(followUp?.author, id).toBeNull();
      const yaml = readFileSync(path.join(dir, followUp!.source.file), 'utf8').split('---')[1]!;
      expect((parseDocument(yaml, { version: '1.1' }).toJS() as Record<string, unknown>)['författare'], id).toBeUndefined();
      expect(yaml, id).toContain(`# Skriv författare: namn och roll (ansvarig: ${owner}).\n`);
    }
    expect(readdirSync(path.join(dir, 'ekby/plan-2024-2027/uppfoljning/2027-08')).length).toBeGreaterThan(3);
  });
});
