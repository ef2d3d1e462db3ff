// The browser editor's form fields, made from the zod schemas of the file format: one Decap CMS field per
// schema key, with Swedish labels, required fields, patterns, choices for enums, date pickers for dates, and
// pickers (searching id and title) for links between nodes.
import { z } from 'zod';
import {
  DATE_PATTERN,
  ID_PATTERN,
  KOLADA_KPI_PATTERN,
  KOMMUNKOD_PATTERN,
  PERIOD_PATTERN,
  REF_PATTERN,
  YEAR_KEY_PATTERN,
  type NodeTypeName,
} from '../../schemas/plan-files.js';
import type { RecordField } from './frontmatter-edit.js';
import { FOLLOWED_UP, LINK_KEYS, type LinkKey } from '../graph/link-keys.js';

/** A Decap CMS field (https://decapcms.org/docs/widgets/), as plain JSON. */
export type DecapField = Record<string, unknown> & { name: string; label: string; widget: string };

/**
 * The node types a link field may point to, by key: the graph's link keys (src/graph/link-keys.ts) over every type of
 * file, and a follow-up's `avser` (FOLLOWED_UP in src/graph/follow-ups.ts).
 */
export const LINK_TARGETS: Record<string, readonly NodeTypeName[]> = linkTargets();

function linkTargets(): Record<string, readonly NodeTypeName[]> {
  const targets: Record<string, NodeTypeName[]> = {};
  for (const keys of Object.values(LINK_KEYS)) {
    for (const [key, { allowed }] of Object.entries(keys) as [string, LinkKey][]) {
      const list = (targets[key] ??= []);
      for (const type of allowed) if (!list.includes(type)) list.push(type);
    }
  }
  targets['avser'] = [...FOLLOWED_UP];
  return targets;
}

/** Labels where the key written with spaces is not the word the glossary uses. */
const LABELS: Record<string, string> = {
  typ: 'Typ',
  id: 'Id',
  kolada_kpi: 'Kolada-nyckeltal',
  kommunkod: 'Kommunkod',
  källa: 'Källa',
  målvärden: 'Målvärden',
  beräkning: 'Beräkning',
  app_id: 'App-id',
  år: 'År',
};

/** Keys whose text is long enough for a text area instead of a one-line field. */
const LONG_TEXT: ReadonlySet<string> = new Set(['beskrivning', 'förväntat_resultat', 'översyn']);

/** Swedish label of a key: the glossary's word (`förväntat_resultat` → "Förväntat resultat"). */
export function labelFor(key: string): string {
  const words = LABELS[key] ?? key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Pattern messages for the form, by pattern. */
const PATTERNS: [RegExp, string][] = [
  [ID_PATTERN, 'Ett id är bokstäver, siffror, punkt, bindestreck eller understreck, t.ex. A14 eller FO2.3.'],
  [REF_PATTERN, 'Ett id, eller dokument-id:id för en nod i en annan plan.'],
  [PERIOD_PATTERN, 'Perioden skrivs ÅÅÅÅ-MM, t.ex. 2026-08.'],
  [DATE_PATTERN, 'Datum skrivs ÅÅÅÅ-MM-DD.'],
  [KOLADA_KPI_PATTERN, 'Ett Kolada-nyckeltal är en bokstav och fem siffror, t.ex. N00945.'],
  [KOMMUNKOD_PATTERN, 'Kommunkoden är fyra siffror.'],
  [YEAR_KEY_PATTERN, 'Ett årtal, fyra siffror.'],
];

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string>;
  values?: unknown[];
  checks?: { _zod: { def: { check: string; pattern?: RegExp; value?: number; minimum?: number; maximum?: number; format?: string } } }[];
  format?: string;
  in?: z.ZodType;
  options?: z.ZodType[];
}

const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean; description: string | undefined } {
  let current = schema;
  let optional = false;
  let description = z.globalRegistry.get(current)?.description;
  for (;;) {
    const def = defOf(current);
    if ((def.type === 'optional' || def.type === 'default') && def.innerType) {
      optional = true;
      current = def.innerType;
    } else if (def.type === 'pipe' && def.in) current = def.in;
    else break;
    description ??= z.globalRegistry.get(current)?.description;
  }
  return { inner: current, optional, description };
}

const checksOf = (def: Def) => (def.checks ?? []).map((c) => c._zod.def);
const patternOf = (def: Def) => checksOf(def).find((c) => c.check === 'string_format' && c.pattern)?.pattern;
const sameRegex = (a: RegExp | undefined, b: RegExp) => a !== undefined && a.source === b.source;

/** A link picker's choices: `{ label: "FO2.1 Digitala tjänster", value: "FO2.1" }`, for the node types the key allows. */
export type LinkOptions = (key: string, types: readonly NodeTypeName[]) => { label: string; value: string }[];

export interface FieldContext {
  /** The choices for a link field in the collection being made. */
  links: LinkOptions;
  /** Per-year maps found on the way (to be shown as lists), dotted paths from the file's top. */
  records: RecordField[];
}

/**
 * The form fields of an object schema, in schema order. `typ` becomes a hidden field with its value; every
 * other key a visible field. Throws (a programming error, caught by the schema-coverage test) for a schema
 * shape this mapping does not know.
 */
export function fieldsFor(schema: z.ZodType, ctx: FieldContext, path: string[] = []): DecapField[] {
  const { inner } = unwrap(schema);
  const def = defOf(inner);
  if (def.type !== 'object' || !def.shape) throw new Error(`Inget objekt vid ${path.join('.') || '(roten)'}`);
  return Object.entries(def.shape).map(([key, s]) => fieldFor(key, s, ctx, [...path, key]));
}

/** One form field for `key` with schema `schema`. */
export function fieldFor(key: string, schema: z.ZodType, ctx: FieldContext, path: string[]): DecapField {
  const { inner, optional, description } = unwrap(schema);
  const def = defOf(inner);
  const base: DecapField = { name: key, label: labelFor(key), widget: 'string', ...(optional ? { required: false } : {}), ...(description ? { hint: description } : {}) };
  switch (def.type) {
    case 'literal': {
      const value = def.values?.[0];
      if (key === 'typ' && path.length === 1) return { name: key, label: labelFor(key), widget: 'hidden', default: value };
      return { ...base, widget: 'select', options: (def.values ?? []).map(String) };
    }
    case 'enum':
      return { ...base, widget: 'select', options: Object.values(def.entries ?? {}) };
    case 'boolean':
      return { ...base, widget: 'boolean' };
    case 'number': {
      const checks = checksOf(def);
      const int = checks.some((c) => c.check === 'number_format' && c.format === 'safeint');
      const min = checks.find((c) => c.check === 'greater_than' || c.check === 'min')?.value;
      const max = checks.find((c) => c.check === 'less_than' || c.check === 'max')?.value;
      return { ...base, widget: 'number', value_type: int ? 'int' : 'float', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    }
    case 'string':
      return stringField(key, def, base, ctx, false);
    case 'array': {
      const element = unwrap(def.element!).inner;
      const elementDef = defOf(element);
      const min = checksOf(def).find((c) => c.check === 'min_length')?.minimum;
      if (elementDef.type === 'string' && sameRegex(patternOf(elementDef), REF_PATTERN)) {
        return { ...stringField(key, elementDef, base, ctx, true), ...(min !== undefined ? { min } : {}) };
      }
      if (elementDef.type === 'object') {
        return { ...base, widget: 'list', summary: '{{fields.id}} {{fields.titel}}', fields: fieldsFor(element, { ...ctx, records: [] }, path), ...(min !== undefined ? { min } : {}) };
      }
      const field = fieldFor('värde', element, ctx, [...path, '*']);
      return { ...base, widget: 'list', field: { ...field, label: key === 'underpunkter' ? 'Punkt' : field.label }, ...(min !== undefined ? { min } : {}) };
    }
    case 'object':
      return { ...base, widget: 'object', collapsed: false, fields: fieldsFor(inner, ctx, path) };
    case 'record': {
      const keyDef = defOf(unwrap(def.keyType!).inner);
      const yearKeys = sameRegex(patternOf(keyDef), YEAR_KEY_PATTERN);
      const keyName = yearKeys ? 'år' : 'värde';
      const valueName = yearKeys ? 'värde' : 'etikett';
      ctx.records.push({ path: path.join('.'), key: keyName, value: valueName });
      const keyField: DecapField = yearKeys ? { name: 'år', label: 'År', widget: 'number', value_type: 'int', min: 1900, max: 2200 } : { name: keyName, label: labelFor(keyName), widget: 'number', value_type: 'int' };
      return { ...base, widget: 'list', summary: `{{fields.${keyName}}}: {{fields.${valueName}}}`, fields: [keyField, { ...fieldFor(valueName, def.valueType!, ctx, [...path, '*']), name: valueName, label: labelFor(valueName) }] };
    }
    case 'union':
      // A principle's sub-point is a text or { id, titel } (a sub-point with an id): the form edits it as its first
      // kind, the text; a sub-point with an id is given its id in the file. `ersätter` is edited as an id. The union
      // itself may be optional while its first kind is not.
      if (def.options?.[0] !== undefined) return { ...fieldFor(key, def.options[0], ctx, path), ...(optional ? { required: false } : {}) };
      throw new Error(`Ingen formulärruta för ${path.join('.')} (zod-typ union).`);
    default:
      throw new Error(`Ingen formulärruta för ${path.join('.')} (zod-typ ${def.type}).`);
  }
}

function stringField(key: string, def: Def, base: DecapField, ctx: FieldContext, multiple: boolean): DecapField {
  const pattern = patternOf(def);
  if (sameRegex(pattern, DATE_PATTERN)) {
    return { ...base, widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false, picker_utc: true };
  }
  if (sameRegex(pattern, REF_PATTERN)) {
    const targets = LINK_TARGETS[key];
    if (!targets) throw new Error(`Länkfältet ${key} saknar måltyper i LINK_TARGETS (src/editor/decap-fields.ts).`);
    return { ...base, widget: 'select', multiple, options: ctx.links(key, targets), ...(multiple ? {} : {}) };
  }
  const withPattern = pattern ? { pattern: [pattern.source, PATTERNS.find(([p]) => p.source === pattern.source)?.[1] ?? 'Värdet har fel form.'] } : {};
  return { ...base, widget: LONG_TEXT.has(key) ? 'text' : 'string', ...withPattern };
}
