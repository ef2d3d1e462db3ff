// The traceability graph: the one structure every consumer (CLI, reports, site, exports) reads. Types come from its
// schema (schemas/graph.ts), and a node's fields from the file format's schemas (./node-fields.ts).
import type { z } from 'zod';
import type {
  coverageSchema,
  documentYearsSchema,
  derivedSchema,
  followUpSchema,
  graphEdgeSchema,
  graphNodeSchema,
  graphSchema,
  indicatorPointSchema,
  indicatorSeriesSchema,
  rollupSchema,
  sourcePositionSchema,
  statusCountsSchema,
} from '../../schemas/graph.js';
import type { AKTIVITET_STATUS, BEDOMNING } from '../../schemas/plan-files.js';
import type { EDGE_TYPES, NODE_TYPE_NAMES } from '../../schemas/graph.js';
import type { NodeFieldsByType } from './node-fields.js';

export { GRAPH_FORMAT, GRAPH_VERSION } from '../../schemas/graph.js';

export type NodeType = (typeof NODE_TYPE_NAMES)[number];
export type EdgeType = (typeof EDGE_TYPES)[number];
export type Assessment = (typeof BEDOMNING)[number];
export type ActionStatus = (typeof AKTIVITET_STATUS)[number];
export type SourcePosition = z.infer<typeof sourcePositionSchema>;
export type { FileFields, NodeFieldsByType } from './node-fields.js';

/**
 * A node of type `T`, its `fields` typed from its file's schema: `NodeOf<'aktivitet'>['fields']['slut']` is
 * `string | undefined`. The JSON is the same as the graph schema's node (whose fields are any record).
 */
export type NodeOf<T extends NodeType> = T extends NodeType ? Omit<z.infer<typeof graphNodeSchema>, 'type' | 'fields'> & { type: T; fields: NodeFieldsByType[T] } : never;

/** The fields of any node. */
export type NodeFields = NodeFieldsByType[NodeType];

/** Any node: a union on `type`, so checking `node.type` narrows `node.fields`. */
export type GraphNode = NodeOf<NodeType>;
export type GraphEdge = z.infer<typeof graphEdgeSchema>;
export type FollowUp = z.infer<typeof followUpSchema>;
export type StatusCounts = z.infer<typeof statusCountsSchema>;
export type Rollup = z.infer<typeof rollupSchema>;
export type IndicatorPoint = z.infer<typeof indicatorPointSchema>;
export type IndicatorSeries = z.infer<typeof indicatorSeriesSchema>;
export type Coverage = z.infer<typeof coverageSchema>;
export type DocumentYears = z.infer<typeof documentYearsSchema>;
export type Derived = z.infer<typeof derivedSchema>;
export type Graph = Omit<z.infer<typeof graphSchema>, 'nodes'> & { nodes: GraphNode[] };
