// checkPlans drops a valid file's yaml document once it is validated and keeps its positions as offsets only
// (withoutDocument, the PositionNode walk the check cache uses), so that 10,000 documents are not kept alive through
// the graph. Every place the graph or a rule can ask for must come out the same: this walks every path of every
// frontmatter in the example plan, the fixture plans and seeded mutations (and paths that leave the data) with both.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MUTATIONS } from '../bench/mutations.js';
import { prng } from '../bench/generate-plan.js';
import { MessageSink } from '../src/messages/report.js';
import { readPlanText } from '../src/parse/read-plan-file.js';
import { locate, locateStart, withoutDocument, type ParsedYaml, type YamlPath } from '../src/parse/yaml-frontmatter.js';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? markdownFiles(full) : name.endsWith('.md') ? [full] : [];
  });
}

/** Every path into `data` (maps by key, lists by index), each also with a key and an index that are not there. */
function pathsOf(data: unknown, at: YamlPath = []): YamlPath[] {
  const out: YamlPath[] = [at, [...at, 'saknas'], [...at, 99]];
  if (Array.isArray(data)) data.forEach((v, i) => out.push(...pathsOf(v, [...at, i])));
  else if (data !== null && typeof data === 'object') for (const [k, v] of Object.entries(data)) out.push(...pathsOf(v, [...at, k]));
  return out;
}

/** Every place both walks give for `parsed`, side by side; the number of paths compared. */
function compare(parsed: ParsedYaml): number {
  const lean = withoutDocument(parsed);
  expect(lean.document).toBeUndefined();
  expect(locateStart(lean)).toEqual(locateStart(parsed));
  const paths = pathsOf(parsed.data);
  for (const p of paths) {
    for (const at of ['key', 'value'] as const) expect([p, at, locate(lean, p, at)]).toEqual([p, at, locate(parsed, p, at)]);
    expect([p, lean.walk(p)]).toEqual([p, parsed.walk(p)]);
  }
  return paths.length;
}

function readAll(text: string, file: string): ParsedYaml | undefined {
  const read = readPlanText(Buffer.from(text), file, new MessageSink());
  return read && !read.broken ? read.parsed : undefined;
}

describe('positions without the yaml document are the positions with it', () => {
  const files = [...markdownFiles('plans'), ...markdownFiles('test/fixtures')];

  it('every path of every frontmatter in the example plan and the fixtures', () => {
    let paths = 0;
    let read = 0;
    for (const file of files) {
      const parsed = readAll(readFileSync(file, 'utf8'), file);
      if (!parsed) continue;
      read++;
      paths += compare(parsed);
    }
    expect(read).toBeGreaterThan(500);
    expect(paths).toBeGreaterThan(15_000);
  });

  it('seeded mutations of the example plan (tabs, no-break spaces, NFD, flow lists, odd keys)', () => {
    const rng = prng(11);
    const texts = markdownFiles('plans').map((f) => readFileSync(f, 'utf8'));
    const kinds = Object.values(MUTATIONS);
    let compared = 0;
    for (let i = 0; i < 600; i++) {
      const mutated = rng.pick(kinds)(rng.pick(texts), rng);
      if (mutated === null) continue;
      const parsed = readAll(mutated, 'mutated.md');
      if (!parsed) continue;
      compare(parsed);
      compared++;
    }
    expect(compared).toBeGreaterThan(200);
  });
});
