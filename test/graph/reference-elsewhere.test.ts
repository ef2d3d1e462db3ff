// An id that is not in the plan that names it but is in another plan of the folder (a goal moved there): the
// message gives the qualified id as the fix, not the nearest id of the plan's own (a tester was told "FO1.1" for
// a focus area that had moved with its goal to another plan).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPlans } from '../../src/check/check-plans.js';
import { severityOf } from '../../src/messages/report.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sparbar-elsewhere-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The rule fixtures' base plan with a second plan (plan2) whose goal M9 has the focus area FO9, and A1 naming `to`. */
function folder(name: string, to: string): string {
  const root = path.join(dir, name);
  cpSync('test/fixtures/rules/_base', root, { recursive: true });
  const plan = readFileSync(path.join(root, 'plan/plan.md'), 'utf8').replace('id: digplan', 'id: plan2').replace('Strategisk plan för digitalisering', 'Plan för e-arkiv');
  mkdirSync(path.join(root, 'plan2/mal'), { recursive: true });
  writeFileSync(path.join(root, 'plan2/plan.md'), plan);
  writeFileSync(
    path.join(root, 'plan2/mal/M9.md'),
    ['---', 'typ: mål', 'id: M9', 'titel: E-arkiv', 'styrprinciper: [SP1]', 'förväntat_resultat: Handlingarna bevaras digitalt.', 'målår: 2027', 'fokusområden:', '  - id: FO9', '    titel: Leveranser', '---', 'Text.', ''].join('\n'),
  );
  const action = path.join(root, 'plan/aktiviteter/A1.md');
  writeFileSync(action, readFileSync(action, 'utf8').replace('bidrar_till: [FO1]', `bidrar_till: [FO1, ${to}]`));
  return root;
}

describe('a reference to an id in another plan of the folder', () => {
  it('is unknown in its own plan, with the qualified id as the fix', () => {
    const { messages } = checkPlans(folder('unqualified', 'FO9'));
    const unknown = messages.filter((m) => m.ruleId === 'unknown-reference');
    expect(unknown.map((m) => [m.file, m.line, m.column])).toEqual([['plan/aktiviteter/A1.md', 5, 20]]);
    expect(unknown[0]!.reason).toBe('"bidrar_till" hänvisar till "FO9", som inte finns i digplan. FO9 finns i plan2: skriv "plan2:FO9" om det är den som avses.');
    expect(unknown[0]!.expected).toEqual(['plan2:FO9']);
  });

  it('resolves when written as the message says', () => {
    const { messages, graph } = checkPlans(folder('qualified', 'plan2:FO9'));
    expect(messages.filter((m) => m.ruleId === 'unknown-reference')).toEqual([]);
    expect(graph.edges.some((e) => e.from === 'digplan:A1' && e.to === 'plan2:FO9')).toBe(true);
  });
});

describe('a follow-up whose node is in another plan of the folder', () => {
  it('is told where the node is, not the nearest id of its own plan', () => {
    const root = folder('followup', 'FO1');
    mkdirSync(path.join(root, 'plan/uppfoljning/2025-08'), { recursive: true });
    writeFileSync(path.join(root, 'plan/uppfoljning/2025-08/M9.md'), '---\ntyp: uppföljning\navser: M9\nperiod: 2025-08\nbedömning: uppfyllt\nförfattare: Anna Berg\n---\nText.\n');
    const unknown = checkPlans(root).messages.filter((m) => m.ruleId === 'followup-unknown-node');
    expect(unknown.map((m) => [m.file, m.line, m.column])).toEqual([['plan/uppfoljning/2025-08/M9.md', 3, 8]]);
    expect(unknown[0]!.reason).toBe('Uppföljningen avser "M9", som inte finns i digplan. M9 finns i plan2: flytta uppföljningen dit (till dess mapp för uppföljningar), eller skriv avser: "plan2:M9".');
  });
});

describe('the qualified avser the message gives', () => {
  it('attaches the follow-up to the node in the other plan', () => {
    const root = folder('followup-qualified', 'FO1');
    mkdirSync(path.join(root, 'plan/uppfoljning/2025-08'), { recursive: true });
    writeFileSync(path.join(root, 'plan/uppfoljning/2025-08/M9.md'), '---\ntyp: uppföljning\navser: "plan2:M9"\nperiod: 2025-08\nbedömning: uppfyllt\nförfattare: Anna Berg\n---\nText.\n');
    const { messages, graph } = checkPlans(root);
    expect(messages.filter((m) => severityOf(m) === 'error').map((m) => m.ruleId)).toEqual([]);
    expect(graph.followUps.find((f) => f.node === 'plan2:M9')?.assessment).toBe('uppfyllt');
  });
});
