// The graph as JSON text: the documented, versioned export; same graph, same bytes.
import type { Graph } from './types.js';

/** Pretty-printed JSON of the graph with a trailing newline. */
export function graphToJson(graph: Graph): string {
  return JSON.stringify(graph, null, 2) + '\n';
}
