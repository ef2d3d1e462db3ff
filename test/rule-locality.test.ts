// The locality contract of graph checks (GraphLocality in src/graph/rule-checks.ts): `check --watch` keeps the earlier
// messages of a node-local check wherever a change cannot reach and runs it only on the nodes it can reach
// (src/graph/local-rerun.ts). That is sound only if each such check says about a node what that node alone (and its
// own follow-ups) gives. Here every node-local check runs one node at a time in a context that refuses every other
// read (another node, an edge, coverage, rollups, document years, broken links, another node's place or follow-ups),
// on the example plan, every rule fixture, every rule's documentation examples and seeded mutations of the example:
// the messages of all the nodes together must be those of a run on the whole graph, each in the node's own file or
// one of its follow-ups' files. A check that reads more than it declares fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MUTATIONS, readPlanFolder } from '../bench/mutations.js';
import { prng } from '../bench/generate-plan.js';
import { checkFileBytes, structureFromChecks, type FileCheck, type PlanFileBytes } from '../src/check/check-files.js';
import { completeGraph } from '../src/graph/build-graph.js';
import type { GraphIndex } from '../src/graph/graph-index.js';
import type { GraphContext, GraphRule } from '../src/graph/rule-checks.js';
import type { GraphNode, NodeType } from '../src/graph/types.js';
import { MessageSink, type CheckMessage } from '../src/messages/report.js';
import { RULES } from '../src/rules/index.js';
import { ruleFixtureFiles, ruleFixtureNames } from './helpers/rule-fixtures.js';

const NODE_TYPES: readonly NodeType[] = ['organisation', 'policy', 'område', 'styrprincip', 'underpunkt', 'effektmål', 'framgångsfaktor', 'plan', 'mål', 'fokusområde', 'aktivitet', 'indikator'];
const LOCAL = RULES.filter((r) => r.graph !== undefined && r.locality === 'node');
const key = (m: CheckMessage) => `${m.file}:${m.line}:${m.column} ${m.ruleId} ${m.reason} ${JSON.stringify([m.expected ?? null, m.related ?? null])}`;

/** Each file read and validated once (the plans below share most of their files). */
const checked = new Map<string, FileCheck>();
const checkOf = (f: PlanFileBytes) => {
  const k = `${f.path}\u0000${Buffer.from(f.bytes).toString('base64')}`;
  let c = checked.get(k);
  if (c === undefined) checked.set(k, (c = checkFileBytes(f.path, f.bytes)));
  return c;
};

/** The context every graph check of `files` is given (caught by a check added after the catalogue's). */
function contextOf(files: readonly PlanFileBytes[]): Omit<GraphContext, 'report'> {
  const { structure } = structureFromChecks(files.map(checkOf));
  let caught: Omit<GraphContext, 'report'> | undefined;
  const catcher: GraphRule = { id: 'catch-context', severity: 'warning', graph: (context) => void (caught = context) };
  completeGraph(structure, new MessageSink(), [...RULES, catcher]);
  return caught!;
}

/** `context` as node `node` may see it under the contract (with `report`): anything else throws. */
function nodeOnly(context: Omit<GraphContext, 'report'>, node: GraphNode, rule: string, report: GraphContext['report']): GraphContext {
  const refuse = (what: string) => (): never => {
    throw new Error(`${rule} is declared node-local (locality: 'node') but reads ${what} while checking ${node.key}`);
  };
  /** `k` when it is the node's own key; throws otherwise. */
  const own = (k: string, what: string): string => (k === node.key ? k : refuse(`${what} of ${k}`)());
  const mine = new Set([...context.index.followUps(node.key), ...context.index.organisationFollowUps(node.key)]);
  const index: GraphIndex = {
    ofType: ((type: NodeType) => (type === node.type ? [node] : [])) as GraphIndex['ofType'],
    followUps: (k) => context.index.followUps(own(k, 'the follow-ups')),
    organisationFollowUps: (k) => context.index.organisationFollowUps(own(k, "the organisations' follow-ups")),
    node: refuse('index.node'),
    nodeOf: refuse('index.nodeOf'),
    out: refuse('index.out (edges)'),
    in: refuse('index.in (edges)'),
  };
  return {
    index,
    report,
    get coverage() {
      return refuse('coverage')();
    },
    get rollups() {
      return refuse('rollups')();
    },
    get documentYears() {
      return refuse('documentYears')();
    },
    get broken() {
      return refuse('broken links')();
    },
    nodeAt: (k, path, at) => context.nodeAt(own(k, 'the place'), path, at),
    followUpAt: (f, path) => {
      if (!mine.has(f)) refuse(`the place of a follow-up of ${f.node}`)();
      return context.followUpAt(f, path);
    },
  };
}

/** Problems with `rule`'s locality on the plan `files`: [] when it keeps the contract. */
function contractBroken(rule: GraphRule, files: readonly PlanFileBytes[]): string[] {
  const context = contextOf(files);
  const whole = new MessageSink();
  rule.graph!({ ...context, report: (reason, place, extra) => void whole.report(rule, reason, place, extra) });
  const parts: string[] = [];
  const problems: string[] = [];
  for (const type of NODE_TYPES) {
    for (const node of context.index.ofType(type)) {
      const sink = new MessageSink();
      const allowed = new Set([node.source.file, ...[...context.index.followUps(node.key), ...context.index.organisationFollowUps(node.key)].map((f) => f.source.file)]);
      try {
        rule.graph!(nodeOnly(context, node, rule.id, (reason, place, extra) => void sink.report(rule, reason, place, extra)));
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
        continue;
      }
      for (const m of sink.messages) {
        if (!allowed.has(m.file)) problems.push(`${rule.id}: a message about ${node.key} is in ${m.file}, neither its file nor a follow-up's`);
        parts.push(key(m));
      }
    }
  }
  if (problems.length === 0) expect(parts.sort(), `${rule.id}: node by node, the messages of the whole graph`).toEqual(whole.messages.map(key).sort());
  return problems;
}

const bytes = (text: string) => new TextEncoder().encode(text);
const fixturePlan = (name: string): PlanFileBytes[] => [...ruleFixtureFiles(name)].filter(([p]) => p.endsWith('.md')).map(([p, abs]) => ({ path: p, bytes: readFileSync(abs) }));

/** Every plan the contract is checked on, by name. */
function plans(): [string, PlanFileBytes[]][] {
  const out: [string, PlanFileBytes[]][] = [['the example plan', readPlanFolder('plans')]];
  for (const name of ruleFixtureNames()) out.push([`rule fixture ${name}`, fixturePlan(name)]);
  const base = fixturePlan('_base');
  for (const rule of RULES) {
    for (const [which, example] of [['fail', rule.docs.fail], ['pass', rule.docs.pass]] as const) {
      if (!example.files || example.windows1252?.length) continue;
      const files = new Map(base.map((f) => [f.path, f.bytes]));
      for (const [p, text] of Object.entries(example.files)) if (p.endsWith('.md')) files.set(p, bytes(text));
      out.push([`${rule.id}'s ${which} example`, [...files].map(([p, b]) => ({ path: p, bytes: b }))]);
    }
  }
  // Seeded mutations of the example, one file each (bench/mutations.ts: what writers, editors and Macs do to files).
  const example = readPlanFolder('plans');
  const rng = prng(20261201);
  const kinds = Object.keys(MUTATIONS);
  for (let i = 0; i < 60; i++) {
    const at = rng.int(0, example.length - 1);
    const kind = rng.pick(kinds);
    const text = MUTATIONS[kind]!(Buffer.from(example[at]!.bytes).toString('utf8'), rng);
    if (text === null) continue;
    out.push([`mutation ${i} (${kind} of ${example[at]!.path})`, example.map((f, j) => (j === at ? { path: f.path, bytes: bytes(text) } : f))]);
  }
  return out;
}

describe('graph checks declared node-local', () => {
  it('there are some, and none of them has a structure check', () => {
    expect(LOCAL.length).toBeGreaterThan(5);
    expect(LOCAL.filter((r) => r.structure !== undefined).map((r) => r.id)).toEqual([]);
  });

  it('read only their node and its follow-ups, and say node by node what they say about the whole graph', { timeout: 600_000 }, () => {
    const problems: string[] = [];
    for (const [name, files] of plans()) for (const rule of LOCAL) problems.push(...contractBroken(rule, files).map((p) => `${name}: ${p}`));
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('fails a check that reads more than it declares', () => {
    const example = readPlanFolder('plans');
    const neighbour: GraphRule = {
      id: 'reads-its-neighbour',
      severity: 'warning',
      locality: 'node',
      graph({ index, nodeAt, report }) {
        for (const n of index.ofType('aktivitet')) if (index.out(n.key, 'contributes-to').length === 0) report('x', nodeAt(n.key, ['id']));
      },
    };
    expect(contractBroken(neighbour, example)[0]).toMatch(/reads index.out \(edges\)/);
    const elsewhere: GraphRule = {
      id: 'reports-in-another-file',
      severity: 'warning',
      locality: 'node',
      graph({ index, nodeAt, report }) {
        const [first] = index.ofType('plan');
        for (const n of index.ofType('aktivitet')) report('x', { ...nodeAt(n.key, ['id']), file: first?.source.file ?? 'elsewhere.md' });
      },
    };
    expect(contractBroken(elsewhere, example)[0]).toMatch(/neither its file nor a follow-up's/);
  });
});
