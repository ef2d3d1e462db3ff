// `check --require-period`: every active node of the period must have a filled-in follow-up.
import type { Graph } from '../graph/types.js';
import { indexGraph } from '../graph/graph-index.js';
import { MessageSink } from '../messages/report.js';
import { periodStatus } from './period-status.js';

/** Messages for each active node without a follow-up for `period`, and each follow-up not filled in. */
export function requirePeriod(graph: Graph, period: string): MessageSink['messages'] {
  const sink = new MessageSink();
  const index = indexGraph(graph.nodes, graph.edges);
  for (const owner of periodStatus(graph, period)) {
    for (const item of owner.outstanding) {
      const node = index.node(item.nodeKey)!;
      if (item.state === 'saknas') {
        sink.report('followup-missing', `${item.id} "${item.title}" saknar uppföljning för ${period} (ansvarig: ${owner.owner}). Skapa den med sparbar uppfoljning ny ${period}.`, node.source);
      } else {
        sink.report('followup-unfilled', `Uppföljningen av ${item.id} för ${period} är inte ifylld. Skriv analysen och ta bort kommentaren "sparbar: ej ifylld".`, {
          file: item.file!,
          line: 1,
          column: 1,
        });
      }
    }
  }
  return sink.messages;
}
