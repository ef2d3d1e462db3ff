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

/** normalizeValues with `path` as a stack the walk pushes to and pops from (no path array per value). */
function normalizeAt(data: unknown, schema: z.ZodType, path: (string | number)[]): unknown {
  if (typeof data === 'string') {
    // Printable ASCII is already as it is meant.
    if (!/[^\t\n\x20-\x7e]/.test(data)) return data;
    const at = schemaAt(schema, path);
    if (at === undefined || !isTokenSchema(at)) return data;
    return normalizeToken(data);
  }
  if (Array.isArray(data)) {
    let changed = false;
    const out = data.map((v, i) => {
      path.push(i);
      const n = normalizeAt(v, schema, path);
      path.pop();
      if (n !== v) changed = true;
      return n;
    });
    return changed ? out : data;
  }
  if (data !== null && typeof data === 'object') {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(data)) {
      path.push(k);
      const n = normalizeAt(v, schema, path);
      path.pop();
      if (n !== v) changed = true;
      out[k] = n;
    }
    return changed ? out : data;
  }
  return data;
}
