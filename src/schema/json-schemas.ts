// The JSON Schemas made from the zod schemas: the plan-file frontmatter (for editors) and the exported graph.
import { z } from 'zod';
import { graphSchema } from '../../schemas/graph.js';
import { planFileSchema } from '../../schemas/plan-files.js';

/** File name in schemas/ → JSON text (pretty-printed, trailing newline), generated deterministically. */
export function jsonSchemas(): Record<string, string> {
  const render = (schema: z.ZodType, id: string) => {
    const json = z.toJSONSchema(schema, { target: 'draft-07', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    return JSON.stringify({ $id: id, ...json }, null, 2) + '\n';
  };
  return {
    'plan-file.schema.json': render(planFileSchema, 'https://sparbar.se/schemas/plan-file.schema.json'),
    'graph.schema.json': render(graphSchema, 'https://sparbar.se/schemas/graph.schema.json'),
  };
}
