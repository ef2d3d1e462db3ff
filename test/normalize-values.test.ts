// normalizeValues walks a file's data with one normaliser per schema (made once) instead of walking the schema along
// every string's path. Both must give the same: this keeps the walk by path (the implementation before) as the
// reference and compares the two on every file of the example plan and the fixtures, on seeded mutations, and on the
// same data with unusual spaces, NFD and zero-width characters put into every string, key and list.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { MUTATIONS } from '../bench/mutations.js';
import { prng, type Rng } from '../bench/generate-plan.js';
import { SCHEMA_BY_TYPE } from '../schemas/plan-files.js';
import { normalizeToken } from '../src/files/characters.js';
import { MessageSink } from '../src/messages/report.js';
import { readPlanText } from '../src/parse/read-plan-file.js';
import type { YamlPath } from '../src/parse/yaml-frontmatter.js';
import { normalizeValues } from '../src/validate/normalize-values.js';
import { isTokenSchema, schemaAt } from '../src/validate/schema-walk.js';

/** The reference: each string's schema found by walking the schema along its path. */
function byPath(data: unknown, schema: z.ZodType, path: (string | number)[] = []): unknown {
  if (typeof data === 'string') {
    if (!/[^\t\n\x20-\x7e]/.test(data)) return data;
    const at = schemaAt(schema, path);
    return at !== undefined && isTokenSchema(at) ? normalizeToken(data) : data;
  }
  if (Array.isArray(data)) {
    let out: unknown[] | undefined;
    data.forEach((v, i) => {
      const n = byPath(v, schema, [...path, i]);
      if (n !== v) (out ??= data.slice())[i] = n;
    });
    return out ?? data;
  }
  if (data !== null && typeof data === 'object') {
    const record = data as Record<string, unknown>;
    let out: Record<string, unknown> | undefined;
    for (const k of Object.keys(record)) {
      const n = byPath(record[k], schema, [...path, k]);
      if (n !== record[k]) (out ??= { ...record })[k] = n;
    }
    return out ?? data;
  }
  return data;
}

const ODD = ['\u00a0', '\u202f', '\u200b', '\ufeff', 'a\u030a', '\u00ad', '\u3000', ' ', '\t'];

/** `data` with odd characters put into its strings (and, now and then, a value replaced by a list, a map or a number). */
function spoil(data: unknown, rng: Rng): unknown {
  if (typeof data === 'string') {
    if (rng.chance(0.2)) return rng.pick([['x', `${data}${rng.pick(ODD)}`], { id: `${rng.pick(ODD)}${data}` }, 12, null]);
    if (!rng.chance(0.6)) return data;
    const at = rng.int(0, data.length);
    return `${data.slice(0, at)}${rng.pick(ODD)}${data.slice(at)}`;
  }
  if (Array.isArray(data)) return data.map((v) => spoil(v, rng));
  if (data !== null && typeof data === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(data)) out[rng.chance(0.1) ? `${k}${rng.pick(ODD)}` : k] = spoil(v, rng);
    return out;
  }
  return data;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? markdownFiles(full) : name.endsWith('.md') ? [full] : [];
  });
}

const schemas = SCHEMA_BY_TYPE as Record<string, z.ZodType>;

/** Compares the two on `data` under the schema of every type (a file can be checked against the wrong one). */
function agree(data: unknown, typ: string | undefined, path: YamlPath = []): void {
  const types = typ !== undefined && Object.hasOwn(schemas, typ) ? [typ] : Object.keys(schemas);
  for (const t of types) {
    const schema = schemas[t]!;
    const expected = byPath(data, schema, [...path]);
    const got = normalizeValues(data, schema, path);
    expect(got).toEqual(expected);
    // Unchanged data is handed back as the same object; changed data is a new one, the input untouched.
    expect(got === data).toBe(expected === data);
  }
}

describe('normalizeValues gives what the walk along each path gives', () => {
  const texts = [...markdownFiles('plans'), ...markdownFiles('test/fixtures')].map((f) => readFileSync(f, 'utf8'));
  const dataOf = (text: string) => {
    const read = readPlanText(Buffer.from(text), 'f.md', new MessageSink());
    return read && !read.broken ? read.data : undefined;
  };

  it('every file of the example plan and the fixtures, as written and with odd characters in it', () => {
    const rng = prng(17);
    let files = 0;
    for (const text of texts) {
      const data = dataOf(text);
      if (data === undefined) continue;
      files++;
      agree(data, data.typ);
      agree(spoil(data, rng), data.typ);
    }
    expect(files).toBeGreaterThan(500);
  });

  it('every schema on spoiled data, and from a path inside it', () => {
    const rng = prng(5);
    for (let i = 0; i < 150; i++) {
      const data = dataOf(rng.pick(texts));
      if (data === undefined) continue;
      agree(spoil(spoil(data, rng), rng), undefined);
      agree({ områden: [{ styrprinciper: [spoil(data, rng)] }] }, undefined, []);
      agree(spoil(data, rng), undefined, ['fokusområden', 0]);
    }
  });

  it('seeded mutations of the example plan', () => {
    const rng = prng(23);
    const example = markdownFiles('plans').map((f) => readFileSync(f, 'utf8'));
    const kinds = Object.values(MUTATIONS);
    let compared = 0;
    for (let i = 0; i < 400; i++) {
      const mutated = rng.pick(kinds)(rng.pick(example), rng);
      const data = mutated === null ? undefined : dataOf(mutated);
      if (data === undefined) continue;
      agree(data, data.typ);
      compared++;
    }
    expect(compared).toBeGreaterThan(150);
  });
});
