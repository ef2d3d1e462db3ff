// Reads a zod schema's structure: which keys an object at a path allows.
import type { z } from 'zod';
import type { YamlPath } from '../parse/yaml-frontmatter.js';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

/** The schema at `path` inside `schema`, or undefined when the path leaves it. */
export function schemaAt(schema: z.ZodType, path: YamlPath): z.ZodType | undefined {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) current = schemaStep(current, segment);
  return current;
}

/**
 * The schema one step below `current` (already unwrapped) at `segment`: an object's key (its own keys only, so that
 * `constructor` or `toString` written as a key is no schema), an array's or a record's element; undefined when the
 * path leaves the schema.
 */
export function schemaStep(current: z.ZodType | undefined, segment: string | number): z.ZodType | undefined {
  if (!current) return undefined;
  const def = defOf(current);
  let next: z.ZodType | undefined;
  if (def.type === 'object' && def.shape && typeof segment === 'string') next = Object.hasOwn(def.shape, segment) ? def.shape[segment] : undefined;
  else if (def.type === 'array' && def.element) next = def.element;
  else if (def.type === 'record' && def.valueType) next = def.valueType;
  else return undefined;
  return next ? unwrap(next) : next;
}

/** The keys an object at `path` allows, in schema order (empty when it is not an object). */
export function keysAt(schema: z.ZodType, path: YamlPath): string[] {
  const at = schemaAt(schema, path);
  if (!at) return [];
  const def = defOf(at);
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** The required keys of the object at `path`. */
export function requiredKeysAt(schema: z.ZodType, path: YamlPath): string[] {
  const at = schemaAt(schema, path);
  if (!at) return [];
  const def = defOf(at);
  if (def.type !== 'object' || !def.shape) return [];
  return Object.entries(def.shape)
    .filter(([, s]) => defOf(s).type !== 'optional')
    .map(([k]) => k);
}

/**
 * True when the schema takes a value from a fixed form rather than free text: an enum or literal, or a string with a
 * pattern (ids, references, dates, periods, codes). Such values are compared as they are meant (normalizeToken).
 */
export function isTokenSchema(schema: z.ZodType): boolean {
  const def = defOf(unwrap(schema)) as Def & { checks?: { _zod: { def: { check?: string; format?: string } } }[] };
  if (def.type === 'enum' || def.type === 'literal') return true;
  return def.type === 'string' && (def.checks ?? []).some((c) => c._zod.def.check === 'string_format');
}
