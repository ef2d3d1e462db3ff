// Seeded random mutations of a plan, and the property every check of a mutated plan must keep: no crash, every
// message at a place inside its file, and no message in a file that was not mutated unless the mutation really took
// away what that message is about (an id, a link, a status behind a rollup, the plan's period). Used by
// test/mutations.test.ts (2,000 mutations per run) and by `npm run bench -- --only mutations` (more).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { assembleCheck, checkFileBytes, type FileCheck, type PlanFileBytes } from '../src/check/check-files.js';
import { comparePlanPaths } from '../src/files/discover.js';
import type { CheckResult } from '../src/check/check-plans.js';
import type { CheckMessage } from '../src/messages/report.js';
import type { Graph, GraphNode } from '../src/graph/types.js';
import { parse } from 'yaml';
import { prng, type Rng } from './generate-plan.js';

/** Every `.md` file under `dir` as bytes, with its path relative to `dir`, in the order a check reads them. */
export function readPlanFolder(dir: string): PlanFileBytes[] {
  const out: PlanFileBytes[] = [];
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      const relPath = rel ? `${rel}/${name}` : name;
      if (statSync(full).isDirectory()) walk(full, relPath);
      else if (name.endsWith('.md')) out.push({ path: relPath, bytes: readFileSync(full) });
    }
  };
  walk(dir, '');
  return out.sort((a, b) => comparePlanPaths(a.path, b.path));
}

type Mutator = (text: string, rng: Rng) => string | null;

const NBSP = '\u00a0';
/** Characters writers, keyboards, Macs and PDFs put where they do not belong. */
const ODD_CHARACTERS = [':', '-', '[', ']', '{', '}', '"', "'", '#', '&', '*', '!', '|', '>', '%', '@', '`', ',', ' ', '\t', '\n', NBSP, '\u202f', '\u200b', '\ufeff', '\u00ad', '\u3000', '\u2028', 'x', 'å', '\u030a', '0', '.'];

/** The frontmatter's line range [first, end) in `lines`, when the file has one. */
function frontmatterLines(lines: readonly string[]): [number, number] | undefined {
  if (lines[0] !== '---') return undefined;
  const end = lines.indexOf('---', 1);
  return end === -1 ? undefined : [1, end];
}

/** A random line index inside the frontmatter, or undefined. */
function pickLine(lines: readonly string[], rng: Rng): number | undefined {
  const range = frontmatterLines(lines);
  if (!range || range[1] <= range[0]) return undefined;
  return rng.int(range[0], range[1] - 1);
}

const onLine = (edit: (line: string, rng: Rng) => string | null): Mutator => (text, rng) => {
  const lines = text.split('\n');
  const i = pickLine(lines, rng);
  if (i === undefined) return null;
  const edited = edit(lines[i]!, rng);
  if (edited === null || edited === lines[i]) return null;
  lines[i] = edited;
  return lines.join('\n');
};

const onLines = (edit: (lines: string[], i: number, rng: Rng) => boolean): Mutator => (text, rng) => {
  const lines = text.split('\n');
  const i = pickLine(lines, rng);
  if (i === undefined || !edit(lines, i, rng)) return null;
  return lines.join('\n');
};

/** One kind of mistake each: what a writer, an editor, a Mac, a PDF or a moved Hugo site does to a file. */
export const MUTATIONS: Record<string, Mutator> = {
  tabIndent: onLine((line) => (/^ +/.test(line) ? line.replace(/^ +/, '\t') : `\t${line}`)),
  tabAfterIndent: onLine((line) => line.replace(/^( *)/, '$1\t')),
  dropClosingBracket: (text) => {
    const i = text.search(/[\]}]/);
    return i === -1 ? null : text.slice(0, i) + text.slice(i + 1);
  },
  deleteCharacter: onLine((line, rng) => (line.length === 0 ? null : ((i) => line.slice(0, i) + line.slice(i + 1))(rng.int(0, line.length - 1)))),
  insertCharacter: onLine((line, rng) => ((i) => line.slice(0, i) + rng.pick(ODD_CHARACTERS) + line.slice(i))(rng.int(0, line.length))),
  replaceCharacter: onLine((line, rng) => (line.length === 0 ? null : ((i) => line.slice(0, i) + rng.pick(ODD_CHARACTERS) + line.slice(i + 1))(rng.int(0, line.length - 1)))),
  nfd: (text) => (text.normalize('NFD') === text ? null : text.normalize('NFD')),
  noBreakSpaces: onLine((line) => (line.includes(' ') ? line.replace(/ /g, NBSP) : null)),
  noBreakSpaceAfterColon: onLine((line) => (/: /.test(line) ? line.replace(': ', `:${NBSP}`) : null)),
  zeroWidthInValue: onLine((line, rng) => (line.length < 2 ? null : ((i) => `${line.slice(0, i)}\u200b${line.slice(i)}`)(rng.int(1, line.length - 1)))),
  duplicateLine: onLines((lines, i) => {
    lines.splice(i, 0, lines[i]!);
    return true;
  }),
  deleteLine: onLines((lines, i) => {
    lines.splice(i, 1);
    return true;
  }),
  swapLines: onLines((lines, i) => {
    const range = frontmatterLines(lines)!;
    if (i + 1 >= range[1]) return false;
    [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
    return true;
  }),
  reindent: onLine((line, rng) => (rng.chance(0.5) ? ` ${line}` : line.startsWith(' ') ? line.slice(1) : null)),
  toml: (text) => {
    const lines = text.split('\n');
    const range = frontmatterLines(lines);
    if (!range) return null;
    lines[0] = '+++';
    lines[range[1]] = '+++';
    for (let i = range[0]; i < range[1]; i++) lines[i] = lines[i]!.replace(/^([^\s:#-][^:]*): (.+)$/, (_m, k: string, v: string) => `${k} = "${v.replace(/"/g, '\\"')}"`);
    return lines.join('\n');
  },
  json: (text) => {
    const lines = text.split('\n');
    const range = frontmatterLines(lines);
    if (!range) return null;
    const data: unknown = parse(lines.slice(range[0], range[1]).join('\n'));
    return `${JSON.stringify(data, null, 2)}\n${lines.slice(range[1] + 1).join('\n')}`;
  },
  pandocEnd: (text) => (text.includes('\n---\n') ? text.replace('\n---\n', '\n...\n') : null),
  noClosingFence: (text) => (text.includes('\n---\n') ? text.replace('\n---\n', '\n\n') : null),
  noOpeningFence: (text) => (text.startsWith('---\n') ? text.slice(4) : null),
  truncate: (text, rng) => text.slice(0, rng.int(0, text.length)),
  otherType: onLine((line, rng) => {
    const m = /^([^\s:#-][^:]*): (.+)$/.exec(line);
    if (!m) return null;
    return `${m[1]}: ${rng.pick(['0180', '2025-2028', '2025', '2025-01-01', 'ja', '[x]', '{ a: 1 }', '~', '1e3', '"x"'])}`;
  }),
  flowListAtColumn1: (text, rng) => flowListAtColumn1(text, rng),
  misspeltKey: onLine((line) => (/^[a-zåäö_]{3,}:/.test(line) ? line.replace(/^([a-zåäö_]+?)([a-zåäö_]):/, '$1:') : null)),
  invalidUtf8: (text) => `${text.slice(0, 20)}\udc80${text.slice(20)}`,
};

/**
 * A list written as a multi-line flow list with its lines at column 1, as writers do who learnt `[ … ]` from JSON:
 * `bidrar_till: [FO1.1, FO1.2]`, or a block list of `- item` lines, becomes `bidrar_till: [` and then each item and the
 * closing `]` on lines of their own at column 1 (issue 9: once 15 false errors in other files). Null when the file has
 * no list of plain items.
 */
function flowListAtColumn1(text: string, rng: Rng): string | null {
  const lines = text.split('\n');
  const range = frontmatterLines(lines);
  if (!range) return null;
  const plain = /^[^\s:#{}[\],"'][^:#{}[\],]*$/;
  const candidates: { at: number; count: number; key: string; items: string[] }[] = [];
  for (let i = range[0]; i < range[1]; i++) {
    const line = lines[i]!;
    const flow = /^(\s*(?:-\s+)?[^\s:#-][^:#]*:\s*)\[([^[\]{}]*)\]\s*$/.exec(line);
    if (flow) {
      const items = flow[2]!.split(',').map((s) => s.trim());
      if (items.length > 0 && items.every((s) => plain.test(s))) candidates.push({ at: i, count: 1, key: flow[1]!, items });
      continue;
    }
    const block = /^(\s*[^\s:#-][^:#]*:)\s*$/.exec(line);
    if (!block) continue;
    const items: string[] = [];
    for (let j = i + 1; j < range[1]; j++) {
      const item = /^\s+-\s+(.+?)\s*$/.exec(lines[j]!);
      if (!item || !plain.test(item[1]!)) break;
      items.push(item[1]!);
    }
    if (items.length > 0 && !/^\s+-\s/.test(lines[i + 1 + items.length] ?? '')) candidates.push({ at: i, count: 1 + items.length, key: `${block[1]!} `, items });
  }
  if (candidates.length === 0) return null;
  const c = rng.pick(candidates);
  const written = [`${c.key}[`, ...c.items.map((item, k) => (k < c.items.length - 1 ? `${item},` : item)), ']'];
  lines.splice(c.at, c.count, ...written);
  return lines.join('\n');
}

/** The bytes of a mutated text; the lone surrogate of `invalidUtf8` becomes a byte that is never UTF-8. */
function toBytes(text: string): Uint8Array {
  const i = text.indexOf('\udc80');
  if (i === -1) return Buffer.from(text, 'utf8');
  return Buffer.concat([Buffer.from(text.slice(0, i), 'utf8'), Buffer.from([0xff]), Buffer.from(text.slice(i + 1), 'utf8')]);
}

/** One mutation and what broke the property, if anything. */
export interface MutationOutcome {
  kind: string;
  file: string;
  /** Each way the property failed, in words. */
  violations: string[];
  messages: number;
}

/** Messages about files the mutation did not touch are allowed only for what it really took away. */
export function judge(baseline: CheckResult, after: CheckResult, mutated: string, texts: ReadonlyMap<string, string>): string[] {
  const violations: string[] = [];
  const nodesOf = (graph: Graph) => new Map(graph.nodes.map((n) => [n.key, n]));
  const before = nodesOf(baseline.graph);
  const now = nodesOf(after.graph);
  const removedIds = new Set<string>();
  for (const [key, node] of before) {
    if (node.source.file !== mutated || now.has(key)) continue;
    removedIds.add(node.id);
    removedIds.add(key);
  }
  const edgeSet = (graph: Graph) => new Set(graph.edges.map((e) => `${e.from} ${e.type} ${e.to}`));
  const edgesNow = edgeSet(after.graph);
  const lostInto = (key: string, type: string) =>
    baseline.graph.edges.some((e) => e.to === key && e.type === type && before.get(e.from)?.source.file === mutated && !edgesNow.has(`${e.from} ${e.type} ${e.to}`));
  const lostFrom = (types: readonly string[]) =>
    baseline.graph.edges.some((e) => types.includes(e.type) && before.get(e.from)?.source.file === mutated) ||
    after.graph.edges.some((e) => types.includes(e.type) && now.get(e.from)?.source.file === mutated);
  const rollupOf = (graph: Graph, node: string, period: string) => JSON.stringify(graph.derived.rollups.find((r) => r.node === node && r.period === period) ?? null);
  const documentChanged = (doc: GraphNode | undefined) => doc !== undefined && JSON.stringify(doc.fields) !== JSON.stringify(now.get(doc.key)?.fields);
  const mutatedDocument = [...before.values()].find((n) => n.source.file === mutated && (n.type === 'plan' || n.type === 'policy'));
  const baselineKeys = new Set(baseline.messages.map((m) => `${m.file}:${m.line}:${m.column}:${m.ruleId}`));

  for (const m of after.messages) {
    if (m.ruleId === 'internal-error') violations.push(`internal-error: ${m.file}:${m.line}:${m.column} ${m.reason}`);
    const text = texts.get(m.file);
    if (text === undefined) {
      violations.push(`message about a file that is not in the plan: ${m.file} (${m.ruleId})`);
      continue;
    }
    const lines = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n');
    if (!Number.isInteger(m.line) || m.line < 1 || m.line > lines.length || !Number.isInteger(m.column) || m.column < 1 || m.column > lines[m.line - 1]!.length + 1) {
      violations.push(`position outside the file: ${m.file}:${m.line}:${m.column} (${lines.length} lines) ${m.ruleId}`);
    }
    if (m.file === mutated || baselineKeys.has(`${m.file}:${m.line}:${m.column}:${m.ruleId}`)) continue;
    if (!allowedElsewhere(m)) violations.push(`message in a file that was not mutated: ${m.file}:${m.line}:${m.column} ${m.ruleId}: ${m.reason}`);
  }
  return violations;

  function allowedElsewhere(m: CheckMessage): boolean {
    const actual = m.actual ?? '';
    switch (m.ruleId) {
      case 'unknown-reference':
      case 'followup-unknown-node':
        return removedIds.has(actual);
      case 'focus-area-without-action':
        return nodeAt(m) !== undefined && lostInto(nodeAt(m)!.key, 'contributes-to');
      case 'goal-without-focus-area':
        return nodeAt(m) !== undefined && lostInto(nodeAt(m)!.key, 'part-of');
      case 'principle-uncovered':
        return nodeAt(m) !== undefined && lostInto(nodeAt(m)!.key, 'realises');
      case 'no-indicator': {
        // The goal or focus area lost the indicator that measured it (or, for a goal, the one of a focus area).
        const node = nodeAt(m);
        if (node === undefined) return false;
        const parts = baseline.graph.edges.filter((e) => e.type === 'part-of' && e.to === node.key).map((e) => e.from);
        return [node.key, ...parts].some((key) => lostInto(key, 'measures'));
      }
      case 'assessment-disagrees-with-rollup': {
        const f = after.graph.followUps.find((x) => x.source.file === m.file);
        return f !== undefined && rollupOf(baseline.graph, f.node, f.period) !== rollupOf(after.graph, f.node, f.period);
      }
      case 'followup-unknown-period':
      case 'target-year-outside-period':
        return documentChanged(mutatedDocument);
      case 'reference-cycle':
        return lostFrom(['depends-on', 'member-of', 'replaces']);
      case 'duplicate-id':
        return actual !== '' && (texts.get(mutated) ?? '').includes(actual);
      default:
        return false;
    }
  }

  function nodeAt(m: CheckMessage): GraphNode | undefined {
    return after.graph.nodes.find((n) => n.source.file === m.file && n.source.line === m.line && n.source.column === m.column);
  }
}

/** The example plan checked once, then mutated one file at a time. */
export class MutationRun {
  private readonly checks: FileCheck[];
  private readonly texts: Map<string, string>;
  readonly baseline: CheckResult;

  constructor(private readonly files: readonly PlanFileBytes[]) {
    this.checks = files.map((f) => checkFileBytes(f.path, f.bytes));
    this.texts = new Map(files.map((f) => [f.path, Buffer.from(f.bytes).toString('utf8')]));
    this.baseline = assembleCheck(this.checks, []);
  }

  /**
   * One seeded mutation of one file, checked with the same pipeline as checkFiles (the other files' results are
   * reused: they did not change), judged against the baseline.
   */
  mutate(rng: Rng): MutationOutcome {
    const index = rng.int(0, this.files.length - 1);
    const file = this.files[index]!;
    const original = this.texts.get(file.path)!;
    const kinds = Object.keys(MUTATIONS);
    let kind = rng.pick(kinds);
    let text = MUTATIONS[kind]!(original, rng);
    for (let tries = 0; text === null && tries < 5; tries++) {
      kind = rng.pick(kinds);
      text = MUTATIONS[kind]!(original, rng);
    }
    if (text === null) return { kind: 'none', file: file.path, violations: [], messages: 0 };
    const bytes = toBytes(text);
    const texts = new Map(this.texts);
    texts.set(file.path, Buffer.from(bytes).toString('utf8'));
    let result: CheckResult;
    try {
      const checks = this.checks.slice();
      checks[index] = checkFileBytes(file.path, bytes);
      result = assembleCheck(checks, []);
    } catch (error) {
      return { kind, file: file.path, violations: [`crash: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`], messages: 0 };
    }
    return { kind, file: file.path, violations: judge(this.baseline, result, file.path, texts), messages: result.messages.length };
  }
}

/** Runs `count` mutations from `seed` over the plan in `dir`; the outcomes that broke the property, and counts per kind. */
export function runMutations(dir: string, seed: number, count: number): { failures: (MutationOutcome & { step: number })[]; kinds: Map<string, number>; messages: number } {
  const run = new MutationRun(readPlanFolder(dir));
  const rng = prng(seed);
  const failures: (MutationOutcome & { step: number })[] = [];
  const kinds = new Map<string, number>();
  let messages = 0;
  for (let step = 0; step < count; step++) {
    const outcome = run.mutate(rng);
    kinds.set(outcome.kind, (kinds.get(outcome.kind) ?? 0) + 1);
    messages += outcome.messages;
    if (outcome.violations.length > 0) failures.push({ ...outcome, step });
  }
  return { failures, kinds, messages };
}
