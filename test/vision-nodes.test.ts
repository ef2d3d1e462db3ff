// Effects (effektmål) and critical success factors (framgångsfaktorer) as nodes (issue 12): a policy or plan lists
// them with ids and titles; goals and focus areas name the effects they serve and the success factors they rely on,
// checked as any link is (unknown with a suggestion, wrong type, duplicate id, id format).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPlans } from '../src/check/check-plans.js';
import { diffGraphs } from '../src/diff/diff-graphs.js';

const FIXTURE = 'test/fixtures/plans-vision-malbild';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sparbar-effektmal-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const POLICY = 'strategi/policy.md';
const PLAN = 'plan/plan.md';
const M1 = 'plan/mal/M1.md';

/** A copy of the fixture with `edits` (file → [before, after]) applied; each `before` must be there. */
function edited(edits: Record<string, [string, string][]>): string {
  const dir = path.join(tmp, Math.random().toString(36).slice(2));
  cpSync(FIXTURE, dir, { recursive: true });
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

describe('effects and success factors', () => {
  it('are nodes of the policy or plan that lists them, which goals and focus areas serve and rely on', () => {
    const { graph, messages } = checkPlans(FIXTURE);
    expect(messages.filter((m) => m.fatal === true)).toEqual([]);
    expect(graph.nodes.filter((n) => n.type === 'effektmål' || n.type === 'framgångsfaktor').map((n) => `${n.type} ${n.key}`)).toEqual([
      'effektmål asby-it-strategi:E1',
      'effektmål asby-it-strategi:E2',
      'effektmål asby-it-strategi:E3',
      'framgångsfaktor asby-strategi-mal:KF1',
      'framgångsfaktor asby-strategi-mal:KF2',
      'framgångsfaktor asby-strategi-mal:KF3',
    ]);
    // A beskrivning is the node's body; the source points at the id.
    const e2 = graph.nodes.find((n) => n.key === 'asby-it-strategi:E2')!;
    expect(e2.body).toBe('Uppgifter som kommunen redan har ska inte behöva lämnas eller skrivas in igen.');
    expect(e2.source).toEqual({ file: POLICY, line: 10, column: 5 });
    const edges = graph.edges
      .filter((e) => e.type === 'serves' || e.type === 'relies-on' || /:(E|KF)\d/.test(e.from))
      .map((e) => `${e.from} ${e.type} ${e.to}`)
      .sort();
    expect(edges).toEqual([
      'asby-it-strategi:E1 part-of asby-it-strategi',
      'asby-it-strategi:E2 part-of asby-it-strategi',
      'asby-it-strategi:E3 part-of asby-it-strategi',
      'asby-strategi-mal:FO1.1 serves asby-it-strategi:E1',
      'asby-strategi-mal:FO1.2 relies-on asby-strategi-mal:KF3',
      'asby-strategi-mal:FO1.2 serves asby-it-strategi:E1',
      'asby-strategi-mal:FO2.1 serves asby-it-strategi:E2',
      'asby-strategi-mal:FO2.2 relies-on asby-strategi-mal:KF1',
      'asby-strategi-mal:FO2.2 serves asby-it-strategi:E3',
      'asby-strategi-mal:KF1 part-of asby-strategi-mal',
      'asby-strategi-mal:KF2 part-of asby-strategi-mal',
      'asby-strategi-mal:KF3 part-of asby-strategi-mal',
      'asby-strategi-mal:M1 relies-on asby-strategi-mal:KF2',
      'asby-strategi-mal:M1 serves asby-it-strategi:E1',
      'asby-strategi-mal:M2 relies-on asby-strategi-mal:KF1',
      'asby-strategi-mal:M2 relies-on asby-strategi-mal:KF2',
      'asby-strategi-mal:M2 serves asby-it-strategi:E2',
      'asby-strategi-mal:M2 serves asby-it-strategi:E3',
      'asby-strategi-mal:M3 relies-on asby-strategi-mal:KF3',
      'asby-strategi-mal:M3 serves asby-it-strategi:E2',
    ]);
  });

  it('a focus area in a file of its own names them too', () => {
    const dir = edited({});
    writeFileSync(path.join(dir, 'plan/mal/FO3.1.md'), '---\ntyp: fokusområde\nid: FO3.1\ntitel: Utbildning i nya arbetssätt\nmål: M3\neffektmål: [E2]\nframgångsfaktorer: [KF3]\n---\n');
    const { graph, messages } = checkPlans(dir);
    expect(where(messages.filter((m) => m.fatal === true))).toEqual([]);
    expect(graph.edges.filter((e) => e.from === 'asby-strategi-mal:FO3.1').map((e) => `${e.type} ${e.to}`).sort()).toEqual([
      'part-of asby-strategi-mal:M3',
      'relies-on asby-strategi-mal:KF3',
      'serves asby-it-strategi:E2',
    ]);
  });

  it('an unknown effect or success factor is an unknown reference with a suggestion, at its place', () => {
    const dir = edited({ [M1]: [['effektmål: [E1]\nframgångsfaktorer: [KF2]', 'effektmål: [E4]\nframgångsfaktorer: [KF9]']] });
    const { messages } = checkPlans(dir);
    expect(where(messages.filter((m) => m.fatal === true))).toEqual([`${M1}:5:13 unknown-reference`, `${M1}:6:21 unknown-reference`]);
    const fatal = messages.filter((m) => m.fatal === true);
    expect(fatal[0]!.message).toMatch(/^"effektmål" hänvisar till "E4", som inte finns\. Menade du "E[123]"\?$/);
    expect(fatal[1]!.message).toMatch(/^"framgångsfaktorer" hänvisar till "KF9", som inte finns\. Menade du "KF[123]"\?$/);
  });

  it('naming a goal where an effect belongs is a wrong reference type', () => {
    const dir = edited({ [M1]: [['effektmål: [E1]', 'effektmål: [M2]']] });
    const { messages } = checkPlans(dir);
    const fatal = messages.filter((m) => m.fatal === true);
    expect(where(fatal)).toEqual([`${M1}:5:13 wrong-reference-type`]);
    expect(fatal[0]!.message).toBe('"effektmål" hänvisar till "M2", som är ett mål ("En gemensam grund av system och uppgifter"). Här krävs ett effektmål.');
  });

  it('an id used twice is a duplicate id, and an id of the wrong form is invalid', () => {
    const dir = edited({ [PLAN]: [['  - id: KF3', '  - id: KF1']], [POLICY]: [['  - id: E3', '  - id: "E 3"']] });
    const { messages } = checkPlans(dir);
    const fatal = messages.filter((m) => m.fatal === true);
    expect(where(fatal).filter((w) => !w.includes('unknown-reference'))).toEqual([`${PLAN}:13:9 duplicate-id`, `${POLICY}:13:9 invalid-format`]);
  });

  it('a policy file with a YAML error gives no errors in the goals that name its effects', () => {
    const dir = edited({ [POLICY]: [['titel: IT-strategi för Åsby kommun', 'titel: "IT-strategi för Åsby kommun']] });
    const { messages } = checkPlans(dir);
    expect(messages.filter((m) => m.fatal === true).every((m) => m.file === POLICY)).toBe(true);
  });

  it('the diff lists a goal that serves another effect', () => {
    const dir = edited({ [M1]: [['effektmål: [E1]', 'effektmål: [E1, E3]']] });
    const diff = diffGraphs(checkPlans(FIXTURE).graph, checkPlans(dir).graph);
    expect(diff.links.added.map((l) => `${l.from.key} ${l.type} ${l.to.key}`)).toEqual(['asby-strategi-mal:M1 serves asby-it-strategi:E3']);
    expect(diff.links.removed).toEqual([]);
  });

  // Only what the documents do not give: no value in these folders is invented to silence a warning. (Rules about
  // indicators are left out here: neither plan has any, and whether that warns is the indicator rules' business.)
  const warnings = (dir: string) =>
    checkPlans(dir)
      .messages.filter((m) => m.fatal !== true && !/indicator/.test(m.ruleId))
      .map((m) => `${m.file} ${m.ruleId}`)
      .sort();

  it('shape 4 (a vision, current and target state, no action plan yet) warns of exactly what its documents lack', () => {
    expect(warnings(FIXTURE)).toEqual([
      ...['M1', 'M2', 'M3'].flatMap((g) => [`plan/mal/${g}.md goal-without-expected-result`, `plan/mal/${g}.md goal-without-target-year`]),
      'plan/mal/M1.md focus-area-without-action',
      'plan/mal/M1.md focus-area-without-action',
      'plan/mal/M2.md focus-area-without-action',
      'plan/mal/M2.md focus-area-without-action',
      'plan/mal/M3.md goal-without-focus-area',
      'plan/plan.md document-without-adopting-body',
      'plan/plan.md document-without-adoption-date',
      'plan/plan.md plan-without-period',
      'strategi/policy.md document-without-adoption-date',
      'strategi/policy.md policy-without-validity',
    ].sort());
  });

  it('shape 1 (actions left to each committee) warns only that no action carries its focus areas', () => {
    expect(warnings('test/fixtures/plans-utan-aktiviteter')).toEqual([
      'plan/mal/M1.md focus-area-without-action',
      'plan/mal/M1.md focus-area-without-action',
      'plan/mal/M2.md focus-area-without-action',
      'plan/mal/M2.md focus-area-without-action',
    ]);
    const { graph } = checkPlans('test/fixtures/plans-utan-aktiviteter');
    expect(graph.nodes.filter((n) => n.type === 'aktivitet')).toEqual([]);
    expect(graph.nodes.filter((n) => n.type === 'mål' || n.type === 'fokusområde').map((n) => n.id).sort()).toEqual(['FO1.1', 'FO1.2', 'FO2.1', 'FO2.2', 'M1', 'M2']);
    expect(graph.edges.filter((e) => e.type === 'realises').map((e) => `${e.from.split(':')[1]} ${e.to.split(':')[1]}`).sort()).toEqual(['FO1.2 SP2', 'FO2.1 SP3', 'FO2.2 SP4', 'M1 SP1.a', 'M1 SP2', 'M2 SP3', 'M2 SP4']);
    expect(graph.derived.coverage.uncoveredPrinciples).toEqual([]);
  });
});
