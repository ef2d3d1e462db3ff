// The keys of a policy or plan that say who adopted it, when, and what it replaces: several organisations, each with
// its own decision (beslut), and earlier documents that are not in the plans folder. Kept apart from plan-files.ts,
// which imports them, so that the adoption keys are read in one place.
import { z } from 'zod';

/** Pattern of a reference: an id, or `dokument-id:id` (the same as plan-files.ts's REF_PATTERN). */
const REF = /^(?:[\p{L}\p{N}][\p{L}\p{N}._-]*:)?[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;

/**
 * Builds the adoption keys with plan-files.ts's own date schema (which refines real days), so that an adopter's
 * `antagen: 2024-02-30` gives the same invalid-date error as the document's.
 */
export function adoptionKeys(datum: z.ZodType<string>) {
  const ref = z.string().regex(REF);
  /** One organisation's decision to adopt the document: the same keys as the document's own, and § and diarienummer. */
  const beslut = z.strictObject({
    organisation: ref.meta({ description: 'Id för organisationen som fattade beslutet; en av dokumentets organisationer.' }),
    antagen_av: z.string().min(1).optional().meta({ description: 'Beslutande organ, t.ex. Kommunfullmäktige i Aby. Utelämnad: dokumentets antagen_av, om det finns.' }),
    antagen: datum.optional().meta({ description: 'Datum för beslutet. Utelämnad: dokumentets antagen, om det finns; annars en varning.' }),
    paragraf: z.string().optional().meta({ description: 'Paragrafen i protokollet, t.ex. § 23.' }),
    diarienummer: z.string().optional(),
  });
  /** An earlier document not in the plans folder: its title, the year it was adopted, and where to read it. */
  const tidigareDokument = z.strictObject({
    titel: z.string().min(1).meta({ description: 'Det tidigare dokumentets titel, t.ex. IT-policy för Aby kommun.' }),
    år: z.number().int().min(1900).max(2200).meta({ description: 'Året dokumentet antogs, t.ex. 2012.' }),
    adress: z.string().regex(/^https?:\/\/\S+$/).optional().meta({ description: 'Webbadress (https:// eller http://) där dokumentet finns.' }),
  });
  const ersattEntry = z.union([ref, tidigareDokument]);
  return {
    beslut: z
      .array(beslut)
      .min(1)
      .optional()
      .meta({
        description:
          'Varje organisations beslut att anta dokumentet, när flera organisationer har antagit det på var sitt datum: organisation, antagen_av, antagen, paragraf, diarienummer.',
      }),
    /** `ersätter`: an id in the tree, an earlier document outside it, or a list of both. */
    ersätter: z
      .union([ersattEntry, z.array(ersattEntry).min(1)])
      .optional()
      .meta({
        description:
          'Dokument som det här ersätter: id för en tidigare policy eller plan i planerna, eller { titel, år, adress } för ett dokument som inte finns här; en lista för flera.',
      }),
  };
}

/** One organisation's decision as written in `beslut`. */
export interface AdoptionDecision {
  organisation: string;
  antagen_av?: string | undefined;
  antagen?: string | undefined;
  paragraf?: string | undefined;
  diarienummer?: string | undefined;
}

/** An earlier document outside the plans folder, as written in `ersätter`. */
export interface EarlierDocument {
  titel: string;
  år: number;
  adress?: string | undefined;
}

/** The entries of an `ersätter` value as a list (a single id or document is a list of one). */
export function replacedEntries(value: string | EarlierDocument | readonly (string | EarlierDocument)[] | undefined): (string | EarlierDocument)[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? [...value] : [value as string | EarlierDocument];
}
