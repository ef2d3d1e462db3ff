// Values from a fixed form read as they are meant: `status: ej påbörjad` with a no-break space (Alt+Space on a Mac),
// an id with a zero-width space from a PDF, an NFD `pågår` are the format's own values. Free text is left as written.
import type { z } from 'zod';
import { normalizeToken } from '../files/characters.js';
import type { YamlPath } from '../parse/yaml-frontmatter.js';
import { isTokenSchema, schemaAt } from './schema-walk.js';

/** `data` with every string whose schema is a token (isTokenSchema) normalised; the same object when nothing changed. */
export function normalizeValues(data: unknown, schema: z.ZodType, path: YamlPath = []): unknown {
  return normalizeAt(data, schema, [...path]);
}

/**
 * normalizeValues with `path` as a stack the walk pushes to and pops from (no path array per value); a list or map is
 * copied only when something in it changes.
 */
function normalizeAt(data: unknown, schema: z.ZodType, path: (string | number)[]): unknown {
  if (typeof data === 'string') {
    // Printable ASCII is already as it is meant.
    if (!/[^\t\n\x20-\x7e]/.test(data)) return data;
    const at = schemaAt(schema, path);
    if (at === undefined || !isTokenSchema(at)) return data;
    return normalizeToken(data);
  }
  if (Array.isArray(data)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < data.length; i++) {
      const v: unknown = data[i];
      path.push(i);
      const n = normalizeAt(v, schema, path);
      path.pop();
      if (n !== v) (out ??= data.slice())[i] = n;
    }
    return out ?? data;
  }
  if (data !== null && typeof data === 'object') {
    const record = data as Record<string, unknown>;
    let out: Record<string, unknown> | undefined;
    for (const k of Object.keys(record)) {
      const v = record[k];
      path.push(k);
      const n = normalizeAt(v, schema, path);
      path.pop();
      if (n !== v) (out ??= { ...record })[k] = n;
    }
    return out ?? data;
  }
  return data;
}
