// `sparbar ny <typ>`: plans a new node file — where it goes, its next free id, its required keys and a short
// guide in YAML comments — from the graph of the plan. Pure: graph in, planned file (or a Swedish reason) out.
// Each type's part is one entry of the table in node-scaffolds.ts; the file is written by the yaml package
// (src/parse/write-frontmatter.ts), so any title or owner reads back exactly as given.
import type { Graph } from '../graph/types.js';
import { writePlanFile } from '../parse/write-frontmatter.js';
import { NEW_NODE_TYPES, scaffoldContext, type NewNodeOptions, type NewNodeType } from './context.js';
import { NODE_SCAFFOLDS } from './node-scaffolds.js';

export { NEW_NODE_TYPES, NewNodeError, nextId, type NewNodeOptions, type NewNodeType } from './context.js';

/**
 * The type a user typed, or undefined. Spelt exactly as `typ:` in a file, so `sparbar ny mal` is refused with
 * the same suggestion (`mål`) as `typ: mal` in a file: the format has one spelling of each type.
 */
export function parseNewNodeType(s: string): NewNodeType | undefined {
  return (NEW_NODE_TYPES as readonly string[]).includes(s) ? (s as NewNodeType) : undefined;
}

export interface PlannedNode {
  /** Path relative to the plans folder. */
  path: string;
  id: string;
  type: NewNodeType;
  content: string;
  /** Keys left for the user to fill in (they give warnings until then). */
  toFill: string[];
}

/** Plans the new file; throws NewNodeError when the arguments do not say enough (with what to add). */
export function planNewNode(graph: Graph, type: NewNodeType, options: NewNodeOptions): PlannedNode {
  const draft = NODE_SCAFFOLDS[type](scaffoldContext(graph, options));
  const content = writePlanFile(draft.entries, { guide: [...draft.guide, 'Spara och kör: npx sparbar check'], ...(draft.after ? { after: draft.after } : {}), body: '\n' });
  return { type, id: draft.id, path: draft.file.replace(/^\/+/, ''), toFill: draft.toFill, content };
}
