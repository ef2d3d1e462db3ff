import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { AKTIVITET_STATUS, BEDOMNING, DATE_PATTERN, REF_PATTERN, SCHEMA_BY_TYPE } from '../../schemas/plan-files.js';
import { checkPlans } from '../../src/check/check-plans.js';
import { editorConfig } from '../../src/editor/decap-config.js';
import { LINK_TARGETS } from '../../src/editor/decap-fields.js';

const graph = checkPlans('plans').graph;
const config = editorConfig(graph, { plansPath: 'plans', backend: { kind: 'github', repo: 'ekby/planer', branch: 'main', authUrl: null } });
type Field = { name: string; label: string; widget: string; required?: boolean; options?: unknown[]; multiple?: boolean; pattern?: [string, string]; fields?: Field[]; field?: Field; default?: unknown; format?: string };
type Collection = { name: string; label: string; folder?: string; filter?: { field: string; value: string }; fields?: Field[]; files?: { name: string; label: string; file: string; fields: Field[] }[]; nested?: unknown };
const collections = config.decap['collections'] as Collection[];

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string>;
  checks?: { _zod: { def: { check: string; pattern?: RegExp } } }[];
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
const unwrap = (s: z.ZodType): [z.ZodType, boolean] => {
  const d = defOf(s);
  return d.type === 'optional' ? [unwrap(d.innerType!)[0], true] : [s, false];
};
const patternOf = (d: Def) => d.checks?.map((c) => c._zod.def).find((c) => c.pattern)?.pattern;

/** Walks a zod object and the form fields side by side; returns every key path that the form does not cover as the schema says. */
function uncovered(schema: z.ZodType, fields: Field[], at: string): string[] {
  const problems: string[] = [];
  for (const [key, s] of Object.entries(defOf(unwrap(schema)[0]).shape!)) {
    const where = `${at}.${key}`;
    const field = fields.find((f) => f.name === key);
    if (!field) {
      problems.push(`${where}: ingen ruta`);
      continue;
    }
    const [inner, optional] = unwrap(s);
    const def = defOf(inner);
    if (field.widget !== 'hidden' && (field.required === false) !== optional) problems.push(`${where}: obligatorisk ska vara ${!optional}`);
    if (!field.label || field.label === key) problems.push(`${where}: saknar svensk etikett`);
    if (def.type === 'enum' && (field.widget !== 'select' || JSON.stringify(field.options) !== JSON.stringify(Object.values(def.entries!)))) problems.push(`${where}: ska vara ett val bland ${Object.values(def.entries!).join(', ')}`);
    if (def.type === 'literal' && field.widget !== 'hidden' && field.widget !== 'select') problems.push(`${where}: fast värde utan val`);
    if (def.type === 'string') {
      const p = patternOf(def);
      if (p?.source === DATE_PATTERN.source) {
        if (field.widget !== 'datetime' || field.format !== 'YYYY-MM-DD') problems.push(`${where}: ska vara en datumväljare`);
      } else if (p?.source === REF_PATTERN.source) {
        if (field.widget !== 'select' || field.multiple !== false || !LINK_TARGETS[key]) problems.push(`${where}: ska vara en länkväljare`);
      } else if (p && field.pattern?.[0] !== p.source) problems.push(`${where}: mönstret ${p.source} saknas`);
    }
    if (def.type === 'array') {
      const [el] = unwrap(def.element!);
      const elDef = defOf(el);
      if (elDef.type === 'string' && patternOf(elDef)?.source === REF_PATTERN.source) {
        if (field.widget !== 'select' || field.multiple !== true) problems.push(`${where}: ska vara en länkväljare med flera val`);
      } else if (elDef.type === 'object') {
        if (field.widget !== 'list' || !field.fields) problems.push(`${where}: ska vara en lista`);
        else problems.push(...uncovered(el, field.fields, `${where}[]`));
      } else if (field.widget !== 'list' || !field.field) problems.push(`${where}: ska vara en lista`);
    }
    if (def.type === 'object') {
      if (field.widget !== 'object' || !field.fields) problems.push(`${where}: ska vara en grupp`);
      else problems.push(...uncovered(inner, field.fields, where));
    }
    if (def.type === 'record' && (field.widget !== 'list' || field.fields?.length !== 2)) problems.push(`${where}: ska vara en lista av par`);
    if (def.type === 'number' && field.widget !== 'number') problems.push(`${where}: ska vara ett tal`);
  }
  return problems;
}

describe('the generated editor configuration', () => {
  it('has a collection for every node type with a form field for every key of its schema, as the schema says', () => {
    for (const [typ, schema] of Object.entries(SCHEMA_BY_TYPE)) {
      const own = collections.filter((c) => c.filter?.field === 'typ' && c.filter.value === typ);
      expect(own.length, typ).toBeGreaterThan(0);
      for (const c of own) expect(uncovered(schema, c.fields!, `${c.name}:${typ}`)).toEqual([]);
    }
  });

  it('names a target type for every link field of the schemas', () => {
    const refs: string[] = [];
    const walk = (s: z.ZodType) => {
      const d = defOf(unwrap(s)[0]);
      for (const [k, v] of Object.entries(d.shape ?? {})) {
        const inner = defOf(unwrap(v)[0]);
        const el = inner.type === 'array' ? defOf(unwrap(inner.element!)[0]) : inner;
        if (el.type === 'string' && patternOf(el)?.source === REF_PATTERN.source) refs.push(k);
        if (el.type === 'object') walk(inner.type === 'array' ? unwrap(inner.element!)[0] : unwrap(v)[0]);
      }
    };
    for (const s of Object.values(SCHEMA_BY_TYPE)) walk(s);
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) expect(Object.keys(LINK_TARGETS), r).toContain(r);
  });

  it('reads the folders from the plan: every node file of a type lies under its collection', () => {
    const col = (typ: string) => collections.find((c) => c.filter?.value === typ)!;
    expect(col('aktivitet').folder).toBe('plans/ekby/plan-2024-2027/aktiviteter');
    expect(col('aktivitet').nested).toEqual({ depth: 2, subfolders: false });
    expect(col('mål').folder).toBe('plans/ekby/plan-2024-2027/mal');
    expect(col('styrprincip').folder).toBe('plans/ekby/policy/styrprinciper');
    expect(col('uppföljning').folder).toBe('plans/ekby/plan-2024-2027/uppfoljning');
    for (const n of graph.nodes.filter((n) => n.source.column === 1)) expect(`plans/${n.source.file}`.startsWith(`${col(n.type).folder}/`), n.source.file).toBe(true);
  });

  it('offers links as choices searched by id and title, within the plan and its policy', () => {
    const action = collections.find((c) => c.filter?.value === 'aktivitet')!;
    const bidrar = action.fields!.find((f) => f.name === 'bidrar_till')!;
    expect(bidrar.options).toContainEqual({ label: 'FO2.1 E-tjänster och självservice', value: 'FO2.1' });
    expect(bidrar.options).toContainEqual({ label: 'M1 IT-styrning', value: 'M1' });
    expect((bidrar.options as { value: string }[]).every((o) => /^(FO|M)/.test(o.value))).toBe(true);
    const goal = collections.find((c) => c.filter?.value === 'mål')!;
    expect((goal.fields!.find((f) => f.name === 'styrprinciper')!.options as { value: string }[]).map((o) => o.value)).toContain('SP9');
  });

  it('gives each owning unit a view of its own follow-ups for the open period, at the paths uppfoljning ny uses', () => {
    expect(config.period).toBe('2026-08');
    const it = collections.find((c) => c.name === 'uppfoljning-2026-08-servicenamnden-it-enheten')!;
    expect(it.label).toBe('Uppföljning 2026-08: Servicenämnden – IT-enheten');
    const a14 = it.files!.find((f) => f.name === 'a14')!;
    expect(a14.file).toBe('plans/ekby/plan-2024-2027/uppfoljning/2026-08/it-enheten/A14.md');
    expect(a14.fields.map((f) => [f.name, f.widget])).toEqual([['typ', 'hidden'], ['avser', 'hidden'], ['period', 'hidden'], ['status', 'select'], ['författare', 'string'], ['datum', 'datetime'], ['body', 'markdown']]);
    expect(a14.fields.find((f) => f.name === 'status')!.options).toEqual([...AKTIVITET_STATUS]);
    const owners = graph.nodes.filter((n) => n.type === 'aktivitet' && n.fields['ansvarig'] === 'Servicenämnden – IT-enheten').map((n) => n.id);
    expect(it.files!.every((f) => owners.includes(f.label.split(' ')[0]!))).toBe(true);
    const goals = collections.find((c) => c.name === 'uppfoljning-2026-08-kommundirektoren')!;
    expect(goals.files!.find((f) => f.name === 'fo1-1')!.fields.find((f) => f.name === 'bedömning')!.options).toEqual([...BEDOMNING]);
  });

  it('names the files uppfoljning ny would write for a period without follow-ups, with their text as templates', () => {
    const next = editorConfig(graph, { plansPath: 'plans', period: '2027-08', backend: { kind: 'local', url: 'http://127.0.0.1:1/api/v1', branch: 'main', workflow: false } });
    const unit = (next.decap['collections'] as Collection[]).find((c) => c.name === 'uppfoljning-2027-08-servicenamnden-it-enheten')!;
    const a19 = unit.files!.find((f) => f.name === 'a19')!;
    expect(a19.file).toBe('plans/ekby/plan-2024-2027/uppfoljning/2027-08/servicenamnden-it-enheten/a19.md');
    expect(next.format.templates[a19.file]).toMatch(/^---\ntyp: uppföljning\navser: A19\nperiod: 2027-08\n/);
    expect(next.decap['publish_mode']).toBe('simple');
  });
});
