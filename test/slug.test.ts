// Public addresses depend on the id alone: readable for ids written the usual way, never shared by two ids,
// and never moved by an edit elsewhere in the plan.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ID_PATTERN } from '../schemas/plan-files.js';
import { checkPlans } from '../src/check/check-plans.js';
import { SiteModel } from '../src/site/model.js';
import { documentAddress, encodedAddress, nodeAddress, slugify } from '../src/util/slug.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sparbar-slug-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A seeded pseudo-random generator (mulberry32), so every run tries the same ids. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Valid ids (ID_PATTERN) built from the characters that make addresses collide: case, å ä ö, separators, other scripts. */
function validIds(count: number): string[] {
  const first = [...'AaBbFfMmOoÅåÄäÖö019٣Ωé'];
  const rest = [...first, '.', '-', '_', '.', '-'];
  const next = random(9);
  const pick = (list: string[]) => list[Math.floor(next() * list.length)]!;
  const ids = new Set<string>(['FO2.3', 'FO2-3', 'fo2.3', 'fo2-3', 'FO2_3', 'FO2..3', 'Å1', 'A1', 'å1', 'a1', 'AA1', 'sok', 'SOK', 'e\u0301', 'é']);
  while (ids.size < count) {
    let id = pick(first);
    const length = Math.floor(next() * 6);
    for (let i = 0; i < length; i++) id += pick(rest);
    ids.add(id);
  }
  return [...ids].filter((id) => ID_PATTERN.test(id));
}

describe('addresses of ids', () => {
  it('keeps the readable address of ids written the usual way (no existing address changes)', () => {
    for (const [id, address] of [['FO2.3', 'fo2-3'], ['M1', 'm1'], ['A01', 'a01'], ['SP12', 'sp12'], ['I6.1', 'i6-1'], ['O2', 'o2'], ['FO2.10', 'fo2-10'], ['2024', '2024']]) {
      expect(nodeAddress(id!)).toBe(address);
      expect(nodeAddress(id!)).toBe(slugify(id!));
    }
    for (const id of ['ekby', 'ekby-it-policy', 'ekby-digplan-2024-2027', 'kalmby-plan-2025']) expect(documentAddress(id)).toBe(id);
  });

  it('is the same as before for every node and document of the example plan', () => {
    const { graph } = checkPlans('plans');
    for (const n of graph.nodes) {
      // A sub-point with an id (SP8.a) has no page of its own: it is an anchor on its principle's page.
      if (n.type === 'underpunkt') continue;
      const address = n.type === 'policy' || n.type === 'plan' || n.type === 'organisation' ? documentAddress(n.id) : nodeAddress(n.id);
      expect(address, n.key).toBe(slugify(n.id));
    }
  });

  it('gives any other id an address with the readable form, an underscore and the id in hex', () => {
    expect(nodeAddress('Å1')).toBe('a1_c38531');
    expect(nodeAddress('FO-2.3')).toBe('fo-2-3_464f2d322e33');
    expect(nodeAddress('m1')).toBe('m1_6d31');
    expect(nodeAddress('FO2..3')).toBe('fo2-3_464f322e2e33');
    expect(documentAddress('Älvdalen')).toBe('alvdalen_c3846c7664616c656e');
    expect(documentAddress('sok', new Set(['sok']))).toBe('sok_736f6b');
    expect(encodedAddress('٣')).toBe('id_d9a3');
  });

  it('never gives two valid ids the same address, and every address is a lower-case URL segment', () => {
    const ids = validIds(20_000);
    expect(ids.length).toBeGreaterThan(10_000);
    for (const [name, address] of [['node', nodeAddress], ['document', (id: string) => documentAddress(id, new Set(['sok', 'planer']))]] as const) {
      const seen = new Map<string, string>();
      for (const id of ids) {
        const a = address(id);
        expect(a, id).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
        const other = seen.get(a);
        expect(other, `${name}: ${id} and ${other} share ${a}`).toBeUndefined();
        seen.set(a, id);
      }
    }
  });
});

describe('a page keeps its address when the plan changes elsewhere', () => {
  const PLAN = 'ekby/plan-2024-2027';
  const action = (id: string, title: string) => `---\ntyp: aktivitet\nid: ${id}\ntitel: ${title}\nbidrar_till: [FO2.1]\nansvarig: IT-enheten\nslut: 2026-12-31\nstatus: pågår\n---\n`;

  it('Å1 keeps its address when A1 (and a1, A-1) are added, and each gets its own', () => {
    const dir = path.join(tmp, 'plan');
    cpSync('plans', dir, { recursive: true });
    writeFileSync(path.join(dir, PLAN, 'aktiviteter/Å1.md'), action('Å1', 'Med å'));
    const before = checkPlans(dir);
    expect(before.messages.filter((m) => m.fatal === true)).toEqual([]);
    const urlBefore = new SiteModel(before.graph).url(`ekby-digplan-2024-2027:Å1`);

    for (const id of ['A1', 'a1', 'A-1']) writeFileSync(path.join(dir, PLAN, `aktiviteter/${id}.md`), action(id, `Utan å ${id}`));
    const after = checkPlans(dir);
    expect(after.messages.filter((m) => m.fatal === true)).toEqual([]);
    const model = new SiteModel(after.graph);
    expect(model.url(`ekby-digplan-2024-2027:Å1`)).toBe(urlBefore);
    expect(urlBefore).toBe('/ekby-digplan-2024-2027/aktivitet/a1_c38531/');
    expect(model.url(`ekby-digplan-2024-2027:A1`)).toBe('/ekby-digplan-2024-2027/aktivitet/a1/');
    const urls = after.graph.nodes.map((n) => model.pathOf(n.key)).filter((p) => p !== undefined);
    expect(new Set(urls).size).toBe(urls.length);
    // Every other page kept its address too.
    const old = new SiteModel(before.graph);
    for (const n of before.graph.nodes) expect(model.pathOf(n.key), n.key).toBe(old.pathOf(n.key));
  });
});
