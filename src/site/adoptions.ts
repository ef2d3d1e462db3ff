// Who adopted a policy or plan, as the site shows it: each organisation with its own decision when several adopted
// the document (beslut), and the earlier documents it replaces, in the tree or not. Pure: graph data in, rows and
// Swedish text out; what a document does not give is "uppgift saknas", never made up.
import type { EarlierDocument } from '../../schemas/adoption.js';
import type { GraphNode } from '../graph/types.js';
import { anyFields } from '../graph/node-fields.js';
import { adoptionsOf, type Adoption } from '../validate/adopters.js';
import { joinSwedish } from '../words/agreement.js';
import { formatDate } from './format.js';
import { MISSING } from './document-facts.js';

/** One organisation's adoption of a document, with the organisation's node (null when its id is not in the plans). */
export interface AdoptionRow extends Adoption {
  organisationNode: GraphNode | null;
}

/**
 * Each organisation's adoption of `doc` when its decisions are written one per organisation (`beslut`), in the
 * order of the organisations' titles; null for a document with the single antagen/antagen_av form. `nodeOf` looks
 * up an organisation's node.
 */
export function adoptionRows(doc: GraphNode, nodeOf: (key: string) => GraphNode | undefined): AdoptionRow[] | null {
  const f = anyFields(doc);
  if (f.beslut === undefined) return null;
  return adoptionsOf(f, doc.organisations)
    .map((a) => ({ ...a, organisationNode: nodeOf(a.organisation) ?? null }))
    .sort((a, b) => (a.organisationNode?.title ?? a.organisation).localeCompare(b.organisationNode?.title ?? b.organisation, 'sv'));
}

/** `organisation`'s own adoption of `doc` (its decision, or the document's own antagen/antagen_av). */
export function adoptionFor(doc: GraphNode, organisation: string): Adoption {
  return adoptionsOf(anyFields(doc), [organisation])[0]!;
}

/**
 * A shared document's decisions in one line for a summary: `Kommunstyrelsen: Åsmarks kommun 15 maj 2023, Lindviks
 * kommun 12 juni 2023 och Storkulla kommun (datum saknas)`; the organ before the colon only when every decision
 * names the same one.
 */
export function adoptionsText(rows: readonly AdoptionRow[]): string {
  const organs = new Set(rows.map((r) => r.antagen_av ?? ''));
  const common = organs.size === 1 && !organs.has('') ? [...organs][0]! : null;
  const parts = rows.map((r) => {
    const name = r.organisationNode?.title ?? r.organisation;
    const by = common === null ? (r.antagen_av ?? 'organ saknas') : null;
    const date = r.antagen !== undefined ? formatDate(r.antagen) : '(datum saknas)';
    return [name, by === null ? null : `(${by})`, date].filter((x) => x !== null).join(' ');
  });
  return rows.length === 0 ? MISSING : `${common === null ? '' : `${common}: `}${joinSwedish(parts)}`;
}

/** `§ 12, dnr KS 2022/118`: a decision's paragraph and case number, or null when it gives neither. */
export function decisionReference(a: Pick<Adoption, 'paragraf' | 'diarienummer'>): string | null {
  const parts = [a.paragraf, a.diarienummer === undefined ? undefined : `dnr ${a.diarienummer}`].filter((x): x is string => x !== undefined && x !== '');
  return parts.length === 0 ? null : parts.join(', ');
}

/** The earlier documents outside the plans folder that `doc` replaces (its `ersätter` entries with a title and year). */
export function earlierDocuments(doc: GraphNode): EarlierDocument[] {
  return anyFields(doc).ersätter ?? [];
}

/** `IT-policy för Åsmarks kommun (2012)`: an earlier document as text. */
export function earlierDocumentText(d: EarlierDocument): string {
  return `${d.titel} (${d.år})`;
}
