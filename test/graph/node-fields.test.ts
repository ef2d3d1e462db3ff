// A node's fields are typed from the file format's zod schemas; these tests check that the types describe the
// graph JSON that is really built, and (at compile time, `npm run typecheck`) that the types follow the schemas.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { SCHEMA_BY_TYPE, inlineFokusomradeSchema, inlineStyrprincipSchema, omradeSchema, type AktivitetFile } from '../../schemas/plan-files.js';
import { checkPlans } from '../../src/check/check-plans.js';
import { indexGraph } from '../../src/graph/graph-index.js';
import { LINK_KEYS, fileFields } from '../../src/graph/node-fields.js';
import type { GraphNode, NodeOf, NodeType } from '../../src/graph/types.js';

/** `schema.omit(keys)` for any of the object schemas (zod's own typing wants the keys as literals). */
const omit = (schema: unknown, keys: readonly string[]): z.ZodType =>
  (schema as { omit(mask: Record<string, true>): z.ZodType }).omit(Object.fromEntries(keys.map((k) => [k, true])));

/** The zod schema a node's fields must pass: its file's schema without typ, id, titel and link keys (or an inline node's map). */
function fieldSchemas(type: NodeType): z.ZodType[] {
  if (type === 'område') return [omit(omradeSchema, ['id', 'titel', 'beskrivning', 'styrprinciper'])];
  // A sub-point with an id (SP12.a) is written as { id, titel } and keeps no fields.
  if (type === 'underpunkt') return [z.strictObject({})];
  // Effects and success factors are written as { id, titel, beskrivning } in their policy or plan and keep no fields.
  if (type === 'effektmål' || type === 'framgångsfaktor') return [z.strictObject({})];
  const file = omit(SCHEMA_BY_TYPE[type], ['typ', 'id', 'titel', ...LINK_KEYS[type]]);
  if (type === 'styrprincip') return [file, omit(inlineStyrprincipSchema, ['id', 'titel', 'beskrivning'])];
  if (type === 'fokusområde') return [file, omit(inlineFokusomradeSchema, ['id', 'titel', 'beskrivning', 'styrprinciper', 'effektmål', 'framgångsfaktorer'])];
  return [file];
}

describe('node fields', () => {
  const { graph } = checkPlans('plans');

  it('are, for every node of the example plan, what the schema of its type allows, and nothing else', () => {
    const types = new Set(graph.nodes.map((n) => n.type));
    expect(types.size).toBe(10); // every node type but effektmål and framgångsfaktor (in test/fixtures/plans-vision), sub-points with ids (underpunkt) among them
    const wrong = graph.nodes.filter((n) => !fieldSchemas(n.type).some((s) => s.safeParse(n.fields).success)).map((n) => n.key);
    expect(wrong).toEqual([]);
  });

  it('leave out typ, id, titel and the link keys, in key order', () => {
    const value: AktivitetFile = { typ: 'aktivitet', id: 'A1', titel: 'T', bidrar_till: ['FO1'], status: 'pågår', beroenden: ['A2'], ansvarig: 'IT' };
    const fields = fileFields(value, 'aktivitet');
    expect(Object.keys(fields)).toEqual(['ansvarig', 'status']);
  });

  it('narrow with the node type, and the index hands out nodes of a type with their fields typed', () => {
    const index = indexGraph(graph.nodes, graph.edges);
    const action = index.ofType('aktivitet')[0]!;
    expectTypeOf(action.fields.slut).toEqualTypeOf<string | undefined>();
    expectTypeOf(action.fields.status).toEqualTypeOf<AktivitetFile['status']>();
    expectTypeOf<NodeOf<'plan'>['fields']['period']>().toEqualTypeOf<{ från: number; till: number } | undefined>();
    expectTypeOf<NodeOf<'aktivitet'>['fields']>().not.toHaveProperty('bidrar_till');
    expectTypeOf<NodeOf<'indikator'>['fields']>().not.toHaveProperty('mäter');
    const targets = (node: GraphNode) => (node.type === 'indikator' ? node.fields.målvärden : undefined);
    expectTypeOf(targets).returns.toEqualTypeOf<Record<string, number> | undefined>();
    expect(index.nodeOf(action.key, 'aktivitet')).toBe(action);
    expect(index.nodeOf(action.key, 'mål')).toBeUndefined();
  });
});
