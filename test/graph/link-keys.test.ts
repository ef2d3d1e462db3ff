import { describe, expect, it } from 'vitest';
import { NODE_TYPE_NAMES } from '../../schemas/graph.js';
import { SCHEMA_BY_TYPE } from '../../schemas/plan-files.js';
import { FOLLOWED_UP, LINK_KEYS } from '../../src/graph/link-keys.js';

// The one table of link keys is read by the graph, the shadows of files with errors and the editor: a key that the
// file format does not have, or a type that is not a node type, would make all three wrong together.
describe('LINK_KEYS', () => {
  for (const [typ, keys] of Object.entries(LINK_KEYS)) {
    it(`${typ}: every link key is a key of the file format and names node types`, () => {
      const shape = SCHEMA_BY_TYPE[typ as keyof typeof SCHEMA_BY_TYPE].shape as Record<string, unknown>;
      for (const [key, { allowed }] of Object.entries(keys)) {
        expect(Object.keys(shape), `${typ}.${key}`).toContain(key);
        expect(allowed.length, `${typ}.${key}`).toBeGreaterThan(0);
        for (const type of allowed) expect(NODE_TYPE_NAMES, `${typ}.${key}`).toContain(type);
      }
    });
  }

  it('a follow-up is written for node types only, and its avser is a key of its file', () => {
    expect(Object.keys(SCHEMA_BY_TYPE.uppföljning.shape)).toContain('avser');
    for (const type of FOLLOWED_UP) expect(NODE_TYPE_NAMES).toContain(type);
  });
});
