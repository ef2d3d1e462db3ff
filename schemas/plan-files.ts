// The file format of a Spårbar plan: one zod schema per `typ`, with Swedish keys and values.
// This is the single definition; the JSON Schema in this folder is generated from it.
import { z } from 'zod';
import { documentVisionKeys, linkVisionKeys } from './vision-nodes.js';
import { adoptionKeys } from './adoption.js';
import { budgetKeys } from './budget.js';
import { surveyKeys } from './survey.js';

export { BUDGET_ENHET, BUDGET_LAGE, BUDGET_SLAG, budgetSchema } from './budget.js';

/** Pattern of an id: letters, digits, dot, dash and underscore; starts with a letter or digit. */
export const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
/** Pattern of a reference: an id, or `dokument-id:id` for a node in another policy or plan. */
export const REF_PATTERN = /^(?:[\p{L}\p{N}][\p{L}\p{N}._-]*:)?[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
/** Pattern of a calendar date, ÅÅÅÅ-MM-DD. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** Pattern of a follow-up period, ÅÅÅÅ-MM (the month of the follow-up, for example 2026-08). */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Pattern of a Kolada KPI id, for example N00945 or U07414. */
export const KOLADA_KPI_PATTERN = /^[A-Z]\d{5}$/;
/** Pattern of a Swedish municipality code (kommunkod), four digits. */
export const KOMMUNKOD_PATTERN = /^\d{4}$/;
/** Pattern of a year key in a per-year map. */
export const YEAR_KEY_PATTERN = /^\d{4}$/;

/** True when `s` is ÅÅÅÅ-MM-DD and names a real day. */
export function isRealDate(s: string): boolean {
  if (!DATE_PATTERN.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

export const NODE_TYPES = [
  'organisation',
  'policy',
  'styrprincip',
  'plan',
  'mål',
  'fokusområde',
  'aktivitet',
  'indikator',
  'uppföljning',
] as const;
export type NodeTypeName = (typeof NODE_TYPES)[number] | 'område' | 'underpunkt' | 'effektmål' | 'framgångsfaktor';

export const BEDOMNING = ['uppfyllt', 'delvis uppfyllt', 'ej uppfyllt'] as const;
export const AKTIVITET_STATUS = ['ej påbörjad', 'pågår', 'klar', 'försenad', 'pausad', 'avbruten'] as const;
export const RIKTNING = ['högre', 'lägre'] as const;
export const KALLA = ['egen', 'kolada', 'enkät'] as const;

const id = z.string().regex(ID_PATTERN).meta({ description: 'Stabilt id, unikt i sin policy eller plan, t.ex. M1 eller FO-2.3.' });
const ref = z
  .string()
  .regex(REF_PATTERN)
  .meta({ description: 'Id för en annan nod; `dokument-id:id` för en nod i en annan policy eller plan.' });
const titel = z.string().min(1).meta({ description: 'Rubrik, en rad.' });
const text = z.string().min(1);
const datum = z.string().regex(DATE_PATTERN).refine(isRealDate, { params: { rule: 'invalid-date' } }).meta({
  description: 'Datum, ÅÅÅÅ-MM-DD.',
});
const ar = z.number().int().min(1900).max(2200).meta({ description: 'Årtal, t.ex. 2026.' });
const period = z.string().regex(PERIOD_PATTERN).meta({ description: 'Uppföljningsperiod, ÅÅÅÅ-MM, t.ex. 2026-08.' });
const perYear = z
  .record(z.string().regex(YEAR_KEY_PATTERN), z.number())
  .meta({ description: 'Ett värde per år, t.ex. `2026: 85`.' });

const adoption = adoptionKeys(datum);

const giltighet = z
  .strictObject({ från: datum, till: datum })
  .meta({ description: 'Giltighetstid: från och till datum.' });

/** Frontmatter of an `organisation` file: a municipality, a federation or another body. */
export const organisationSchema = z
  .strictObject({
    typ: z.literal('organisation'),
    id,
    titel,
    kommunkod: z.string().regex(KOMMUNKOD_PATTERN).optional().meta({ description: 'Kommunkod (fyra siffror), används mot Kolada.' }),
    webbplats: z.string().optional(),
  })
  .meta({ title: 'Organisation', description: 'En kommun, ett kommunalförbund eller annan organisation.' });

/** Pattern of the part of a sub-point's id after its principle's id and a dot: `a` in `SP12.a`. */
export const SUB_POINT_SUFFIX_PATTERN = /^[\p{L}\p{N}]+$/u;

/**
 * A principle's sub-point: plain text, or `{ id, titel }` when focus areas and goals link to it. The id is the
 * principle's id, a dot and a letter or number (`SP12.a`), checked where the principle is read (invalid-format).
 */
const underpunkt = z.union([
  text,
  z.strictObject({
    id: id.meta({ description: 'Delpunktens id: principens id, en punkt och en bokstav eller siffra, t.ex. SP12.a.' }),
    titel,
  }),
]);
const underpunkter = z
  .array(underpunkt)
  .optional()
  .meta({ description: 'Punkter som karaktäriserar principen: text, eller { id, titel } för en delpunkt som fokusområden och mål kan hänvisa till.' });

export const inlineStyrprincipSchema = z.strictObject({
  id,
  titel,
  underpunkter,
  beskrivning: z.string().optional(),
});

export const omradeSchema = z.strictObject({
  id,
  titel,
  beskrivning: z.string().optional(),
  styrprinciper: z.array(inlineStyrprincipSchema).optional().meta({ description: 'Styrprinciper skrivna direkt i policyn.' }),
});

/** Frontmatter of a `policy` file: adopted by kommunfullmäktige, with areas and guiding principles. */
export const policySchema = z
  .strictObject({
    typ: z.literal('policy'),
    id,
    titel,
    organisationer: z.array(ref).min(1).meta({ description: 'Id för de organisationer som har antagit policyn.' }),
    antagen_av: text.optional().meta({ description: 'Beslutande organ, t.ex. Kommunfullmäktige. Utelämnas när dokumentet inte säger det.' }),
    antagen: datum.optional().meta({ description: 'Datum för beslutet. Utelämnas när dokumentet inte anger det.' }),
    beslut: adoption.beslut,
    ersätter: adoption.ersätter,
    giltighet: giltighet.optional(),
    ansvarig: z.string().optional(),
    diarienummer: z.string().optional(),
    översyn: z.string().optional().meta({ description: 'Hur och när policyn ses över.' }),
    områden: z
      .array(omradeSchema)
      .min(1)
      .optional()
      .meta({ description: 'Strategiska områden med sina styrprinciper. Ett område kan sakna styrprinciper: målen i planen förverkligar då området.' }),
    ...documentVisionKeys,
  })
  .meta({ title: 'Policy', description: 'IT- och digitaliseringspolicy: vision, områden och styrprinciper.' });

/** Frontmatter of a `styrprincip` file: a guiding principle with a long text of its own. */
export const styrprincipSchema = z
  .strictObject({
    typ: z.literal('styrprincip'),
    id,
    titel,
    område: ref.meta({ description: 'Id för området i policyn.' }),
    underpunkter,
  })
  .meta({ title: 'Styrprincip', description: 'En strategisk styrprincip i en egen fil.' });

/** Frontmatter of a `plan` file: the strategic plan adopted by kommunstyrelsen. */
export const planSchema = z
  .strictObject({
    typ: z.literal('plan'),
    id,
    titel,
    organisation: ref.optional().meta({ description: 'Id för organisationen som planen gäller. En plan som flera organisationer har antagit skriver organisationer i stället.' }),
    organisationer: z.array(ref).min(1).optional().meta({ description: 'Id för organisationerna som har antagit planen, när de är flera (i stället för organisation).' }),
    policy: ref.meta({ description: 'Id för policyn som planen förverkligar.' }),
    antagen_av: text.optional().meta({ description: 'Beslutande organ, t.ex. Kommunstyrelsen. Utelämnas när dokumentet inte säger det.' }),
    antagen: datum.optional().meta({ description: 'Datum för beslutet. Utelämnas när dokumentet inte anger det.' }),
    beslut: adoption.beslut,
    period: z.strictObject({ från: ar, till: ar }).optional().meta({ description: 'Planperiod i hela år. Utelämnas när dokumentet inte anger den; den härleds då ur giltigheten eller målåren.' }),
    giltighet: giltighet.optional(),
    ersätter: adoption.ersätter,
    diarienummer: z.string().optional(),
    revideringar: z
      .array(z.strictObject({ datum, beskrivning: text, beslut: z.string().optional() }))
      .optional()
      .meta({ description: 'Revideringar efter antagandet.' }),
    behandlingar: z
      .array(
        z.strictObject({
          period: period.meta({ description: 'Uppföljningsperioden som behandlades, ÅÅÅÅ-MM.' }),
          organ: text.meta({ description: 'Organet som behandlade uppföljningen, t.ex. Kommunstyrelsen.' }),
          datum: datum.meta({ description: 'Sammanträdets datum, ÅÅÅÅ-MM-DD.' }),
          paragraf: z.string().optional().meta({ description: 'Paragrafen i protokollet, t.ex. § 141.' }),
          diarienummer: z.string().optional(),
          beslut: text.optional().meta({ description: 'Beslutet med egna ord, t.ex. att uppföljningen godkänns och vilka uppdrag som ges.' }),
        }),
      )
      .optional()
      .meta({ description: 'Hur uppföljningarna behandlades: organ, sammanträdesdatum, paragraf, diarienummer och beslut, en post per period.' }),
    ...documentVisionKeys,
  })
  .meta({ title: 'Strategisk plan', description: 'Flerårig strategisk plan med övergripande mål.' });

const fokusStyrprinciper = z.array(ref).optional().meta({ description: 'Styrprinciper eller delpunkter i dem (t.ex. SP12.a) som fokusområdet förverkligar.' });

export const inlineFokusomradeSchema = z.strictObject({ id, titel, beskrivning: z.string().optional(), styrprinciper: fokusStyrprinciper, ...linkVisionKeys, ...budgetKeys });

/** Frontmatter of a `mål` file: an overall goal of the plan. */
export const malSchema = z
  .strictObject({
    typ: z.literal('mål'),
    id,
    titel,
    styrprinciper: z.array(ref).optional().meta({ description: 'Styrprinciper (eller delpunkter i dem, t.ex. SP12.a) som målet förverkligar.' }),
    områden: z.array(ref).optional().meta({ description: 'Områden i policyn som målet förverkligar, när policyn har områden med mål i stället för styrprinciper.' }),
    förväntat_resultat: text.optional().meta({ description: 'Förväntat resultat vid målåret. Utelämnas när dokumentet inte skiljer det från målets text.' }),
    målår: ar.optional().meta({ description: 'Året målet ska vara nått. Utelämnas när dokumentet inte anger det.' }),
    ansvarig: z.string().optional(),
    fokusområden: z.array(inlineFokusomradeSchema).optional().meta({ description: 'Fokusområden skrivna direkt i målet.' }),
    ...linkVisionKeys,
    ...budgetKeys,
  })
  .meta({ title: 'Mål', description: 'Övergripande mål i den strategiska planen.' });

/** Frontmatter of a `fokusområde` file: a focus area under a goal. */
export const fokusomradeSchema = z
  .strictObject({
    typ: z.literal('fokusområde'),
    id,
    titel,
    mål: ref.meta({ description: 'Id för målet som fokusområdet hör till.' }),
    styrprinciper: fokusStyrprinciper,
    ...linkVisionKeys,
    ...budgetKeys,
  })
  .meta({ title: 'Fokusområde', description: 'Fokusområde under ett mål, i en egen fil.' });

/** Frontmatter of an `aktivitet` file: an action that carries out focus areas or goals. */
export const aktivitetSchema = z
  .strictObject({
    typ: z.literal('aktivitet'),
    id,
    titel,
    bidrar_till: z.array(ref).min(1).meta({ description: 'Fokusområden (eller mål) som aktiviteten bidrar till.' }),
    ansvarig: text.optional().meta({ description: 'Ansvarig nämnd, förvaltning eller enhet.' }),
    start: datum.optional(),
    slut: datum.optional().meta({ description: 'Datum då aktiviteten ska vara klar.' }),
    status: z.enum(AKTIVITET_STATUS).optional().meta({ description: 'Status när aktiviteten skrevs; uppföljningar anger senare status.' }),
    ...budgetKeys,
    diarienummer: z.string().optional(),
    beroenden: z.array(ref).optional().meta({ description: 'Aktiviteter som måste bli klara först.' }),
  })
  .meta({ title: 'Aktivitet', description: 'Aktivitet (åtgärd, insats, uppdrag) i handlingsplanen.' });

export const skalaSchema = z.strictObject({
  min: z.number().int(),
  max: z.number().int(),
  etiketter: z.record(z.string().regex(/^-?\d+$/), text).optional(),
});

/** Frontmatter of an `indikator` file: a measurable indicator, or a group of them (beräkning: medelvärde). */
export const indikatorSchema = z
  .strictObject({
    typ: z.literal('indikator'),
    id,
    titel,
    enhet: text.meta({ description: 'Enhet, t.ex. %, procent, antal, kr, skala 1–4, eller ett ord i plural (incidenter).' }),
    enhet_singular: text.optional().meta({ description: 'Enhetens ord efter talet 1, när enhet är ett ord i plural: incident (1 incident, 3 incidenter).' }),
    riktning: z.enum(RIKTNING).meta({ description: 'Om högre eller lägre värde är bättre.' }),
    källa: z.enum(KALLA),
    kolada_kpi: z.string().regex(KOLADA_KPI_PATTERN).optional().meta({ description: 'Kolada-nyckeltal, t.ex. N00945.' }),
    mäter: z.array(ref).optional().meta({ description: 'Mål eller fokusområden som indikatorn mäter.' }),
    målvärden: perYear.optional(),
    reviderade_målvärden: z
      .array(
        z.strictObject({
          år: ar.meta({ description: 'Året vars målvärde ändrades.' }),
          från: z.number().meta({ description: 'Målvärdet före ändringen; det nya står i målvärden.' }),
          datum: datum.optional().meta({ description: 'När målvärdet ändrades, ÅÅÅÅ-MM-DD.' }),
          beslut: z.string().optional().meta({ description: 'Beslutet som ändrade det, t.ex. KS 2025-09-17 § 142.' }),
        }),
      )
      .optional()
      .meta({ description: 'Målvärden som har ändrats sedan planen antogs: året och värdet före ändringen. Webbplatsen visar båda, till exempel 90 → 95.' }),
    utfall: perYear.optional(),
    skala: skalaSchema.optional().meta({ description: 'Ordinalskala, t.ex. 1–4 med etiketter.' }),
    grupp: ref.optional().meta({ description: 'Id för indikatorgruppen som indikatorn ingår i.' }),
    beräkning: z.literal('medelvärde').optional().meta({ description: 'Gör indikatorn till en grupp: värdet är medelvärdet av medlemmarna.' }),
    ...surveyKeys,
  })
  .meta({ title: 'Indikator', description: 'Indikator eller nyckeltal med målvärden och utfall.' });

/** Frontmatter of an `uppföljning` file: the follow-up of one node for one period. */
export const uppfoljningSchema = z
  .strictObject({
    typ: z.literal('uppföljning'),
    avser: ref.meta({ description: 'Id för noden som följs upp.' }),
    period: period,
    organisation: ref.optional().meta({ description: 'En av dokumentets organisationer, när uppföljningen gäller bara den; utelämnad gäller den hela dokumentet.' }),
    id: id.optional(),
    titel: titel.optional(),
    bedömning: z.enum(BEDOMNING).optional().meta({ description: 'Bedömning för mål, fokusområde och styrprincip.' }),
    prognos: z.enum(BEDOMNING).optional().meta({ description: 'Prognos för planperiodens slut.' }),
    status: z.enum(AKTIVITET_STATUS).optional().meta({ description: 'Status för en aktivitet.' }),
    utfall: z.number().optional().meta({ description: 'Utfall för en indikator, för periodens år.' }),
    författare: text.optional().meta({ description: 'Vem som skrev uppföljningen; saknas i en uppföljning som ingen har fyllt i ännu.' }),
    datum: datum.optional(),
    nytt_slutdatum: datum.optional().meta({ description: 'Aktivitetens reviderade slutdatum, när det antagna inte håller. Det antagna står kvar i aktivitetens fil.' }),
    åtgärder: z
      .array(
        z.strictObject({
          vad: text.meta({ description: 'Vad som ska göras.' }),
          ansvarig: text.optional().meta({ description: 'Vem som gör det.' }),
          senast: datum.optional().meta({ description: 'Till när.' }),
        }),
      )
      .optional()
      .meta({ description: 'Åtgärder för en avvikelse: vad som ska göras, av vem och till när.' }),
    underlag: z
      .array(
        z.strictObject({
          titel,
          adress: z.string().regex(/^https?:\/\/\S+$/).optional().meta({ description: 'Webbadress (https:// eller http://) till underlaget: protokoll, mätrapport, en sida i Kolada.' }),
          fil: text.optional().meta({ description: 'Fil i planförrådet, relativt planmappen, när underlaget inte har en webbadress.' }),
        }),
      )
      .optional()
      .meta({ description: 'Underlag för bedömningen: protokoll, mätrapporter, Kolada-sidor.' }),
  })
  .meta({ title: 'Uppföljning', description: 'Uppföljning av en nod för en period.' });

/** The schema of each file type, by `typ`. */
export const SCHEMA_BY_TYPE = {
  organisation: organisationSchema,
  policy: policySchema,
  styrprincip: styrprincipSchema,
  plan: planSchema,
  mål: malSchema,
  fokusområde: fokusomradeSchema,
  aktivitet: aktivitetSchema,
  indikator: indikatorSchema,
  uppföljning: uppfoljningSchema,
} as const;

/** Any plan file's frontmatter, discriminated by `typ` (used for the JSON Schema). */
export const planFileSchema = z
  .discriminatedUnion('typ', [
    organisationSchema,
    policySchema,
    styrprincipSchema,
    planSchema,
    malSchema,
    fokusomradeSchema,
    aktivitetSchema,
    indikatorSchema,
    uppfoljningSchema,
  ])
  .meta({ title: 'Spårbar: frontmatter i en planfil' });

export type OrganisationFile = z.infer<typeof organisationSchema>;
export type PolicyFile = z.infer<typeof policySchema>;
export type StyrprincipFile = z.infer<typeof styrprincipSchema>;
export type PlanFile = z.infer<typeof planSchema>;
export type MalFile = z.infer<typeof malSchema>;
export type FokusomradeFile = z.infer<typeof fokusomradeSchema>;
export type AktivitetFile = z.infer<typeof aktivitetSchema>;
export type IndikatorFile = z.infer<typeof indikatorSchema>;
export type UppfoljningFile = z.infer<typeof uppfoljningSchema>;
