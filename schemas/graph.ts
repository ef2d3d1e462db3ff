// The exported graph's shape (`sparbar graph`, version 1): the zod schema its TypeScript types and JSON Schema come from.
import { z } from 'zod';
import { AKTIVITET_STATUS, BEDOMNING } from './plan-files.js';

export const GRAPH_FORMAT = 'sparbar-graph';
export const GRAPH_VERSION = 1;

export const NODE_TYPE_NAMES = ['organisation', 'policy', 'område', 'styrprincip', 'underpunkt', 'effektmål', 'framgångsfaktor', 'plan', 'mål', 'fokusområde', 'aktivitet', 'indikator'] as const;
export const EDGE_TYPES = ['belongs-to', 'implements', 'replaces', 'part-of', 'realises', 'contributes-to', 'depends-on', 'measures', 'member-of', 'serves', 'relies-on'] as const;

const assessment = z.enum(BEDOMNING);
const actionStatus = z.enum(AKTIVITET_STATUS);

export const sourcePositionSchema = z
  .strictObject({ file: z.string(), line: z.number().int().min(1), column: z.number().int().min(1) })
  .meta({ description: 'Where the node was written: file relative to the plans folder, 1-based line and column.' });

export const graphNodeSchema = z.strictObject({
  key: z.string().meta({ description: 'Unique key: the id of an organisation, policy or plan; `document:id` for nodes inside them.' }),
  type: z.enum(NODE_TYPE_NAMES),
  id: z.string(),
  title: z.string(),
  document: z.string().nullable().meta({ description: 'Key of the policy or plan the node belongs to (its own key for a policy or plan).' }),
  plan: z.string().nullable(),
  organisations: z.array(z.string()),
  source: sourcePositionSchema,
  body: z.string().meta({ description: 'Markdown body.' }),
  fields: z.record(z.string(), z.unknown()).meta({ description: 'The frontmatter fields that are not links, with their Swedish keys.' }),
});

export const graphEdgeSchema = z.strictObject({
  from: z.string(),
  to: z.string(),
  type: z.enum(EDGE_TYPES).meta({
    description:
      'belongs-to: policy|plan → organisation; implements: plan → policy; replaces: plan → plan; part-of: område → policy, styrprincip → område, underpunkt → styrprincip, mål|aktivitet|indikator → plan, fokusområde → mål; realises: mål → styrprincip|underpunkt|område, fokusområde → styrprincip|underpunkt; contributes-to: aktivitet → fokusområde|mål; depends-on: aktivitet → aktivitet; measures: indikator → mål|fokusområde; member-of: indikator → indikatorgrupp; part-of: effektmål|framgångsfaktor → policy|plan; serves: mål|fokusområde → effektmål; relies-on: mål|fokusområde → framgångsfaktor.',
  }),
});

export const followUpSchema = z.strictObject({
  node: z.string(),
  period: z.string(),
  organisation: z.string().optional().meta({
    description: "The organisation (one of the document's adopters) the follow-up is written for; absent for a follow-up of the whole document.",
  }),
  assessment: assessment.nullable(),
  forecast: assessment.nullable(),
  status: actionStatus.nullable(),
  value: z.number().nullable(),
  author: z.string().nullable().meta({ description: 'Who wrote it; null when not given or not submitted.' }),
  date: z.string().nullable(),
  submitted: z.boolean().meta({
    description:
      'False for a follow-up opened and not yet filled in (ej inlämnad): it lacks its status, bedömning or utfall, or still has the marker "sparbar: ej ifylld". Its assessment, forecast, status, value and author are then null, whatever the file says.',
  }),
  /** An action's revised due date (nytt_slutdatum), or null. */
  revisedDue: z.string().nullable(),
  /** Measures for a deviation (åtgärder): what, who, by when. */
  measures: z.array(z.strictObject({ what: z.string(), who: z.string().nullable(), due: z.string().nullable() })),
  /** Evidence behind the assessment (underlag): a title and an address or a file in the plans folder. */
  evidence: z.array(z.strictObject({ title: z.string(), url: z.string().nullable(), file: z.string().nullable() })),
  body: z.string(),
  source: sourcePositionSchema,
});

export const statusCountsSchema = z.strictObject({
  total: z.number().int(),
  byStatus: z.strictObject(Object.fromEntries(AKTIVITET_STATUS.map((s) => [s, z.number().int()])) as Record<(typeof AKTIVITET_STATUS)[number], z.ZodNumber>),
  missing: z.number().int().meta({ description: 'Actions whose status is not given (status saknas): neither in their file nor in a follow-up up to the period. total is the sum of byStatus and missing.' }),
  startsLater: z.number().int().meta({ description: 'Actions planned to start after the period (by their start date) without a follow-up by then: not in total. total + startsLater is every action below the node.' }),
  overdue: z.number().int().meta({ description: 'Actions past their due date without being done or cancelled; counted as försenad in byStatus.' }),
});

export const rollupSchema = z.strictObject({
  node: z.string(),
  period: z.string(),
  organisation: z.string().optional().meta({
    description:
      "For a document several organisations adopted: the rollup for one of them, where its own follow-ups count before the whole document's. Absent for the whole document.",
  }),
  actions: statusCountsSchema,
  assessments: z.strictObject({
    ...(Object.fromEntries(BEDOMNING.map((s) => [s, z.number().int()])) as Record<(typeof BEDOMNING)[number], z.ZodNumber>),
    saknas: z.number().int(),
    'ej inlämnad': z.number().int().meta({ description: 'Children whose follow-up for the period is opened and not filled in (not in saknas).' }),
  }),
});

export const indicatorPointSchema = z.strictObject({
  year: z.number().int(),
  target: z.number().nullable(),
  actual: z.number().nullable(),
  change: z.number().nullable(),
  trend: z.enum(['bättre', 'sämre', 'oförändrad']).nullable(),
  targetMet: z.boolean().nullable(),
  computedMean: z
    .number()
    .optional()
    .meta({ description: "A group's equal-weight mean of its members, when the group's file also prints a value for the year (then actual is the printed value)." }),
});

export const indicatorSeriesSchema = z.strictObject({
  node: z.string(),
  computed: z.boolean().meta({ description: 'True for a group: actual is the value printed in its file for the year, else the equal-weight mean of the members (indicators or groups) that have a value that year.' }),
  members: z.array(z.string()),
  points: z.array(indicatorPointSchema),
});

export const coverageSchema = z.strictObject({
  principles: z.array(z.strictObject({ node: z.string(), goals: z.array(z.string()) })),
  uncoveredPrinciples: z.array(z.string()),
  goalsWithoutFocusAreas: z.array(z.string()),
  focusAreasWithoutActions: z.array(z.string()),
});

export const documentYearsSchema = z.strictObject({
  from: z.number().int().nullable().meta({ description: 'First year, or null when the documents do not give it.' }),
  to: z.number().int().nullable().meta({ description: 'Last year, or null when the documents do not give it.' }),
  source: z.enum(['period', 'giltighet', 'målår']).meta({ description: "Where the years come from: the plan's period, the validity, or the goals' target years (from the adoption year when known)." }),
});

export const derivedSchema = z.strictObject({
  documentYears: z.record(z.string(), documentYearsSchema).meta({ description: 'The years each policy and plan covers, per document key; a document whose years are unknown is left out.' }),
  periods: z.record(z.string(), z.array(z.string())).meta({ description: 'Periods with follow-ups, per document key.' }),
  coverage: coverageSchema,
  actionStatus: z.array(
    z.strictObject({
      node: z.string(),
      period: z.string(),
      status: actionStatus.nullable().meta({ description: 'null when no file or follow-up gives the status (status saknas).' }),
      overdue: z.boolean(),
    }),
  ).meta({ description: 'Each action of a plan in each follow-up period of that plan in which it has started (by its start date) or has a follow-up.' }),
  rollups: z.array(rollupSchema),
  indicators: z.array(indicatorSeriesSchema),
});

/** The whole exported graph. */
export const graphSchema = z
  .strictObject({
    format: z.literal(GRAPH_FORMAT),
    version: z.literal(GRAPH_VERSION),
    nodes: z.array(graphNodeSchema),
    edges: z.array(graphEdgeSchema),
    followUps: z.array(followUpSchema),
    derived: derivedSchema,
  })
  .meta({ title: 'Spårbar graph', description: 'The traceability graph of a plans folder, as printed by `sparbar graph`.' });
