// The shapes of the plan diff (the JSON of `sparbar diff --format json`, less the report's header).
import type { EdgeType, NodeType } from '../graph/types.js';

/** A node as the diff names it. */
export interface NodeRef {
  key: string;
  type: NodeType;
  id: string;
  title: string;
  /** File the node is written in, relative to the plans folder. */
  file: string;
  /** Key of the goal the node is grouped under (itself for a goal), in the head graph when it exists there; null for nodes above or beside the goals. */
  goal: string | null;
}

/** One changed value. Field names are the file format's Swedish keys, plus `titel`, `text` (the body), `fil` and `id`. */
export interface FieldChange {
  field: string;
  /** null when the field was not there. */
  before: unknown;
  after: unknown;
}

export interface LinkRef {
  type: EdgeType;
  /** Key of the target node, in the graph the link is in. */
  to: string;
  title: string;
}

export interface AddedNode extends NodeRef {
  fields: Record<string, unknown>;
  /** The new node's own links. */
  links: LinkRef[];
}

export interface NodeChange {
  node: NodeRef;
  changes: FieldChange[];
}

/** A policy or plan as the diff names it, for a node moved between two of them. */
export interface DocumentRef {
  key: string;
  type: 'policy' | 'plan';
  id: string;
  title: string;
}

export interface Rename {
  from: NodeRef;
  to: NodeRef;
  /**
   * Set when the node moved to another policy or plan (a goal moved to a second plan of the same folder,
   * with or without a new id); null when it stayed in its document (a renamed document counts as the same).
   */
  moved: { from: DocumentRef; to: DocumentRef } | null;
  /**
   * same-file: the only node of its type that left the file and the only one that came; same-content:
   * near-identical content (also when the new id belonged to another node before: see `reusedId`).
   */
  reason: 'same-file' | 'same-content';
  /** True when another node had the new id at the base (renumbering: A03 → A02 after A02 was removed, two ids swapped). */
  reusedId: boolean;
  /** What else changed besides the id (and the key). */
  changes: FieldChange[];
}

/** A link between two nodes that exist on both sides (links of added and removed nodes are not repeated here). */
export interface LinkChange {
  type: EdgeType;
  from: NodeRef;
  to: NodeRef;
}

/**
 * A link still written at the head whose target is gone from where it is looked up: the node it named was
 * renamed, moved to another document or removed, and the reference was not updated (`sparbar check` reports it
 * as unknown-reference). Listed instead of a removed link, since nobody removed it.
 */
export interface BrokenLink extends LinkChange {
  /** The id as still written in the file (`FO1.3`), which named `to` at the base. */
  written: string;
}

export interface FollowUpRef {
  node: NodeRef;
  period: string;
  assessment: string | null;
  forecast: string | null;
  status: string | null;
  value: number | null;
  author: string | null;
  date: string | null;
  file: string;
}

/** A follow-up whose file is still there at the head but whose `avser` names an id that is gone (followup-unknown-node): it no longer attaches to its node. */
export interface DetachedFollowUp extends FollowUpRef {
  /** `avser` as still written. */
  written: string;
}

export interface FollowUpChange {
  node: NodeRef;
  period: string;
  file: string;
  changes: FieldChange[];
}

export interface CoverageChanges {
  /** Principles that no goal realises any more (or new principles that none realises). */
  uncovered: NodeRef[];
  /** Principles that were uncovered and now are realised by a goal. */
  covered: NodeRef[];
  goalsWithoutFocusAreas: { added: NodeRef[]; removed: NodeRef[] };
  focusAreasWithoutActions: { added: NodeRef[]; removed: NodeRef[] };
}

export interface PlanDiff {
  /** Every goal that a NodeRef's `goal` names, with its title (from the head graph, or the base graph for a removed goal), in natural order. */
  goals: { key: string; id: string; title: string }[];
  nodes: { added: AddedNode[]; removed: NodeRef[]; renamed: Rename[]; changed: NodeChange[] };
  /** Links added and removed between nodes on both sides; `broken`: links still written whose target is gone from where it is looked up. */
  links: { added: LinkChange[]; removed: LinkChange[]; broken: BrokenLink[] };
  coverage: CoverageChanges;
  /** `detached`: follow-ups still on disk whose node is gone from where `avser` looks (not removed by anyone). */
  followUps: { added: FollowUpRef[]; removed: FollowUpRef[]; changed: FollowUpChange[]; detached: DetachedFollowUp[] };
}
