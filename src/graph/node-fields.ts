// Which frontmatter keys become a node's `fields`, and their types, derived from the zod schemas of the file
// format (schemas/plan-files.ts): a change to a schema changes these types, so every consumer that reads a
// field it no longer has, or with another type, fails to compile.
import type {
  AktivitetFile,
  FokusomradeFile,
  IndikatorFile,
  MalFile,
  OrganisationFile,
  PlanFile,
  PolicyFile,
  StyrprincipFile,
  inlineFokusomradeSchema,
  inlineStyrprincipSchema,
  omradeSchema,
} from '../../schemas/plan-files.js';
import type { z } from 'zod';
import type { EarlierDocument } from '../../schemas/adoption.js';
import type { GraphNode, NodeFields } from './types.js';

/** The keys of each file type that become links (edges), not fields. */
export const LINK_KEYS = {
  organisation: [],
  policy: ['organisationer', 'områden', 'ersätter', 'effektmål', 'framgångsfaktorer'],
  plan: ['organisation', 'organisationer', 'policy', 'ersätter', 'effektmål', 'framgångsfaktorer'],
  styrprincip: ['område'],
  mål: ['styrprinciper', 'områden', 'fokusområden', 'effektmål', 'framgångsfaktorer'],
  fokusområde: ['mål', 'styrprinciper', 'effektmål', 'framgångsfaktorer'],
  aktivitet: ['bidrar_till', 'beroenden'],
  indikator: ['mäter', 'grupp'],
} as const satisfies Record<FileNodeType, readonly string[]>;

/** A file's frontmatter by the node type it defines. */
interface FileByType {
  organisation: OrganisationFile;
  policy: PolicyFile;
  styrprincip: StyrprincipFile;
  plan: PlanFile;
  mål: MalFile;
  fokusområde: FokusomradeFile;
  aktivitet: AktivitetFile;
  indikator: IndikatorFile;
}

/** Node types written as a file of their own (every type but område, which lives only inside a policy). */
export type FileNodeType = keyof FileByType;

/** The fields of a node written as a file: its frontmatter without typ, id, titel and the link keys. */
export type FileFields<T extends FileNodeType> = Omit<FileByType[T], 'typ' | 'id' | 'titel' | (typeof LINK_KEYS)[T][number]>;

/** A document's earlier documents that are not in the plans folder (its `ersätter` entries written as { titel, år }). */
type EarlierDocuments = { ersätter?: EarlierDocument[] };

/** What an inline node's map keeps as fields: not its id and title, not `beskrivning` (its body), not its own children. */
type InlineFields<S extends z.ZodType, Drop extends string> = Omit<z.infer<S>, 'id' | 'titel' | 'beskrivning' | Drop>;

/**
 * The `fields` of a graph node, by node type. A principle or focus area may be written in a file of its own or
 * inside its policy or goal; an area is always inside its policy.
 */
export interface NodeFieldsByType {
  organisation: FileFields<'organisation'>;
  /** `ersätter` keeps the earlier documents outside the plans folder; those in it are edges (replaces). */
  policy: FileFields<'policy'> & EarlierDocuments;
  område: InlineFields<typeof omradeSchema, 'styrprinciper'>;
  /** A principle's `underpunkter` are their texts: a sub-point with an id is also a node of its own (underpunkt). */
  styrprincip: (Omit<FileFields<'styrprincip'>, 'underpunkter'> | InlineFields<typeof inlineStyrprincipSchema, 'underpunkter'>) & { underpunkter?: string[] };
  /** A sub-point with an id (`SP12.a`): its text is its title; it has no fields. */
  underpunkt: Record<never, never>;
  /** An effect a policy or plan lists (effektmål): its beskrivning is its body; it has no fields. */
  effektmål: Record<never, never>;
  /** A critical success factor a policy or plan lists: its beskrivning is its body; it has no fields. */
  framgångsfaktor: Record<never, never>;
  plan: FileFields<'plan'> & EarlierDocuments;
  mål: FileFields<'mål'>;
  fokusområde: FileFields<'fokusområde'> | InlineFields<typeof inlineFokusomradeSchema, 'styrprinciper' | 'effektmål' | 'framgångsfaktorer'>;
  aktivitet: FileFields<'aktivitet'>;
  indikator: FileFields<'indikator'>;
}

/** Per file type, the keys that are not fields: made once. */
const SKIPPED_KEYS: Partial<Record<FileNodeType, Set<string>>> = {};

/**
 * The fields of a node written as a file of type `typ`: its validated frontmatter without typ, id, titel and
 * the keys that became links, in key order (so the graph JSON's field order does not depend on the file's).
 */
export function fileFields<T extends FileNodeType>(value: FileByType[T], typ: T): FileFields<T> {
  const skip = (SKIPPED_KEYS[typ] ??= new Set<string>(['typ', 'id', 'titel', ...LINK_KEYS[typ]]));
  const fields: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record).sort()) if (!skip.has(key)) fields[key] = record[key];
  return fields as FileFields<T>;
}

/** A node's fields as a plain record, for code that treats every field alike (the diff, the search index). */
export function fieldRecord(node: GraphNode): Readonly<Record<string, unknown>> {
  return node.fields;
}

type KeysOfUnion<U> = U extends unknown ? keyof U : never;
type ValueIn<U, K extends PropertyKey> = U extends unknown ? (K extends keyof U ? U[K] : never) : never;

/** Every field some node type has, each optional, with the types it has in those types: fields read across types. */
export type AnyNodeFields = { readonly [K in KeysOfUnion<NodeFields>]?: ValueIn<NodeFields, K> };

/** A node's fields seen across types, for code that reads the same field of any node (a CSV column, the search text). */
export function anyFields(node: GraphNode): AnyNodeFields {
  return node.fields;
}
