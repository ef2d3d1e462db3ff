import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphSchema } from '../schemas/graph.js';
import { checkPlans } from '../src/check/check-plans.js';
import { jsonSchemas } from '../src/schema/json-schemas.js';

describe('generated JSON Schemas', () => {
  it.each(Object.entries(jsonSchemas()))('schemas/%s matches the zod schemas (run `npm run schemas` after changing them)', (name, text) => {
    expect(readFileSync(new URL(`../schemas/${name}`, import.meta.url), 'utf8')).toBe(text);
  });

  it('the plan-file schema offers every typ with its required keys for editors', () => {
    const schema = JSON.parse(jsonSchemas()['plan-file.schema.json']!) as { oneOf: { properties: { typ: { const: string } }; required: string[] }[] };
    const byTyp = Object.fromEntries(schema.oneOf.map((s) => [s.properties.typ.const, s.required]));
    expect(Object.keys(byTyp).sort()).toEqual(['aktivitet', 'fokusområde', 'indikator', 'mål', 'organisation', 'plan', 'policy', 'styrprincip', 'uppföljning']);
    expect(byTyp['aktivitet']).toEqual(['typ', 'id', 'titel', 'bidrar_till']);
    // författare is written when the follow-up is filled in; one opened by uppfoljning ny has none yet.
    expect(byTyp['uppföljning']).toEqual(['typ', 'avser', 'period']);
  });
});

describe('graph schema', () => {
  it('accepts the example plan graph (strict: no unknown keys anywhere)', () => {
    const { graph } = checkPlans('plans');
    const result = graphSchema.safeParse(JSON.parse(JSON.stringify(graph)));
    expect(result.success ? [] : result.error.issues.slice(0, 3)).toEqual([]);
  });

  it('rejects a graph with a key the schema does not know', () => {
    const { graph } = checkPlans('plans');
    const broken = { ...JSON.parse(JSON.stringify(graph)), extra: true };
    expect(graphSchema.safeParse(broken).success).toBe(false);
  });
});
