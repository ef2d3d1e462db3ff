// The traceability graph: the one structure every consumer (CLI, reports, site, exports) reads. Types come from its schema.
import type { z } from 'zod';
import type {
  coverageSchema,
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

export { GRAPH_FORMAT, GRAPH_VERSION } from '../../schemas/graph.js';

export type NodeType = (typeof NODE_TYPE_NAMES)[number];
export type EdgeType = (typeof EDGE_TYPES)[number];
export type Assessment = (typeof BEDOMNING)[number];
export type ActionStatus = (typeof AKTIVITET_STATUS)[number];
export type SourcePosition = z.infer<typeof sourcePositionSchema>;
export type GraphNode = z.infer<typeof graphNodeSchema>;
export type GraphEdge = z.infer<typeof graphEdgeSchema>;
export type FollowUp = z.infer<typeof followUpSchema>;
export type StatusCounts = z.infer<typeof statusCountsSchema>;
export type Rollup = z.infer<typeof rollupSchema>;
export type IndicatorPoint = z.infer<typeof indicatorPointSchema>;
export type IndicatorSeries = z.infer<typeof indicatorSeriesSchema>;
export type Coverage = z.infer<typeof coverageSchema>;
export type Derived = z.infer<typeof derivedSchema>;
export type Graph = z.infer<typeof graphSchema>;
