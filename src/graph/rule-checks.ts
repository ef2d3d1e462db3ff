// What the graph offers the rules that check it (as ESLint's linter offers a rule its context): the structure
// after links are resolved, and the whole graph. The rules themselves live above, in src/rules/; the check
// passes them in, and the graph runs those with a check for each step.
import type { CheckMessage, MessageSink, Place, ReportExtra, Severity } from '../messages/report.js';
import type { YamlPath } from '../parse/yaml-frontmatter.js';
import type { GraphIndex } from './graph-index.js';
import type { Coverage, DocumentYears, EdgeType, FollowUp, GraphEdge, GraphNode, NodeOf, NodeType, Rollup } from './types.js';
import type { BrokenLinks } from './shadows.js';

/** Reports one problem for the rule it was made for; the rule id and severity are added for it. */
export type Report = (reason: string, place: Place, extra?: ReportExtra) => void;

/** What a structure check sees: nodes and resolved edges, before fields are checked (run by linkStructure). */
export interface StructureContext {
  /** Every node by key. */
  readonly nodes: ReadonlyMap<string, GraphNode>;
  /** Every resolved edge. */
  readonly edges: readonly GraphEdge[];
  /** Where the link behind an edge of a cycle-checked type (depends-on, replaces, member-of) is written. */
  linkPlace(from: string, type: EdgeType, to: string): Place | undefined;
  readonly report: Report;
}

/** What a graph check sees: the whole graph with its follow-ups, coverage and rollups (run by completeGraph). */
export interface GraphContext {
  readonly index: GraphIndex;
  readonly coverage: Coverage;
  readonly rollups: readonly Rollup[];
  /** The years each policy and plan covers, as far as the documents give them (derived.documentYears). */
  readonly documentYears: Readonly<Record<string, DocumentYears>>;
  /**
   * Links the graph leaves out because one end lies in a file with errors (reported there): a gap they leave, such as
   * a focus area whose only action has an invalid status, is that error's echo and is not reported again.
   */
  readonly broken: BrokenLinks;
  /** Where the value (or, with 'key', the key) at `path` inside node `key`'s own map is written. */
  nodeAt(key: string, path: YamlPath, at?: 'key' | 'value'): Place;
  /** Where the value at `path` in a follow-up's file is written. */
  followUpAt(followUp: FollowUp, path: YamlPath): Place;
  readonly report: Report;
}

/**
 * What a graph check reads, so that `check --watch` can keep its earlier messages about what a change cannot reach
 * (src/graph/local-rerun.ts). 'node': the check finds every node it reports about through `index.ofType`, and what it
 * says about a node depends on that node alone (its id, type, fields and place, `nodeAt` for its own key) and on its
 * own follow-ups (`index.followUps` and `index.organisationFollowUps` for its key, `followUpAt` for them), and every
 * message is placed in the node's file or one of those follow-ups' files; never another node, an edge, coverage,
 * rollups, document years or broken links. 'global' (the default): anything; it runs on the whole graph every time.
 * test/rule-locality.test.ts runs each 'node' check one node at a time in a context that refuses every other read.
 */
export type GraphLocality = 'node' | 'global';

/** A rule as the graph runs it: its id, default severity and the checks it has. */
export interface GraphRule {
  readonly id: string;
  readonly severity: Severity;
  /** What its graph check reads (see GraphLocality); 'global' when not given. */
  readonly locality?: GraphLocality;
  /** The check on the linked structure, for rules that look at nodes and edges. */
  structure?(context: StructureContext): void;
  /** The check on the complete graph, for rules that look at fields, follow-ups, coverage and rollups. */
  graph?(context: GraphContext): void;
}

/** A `report` for `rule` into `sink`. */
export function reportFor(rule: { readonly id: string; readonly severity: Severity }, sink: MessageSink): Report {
  return (reason, place, extra) => {
    sink.report(rule, reason, place, extra);
  };
}

/** Runs the structure checks of `rules` (those the configuration has not turned off). */
export function runStructureChecks(rules: readonly GraphRule[], context: Omit<StructureContext, 'report'>, sink: MessageSink): void {
  for (const rule of rules) if (rule.structure && sink.isOn(rule.id)) rule.structure({ ...context, report: reportFor(rule, sink) });
}

/**
 * For `check --watch`: the graph checks' messages at the last run, and where a change can have made them different.
 * Node-local checks keep their earlier messages outside `files` and run only on `nodes`.
 */
export interface LocalRerun {
  /** Each rule's messages at the last run, by rule id. */
  readonly previous: ReadonlyMap<string, readonly CheckMessage[]>;
  /** The nodes whose messages may differ, by type, sorted by key. */
  readonly nodes: ReadonlyMap<NodeType, readonly GraphNode[]>;
  /** Files in which the earlier messages of node-local checks are dropped (those nodes' own files and follow-ups' files). */
  readonly files: ReadonlySet<string>;
}

/**
 * Runs the graph checks of `rules` (those the configuration has not turned off); gives each rule's messages by id.
 * With `rerun`, a node-local check (locality 'node') that ran last time keeps its messages outside `rerun.files` and
 * runs only on `rerun.nodes`.
 */
export function runGraphChecks(rules: readonly GraphRule[], context: Omit<GraphContext, 'report'>, sink: MessageSink, rerun?: LocalRerun): Map<string, CheckMessage[]> {
  const byRule = new Map<string, CheckMessage[]>();
  const local = rerun && { ...context.index, ofType: <T extends NodeType>(type: T) => (rerun.nodes.get(type) ?? []) as NodeOf<T>[] };
  for (const rule of rules) {
    if (!rule.graph || !sink.isOn(rule.id)) continue;
    const start = sink.messages.length;
    const previous = rerun?.previous.get(rule.id);
    if (local !== undefined && previous !== undefined && rule.locality === 'node') {
      for (const m of previous) if (!rerun!.files.has(m.file)) sink.messages.push(m);
      rule.graph({ ...context, index: local, report: reportFor(rule, sink) });
    } else rule.graph({ ...context, report: reportFor(rule, sink) });
    byRule.set(rule.id, sink.messages.slice(start));
  }
  return byRule;
}
