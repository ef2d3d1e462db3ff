// A principle's sub-points with ids (issue 12): `underpunkter: [{ id: SP8.a, titel: … }]` makes a node that focus
// areas and goals name in `styrprinciper`, with its id's form, duplicates and unknown names checked as ids are.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPlans } from '../src/check/check-plans.js';
import { diffGraphs } from '../src/diff/diff-graphs.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sparbar-delpunkter-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const POLICY = 'ekby/policy/policy.md';
const FO32 = 'ekby/plan-2024-2027/fokusomraden/FO3.2.md';
const M4 = 'ekby/plan-2024-2027/mal/M4.md';

/** A copy of the example plan with `edits` (file → [before, after]) applied; each `before` must be there. */
function edited(edits: Record<string, [string, string][]>): string {
  const dir = path.join(tmp, Math.random().toString(36).slice(2));
  cpSync('plans', dir, { recursive: true });
  for (const [file, pairs] of Object.entries(edits)) {
    let text = readFileSync(path.join(dir, file), 'utf8');
    for (const [before, after] of pairs) {
      expect(text, file).toContain(before);
      text = text.replace(before, after);
    }
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}
const where = (messages: { file: string; line: number; column: number; ruleId: string }[]) => messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.ruleId}`);

describe('sub-points with ids', () => {
  it('are nodes of their principle that a focus area realises, and count as covering the principle', () => {
    const { graph, messages } = checkPlans('plans');
    expect(messages.filter((m) => m.fatal === true)).toEqual([]);
    expect(graph.nodes.filter((n) => n.type === 'underpunkt').map((n) => `${n.key} ${n.title}`)).toEqual([
      'ekby-it-policy:SP8.a Gemensamma lösningar går före enhetsspecifika',
      'ekby-it-policy:SP8.b Tidigare investeringar återanvänds innan nya görs',
    ]);
    const edges = graph.edges.filter((e) => e.from.includes('SP8.') || e.to.includes('SP8.')).map((e) => `${e.from} ${e.type} ${e.to}`);
    expect(edges.sort()).toEqual([
      'ekby-digplan-2024-2027:FO3.2 realises ekby-it-policy:SP8.a',
      'ekby-digplan-2024-2027:FO3.2 realises ekby-it-policy:SP8.b',
      'ekby-it-policy:SP8.a part-of ekby-it-policy:SP8',
      'ekby-it-policy:SP8.b part-of ekby-it-policy:SP8',
    ]);
    // The principle keeps the texts of all its sub-points, in order, with or without ids.
    expect(graph.nodes.find((n) => n.key === 'ekby-it-policy:SP8')!.fields).toEqual({
      underpunkter: ['Gemensamma lösningar går före enhetsspecifika', 'Tidigare investeringar återanvänds innan nya görs', 'Standardlösningar från marknaden går före egenutveckling'],
    });
  });

  it('a goal that names only a sub-point covers the principle, and the principle rolls up that goal', () => {
    const dir = edited({
      [M4]: [['styrprinciper: [SP8, SP9, SP11]', 'styrprinciper: [SP8, SP9.a, SP11]']],
      'ekby/policy/styrprinciper/SP9.md': [['  - Säkerhetsnivån bestäms efter riskanalys', '  - { id: SP9.a, titel: Säkerhetsnivån bestäms efter riskanalys }']],
    });
    const { graph, messages } = checkPlans(dir);
    expect(where(messages.filter((m) => m.fatal === true))).toEqual([]);
    const sp9 = graph.derived.coverage.principles.find((p) => p.node === 'ekby-it-policy:SP9')!;
    expect(sp9.goals).toContain('ekby-digplan-2024-2027:M4');
    expect(graph.derived.coverage.uncoveredPrinciples).toEqual([]);
    expect(graph.derived.rollups.some((r) => r.node === 'ekby-it-policy:SP9' && r.period === '2026-08')).toBe(true);
  });

  it('an unknown sub-point is an unknown reference with a suggestion, at its place', () => {
    const dir = edited({ [FO32]: [['styrprinciper: [SP8.a, SP8.b]', 'styrprinciper: [SP8.a, SP8.d]']] });
    const { messages } = checkPlans(dir);
    expect(where(messages)).toEqual([`${FO32}:6:24 unknown-reference`]);
    expect(messages[0]!.message).toMatch(/^"styrprinciper" hänvisar till "SP8\.d", som inte finns\. Menade du "SP8\.[ab]"\?$/);
  });

  it('an id that is not the principle’s id, a dot and a letter or number is invalid-format, with the form to write', () => {
    const dir = edited({ [POLICY]: [['- Systemägare och systemförvaltare utses', '- id: SP10-a\n            titel: Systemägare och systemförvaltare utses']] });
    const { messages } = checkPlans(dir);
    expect(where(messages)).toEqual([`${POLICY}:64:17 invalid-format`]);
    expect(messages[0]!.message).toBe('Delpunkten "SP10-a" har fel form: en delpunkts id är principens id, en punkt och en bokstav eller siffra. Skriv till exempel "SP10.a".');
  });

  it('a sub-point id used twice is a duplicate id, both places named', () => {
    const dir = edited({ [POLICY]: [['- Standardlösningar från marknaden går före egenutveckling', '- { id: SP8.a, titel: Standardlösningar från marknaden går före egenutveckling }']] });
    const { messages } = checkPlans(dir);
    expect(where(messages)).toEqual([`${POLICY}:60:19 duplicate-id`]);
    expect(messages[0]!.related?.map((r) => r.line)).toEqual([58]);
  });

  it('a policy file with a YAML error gives no errors in the focus area that names its sub-points', () => {
    const dir = edited({ [POLICY]: [['titel: Vi väljer gemensamma och beprövade lösningar', 'titel: "Vi väljer gemensamma och beprövade lösningar']] });
    const { messages } = checkPlans(dir);
    expect(messages.filter((m) => m.file === FO32)).toEqual([]);
    expect(messages.filter((m) => m.fatal === true).every((m) => m.file === POLICY)).toBe(true);
  });

  it('the diff lists a focus area that names another sub-point', () => {
    const dir = edited({ [FO32]: [['styrprinciper: [SP8.a, SP8.b]', 'styrprinciper: [SP8.a]']] });
    const diff = diffGraphs(checkPlans('plans').graph, checkPlans(dir).graph);
    expect(diff.links.removed.map((l) => `${l.from.key} ${l.type} ${l.to.key}`)).toEqual(['ekby-digplan-2024-2027:FO3.2 realises ekby-it-policy:SP8.b']);
    expect(diff.links.added).toEqual([]);
  });
});
