// The plan's texts parsed on both cores (src/site/parse-texts.ts): the worker thread's trees are the ones this
// thread makes, in the same order, links resolved the same way; a worker that cannot start changes nothing.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlans } from '../../src/check/check-plans.js';
import { comparePlanPaths } from '../../src/files/discover.js';
import { siteRoot } from '../../src/site/build-site.js';
import { markdownToSafeTree } from '../../src/site/markdown.js';
import { SiteModel } from '../../src/site/model.js';
import { parseTexts, textsToParse } from '../../src/site/parse-texts.js';

const root = path.resolve(import.meta.dirname, '../..');
const workerFile = path.join(siteRoot(), 'lib', 'src', 'site', 'parse-texts-worker.js');

describe('parseTexts', () => {
  const { graph } = checkPlans(path.join(root, 'plans'));
  const texts = textsToParse(graph);

  it('lists each non-blank body of nodes and follow-ups once, in the plans folder\'s file order', () => {
    expect(texts.length).toBeGreaterThan(50);
    expect(new Set(texts.map((t) => t.key)).size).toBe(texts.length);
    expect(texts.every((t) => t.text.trim() !== '')).toBe(true);
    const bodies = [...graph.nodes, ...graph.followUps].filter((n) => n.body.trim() !== '');
    expect(new Set(texts.map((t) => t.key))).toEqual(new Set(bodies.map((n) => `${n.source.file}\u0000${n.body}`)));
    const files = texts.map((t) => t.file);
    expect(files).toEqual([...files].sort(comparePlanPaths));
    // A file's texts in the graph's order: nodes before follow-ups, each in its list's order.
    const file = files.find((f, i) => files.indexOf(f) !== i)!;
    expect(file).toBeDefined();
    expect(texts.filter((t) => t.file === file).map((t) => t.text)).toEqual([...new Set(bodies.filter((n) => n.source.file === file).map((n) => n.body))]);
  });

  it('gives the trees SiteModel-resolved parsing gives, with half of them parsed in a worker thread', async () => {
    const model = new SiteModel(graph, { base: '/plan/' });
    // Two more texts that link to M1's file (one of them falls to the worker): resolved under the same base.
    const fo = graph.nodes.find((n) => n.type === 'fokusområde')!.source.file;
    const linking = [0, 1].map((k) => ({ key: `${fo}\u0000länk ${k}`, text: `Se [målet](../mal/M1.md) (${k}).`, file: fo }));
    const all = [...texts, ...linking];
    const expected = all.map((t) => [t.key, markdownToSafeTree(t.text, { resolveLink: (href) => model.resolveSourceLink(href, t.file) })]);
    const both = await parseTexts(all, graph.nodes, '/plan/', workerFile, 0);
    expect([...both]).toEqual(expected);
    for (const t of linking) expect(JSON.stringify(both.get(t.key))).toContain('"href":"/plan/ekby-digplan-2024-2027/mal/m1/"');
    const alone = await parseTexts(all, graph.nodes, '/plan/', workerFile, Number.POSITIVE_INFINITY);
    expect([...alone]).toEqual(expected);
  });

  it('parses everything in this thread when the worker cannot start', async () => {
    const trees = await parseTexts(texts, graph.nodes, '/', path.join(root, 'finns-inte', 'worker.js'), 0);
    expect([...trees.keys()]).toEqual(texts.map((t) => t.key));
    expect([...trees.values()].every((t) => t.type === 'root' && t.children.length > 0)).toBe(true);
  });
});
