// Values from a fixed form read as they are meant: `status: ej påbörjad` with a no-break space (Alt+Space on a Mac),
// an id with a zero-width space from a PDF, an NFD `pågår` are the format's own values. Free text is left as written.
import type { z } from 'zod';
import { normalizeToken } from '../files/characters.js';
import type { YamlPath } from '../parse/yaml-frontmatter.js';
import { isTokenSchema, schemaAt, schemaStep } from './schema-walk.js';

/**
 * `data` with every string whose schema is a token (isTokenSchema, at the string's path: schemaAt) normalised; the
 * same object when nothing changed, and a list or map is copied only when something in it changes.
 */
export function normalizeValues(data: unknown, schema: z.ZodType, path: YamlPath = []): unknown {
  return normalizerOf(schemaAt(schema, path))(data);
}

/** What a value under one schema becomes: the value itself when nothing in it is a token to normalise. */
type Normalizer = (data: unknown) => unknown;

const unchanged: Normalizer = (data) => data;

/** Printable ASCII, tabs and line feeds are already as they are meant. */
const NOT_PLAIN = /[^\t\n\x20-\x7e]/;

const token: Normalizer = (data) => (typeof data === 'string' && NOT_PLAIN.test(data) ? normalizeToken(data) : data);

/**
 * One normaliser per schema (already unwrapped), made when a value first meets it. It does what walking the schema
 * along each value's path does (schemaStep, one step at a time), without a path: a string is looked at only where the
 * schema is a token, and a list's or map's entries go to the schema one step below (none, and so left as they are,
 * where the step leaves the schema).
 */
const normalizers = new WeakMap<z.ZodType, Normalizer>();

function normalizerOf(schema: z.ZodType | undefined): Normalizer {
  if (schema === undefined) return unchanged;
  let made = normalizers.get(schema);
  if (made === undefined) normalizers.set(schema, (made = makeNormalizer(schema)));
  return made;
}

function makeNormalizer(schema: z.ZodType): Normalizer {
  if (isTokenSchema(schema)) return token;
  // Each step below, by segment, looked up once: a list index steps as every other index does (schemaStep does not
  // read the number, nor a list's or a record's the key), an object's by its key (keys the schema does not have are
  // not kept: a writer's misspelt keys are not remembered).
  const below = schemaStep(schema, 0);
  const byIndex = normalizerOf(below);
  const uniform = below !== undefined;
  const byKey = new Map<string, Normalizer>();
  const keyStep = (key: string): Normalizer => {
    if (uniform) return byIndex;
    let n = byKey.get(key);
    if (n === undefined) {
      n = normalizerOf(schemaStep(schema, key));
      if (n !== unchanged) byKey.set(key, n);
    }
    return n;
  };
  const indexStep = (): Normalizer => byIndex;
  return (data) => {
    if (Array.isArray(data)) {
      const step = indexStep();
      if (step === unchanged) return data;
      let out: unknown[] | undefined;
      for (let i = 0; i < data.length; i++) {
        const v: unknown = data[i];
        const n = step(v);
        if (n !== v) (out ??= data.slice())[i] = n;
      }
      return out ?? data;
    }
    if (data !== null && typeof data === 'object') {
      const record = data as Record<string, unknown>;
      let out: Record<string, unknown> | undefined;
      for (const k of Object.keys(record)) {
        const step = keyStep(k);
        if (step === unchanged) continue;
        const v = record[k];
        const n = step(v);
        if (n !== v) (out ??= { ...record })[k] = n;
      }
      return out ?? data;
    }
    return data;
  };
}
