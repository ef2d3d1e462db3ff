// What form a value of the file format takes, in words and as an example written as in a file, read from the zod
// schema: "ett årtal, t.ex. 2026", "{ från: 2024, till: 2027 }". And, for a value YAML read as another type than the
// field wants, the value written the way the field wants it when that can be told (0180 → "0180", 2025-01-01 → 2025).
import type { z } from 'zod';
import { DATE_PATTERN, PERIOD_PATTERN } from '../../schemas/plan-files.js';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  keyType?: z.ZodType;
  in?: z.ZodType;
  entries?: Record<string, string>;
  values?: unknown[];
  checks?: { _zod: { def: { check?: string; format?: string; pattern?: RegExp; minimum?: number } } }[];
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

/** The kind of value a schema takes, for the forms below. */
export type FormKind = 'year' | 'date' | 'period' | 'integer' | 'number' | 'text' | 'choice' | 'list' | 'map' | 'per-year' | 'other';

export interface Form {
  kind: FormKind;
  /** The form in words: "ett årtal", "ett datum ÅÅÅÅ-MM-DD". */
  words: string;
  /** An example of the form as written in a file: `2026`, `{ från: 2024, till: 2027 }`. */
  example: string;
}

const pattern = (def: Def): RegExp | undefined => def.checks?.map((c) => c._zod.def.pattern).find((p) => p !== undefined);

/** The form of values of `schema`; `key` (the key it is written under) picks a fitting example (`till` ends a range). */
export function formOf(schema: z.ZodType, key?: string | number): Form {
  const s = unwrap(schema);
  const def = defOf(s);
  const end = key === 'till' || key === 'slut';
  switch (def.type) {
    case 'number': {
      const n = s as unknown as { isInt?: boolean; minValue?: number | null };
      if (n.isInt && (n.minValue ?? 0) >= 1900) return { kind: 'year', words: 'ett årtal', example: end ? '2027' : key === 'från' ? '2024' : '2026' };
      if (n.isInt) return { kind: 'integer', words: 'ett heltal', example: '3' };
      return { kind: 'number', words: 'ett tal (decimaler med punkt)', example: '4.5' };
    }
    case 'string': {
      const p = pattern(def)?.source;
      if (p === DATE_PATTERN.source) return { kind: 'date', words: 'ett datum ÅÅÅÅ-MM-DD', example: end ? '2028-12-31' : key === 'från' ? '2024-01-01' : '2026-08-31' };
      if (p === PERIOD_PATTERN.source) return { kind: 'period', words: 'en period ÅÅÅÅ-MM', example: '2026-08' };
      return { kind: 'text', words: 'en text', example: 'text' };
    }
    case 'enum': {
      const values = Object.values(def.entries ?? {});
      return { kind: 'choice', words: 'ett av värdena i listan', example: String(values[0] ?? '') };
    }
    case 'literal':
      return { kind: 'choice', words: 'värdet', example: String(def.values?.[0] ?? '') };
    case 'array':
      return { kind: 'list', words: 'en lista', example: def.element ? `[${formOf(def.element).example}]` : '[…]' };
    case 'object': {
      const shape = def.shape ?? {};
      const required = Object.entries(shape).filter(([, v]) => defOf(v).type !== 'optional');
      const shown = (required.length > 0 ? required : Object.entries(shape)).slice(0, 4);
      const keys = shown.map(([k]) => k);
      return {
        kind: 'map',
        words: `en samling nycklar (${keys.join(', ')})`,
        example: `{ ${shown.map(([k, v]) => `${k}: ${formOf(v, k).example}`).join(', ')} }`,
      };
    }
    case 'record':
      return { kind: 'per-year', words: 'ett värde per år', example: `{ 2026: ${def.valueType && formOf(def.valueType).kind !== 'number' ? formOf(def.valueType).example : '85'} }` };
    default:
      return { kind: 'other', words: 'ett annat slags värde', example: '' };
  }
}

/**
 * The value written as `form` wants it, when what was written says what was meant: a number or true/false where text
 * is wanted (quoted, as written), a date where a year is wanted (its year), a year where a date is wanted (its first
 * or last day), `2025-2028` where a range of years is wanted, `4,5` where a number is wanted. Undefined otherwise.
 */
export function rewriteAs(form: Form, value: unknown, source: string | undefined, key?: string | number, schema?: z.ZodType): string | undefined {
  const written = (source ?? (typeof value === 'string' ? value : JSON.stringify(value))).trim();
  switch (form.kind) {
    case 'text':
    case 'choice':
      return typeof value === 'number' || typeof value === 'boolean' ? JSON.stringify(written) : undefined;
    case 'year': {
      const m = /^(\d{4})-\d{2}(?:-\d{2})?$/.exec(written);
      return m ? m[1] : undefined;
    }
    case 'date':
      if (/^\d{4}$/.test(written)) return `${written}-${key === 'till' || key === 'slut' ? '12-31' : '01-01'}`;
      if (/^\d{4}-\d{2}$/.test(written)) return `${written}-01`;
      return undefined;
    case 'period':
      return /^\d{4}-\d{2}-\d{2}$/.test(written) ? written.slice(0, 7) : undefined;
    case 'number':
    case 'integer': {
      // As printed: "4,5", "1 000" (digits grouped with a space or a no-break space), "12 %" or "12 procent".
      const bare = written.replace(/\s*(%|procent)$/i, '').replace(/\s/g, '');
      if (!/^-?\d+(?:[.,]\d+)?$/.test(bare) || bare === written) return undefined;
      return form.kind === 'integer' && /[.,]/.test(bare) ? undefined : bare.replace(',', '.');
    }
    case 'map': {
      const shape = schema ? (defOf(unwrap(schema)).shape ?? {}) : {};
      // Money written as text, "5 Mkr" or "290–370 MSEK": a budget's amount (or range) and unit.
      const money = /^(\d+(?:[.,]\d+)?)(?:\s*[-–—]\s*(\d+(?:[.,]\d+)?))?\s*(kr|tkr|mkr|msek)$/i.exec(written);
      if (money && shape['belopp'] && shape['intervall'] && shape['enhet']) {
        const amount = (v: string) => v.replace(',', '.');
        const unit = { kr: 'kr', tkr: 'tkr', mkr: 'Mkr', msek: 'Mkr' }[money[3]!.toLowerCase() as 'kr' | 'tkr' | 'mkr' | 'msek'];
        return money[2] === undefined
          ? `{ belopp: ${amount(money[1]!)}, enhet: ${unit} }`
          : `{ intervall: { från: ${amount(money[1]!)}, till: ${amount(money[2])} }, enhet: ${unit} }`;
      }
      const range = /^(\d{4}(?:-\d{2}-\d{2})?)\s*[-–—]\s*(\d{4}(?:-\d{2}-\d{2})?)$/.exec(written);
      if (range && schema) {
        if (shape['från'] && shape['till']) {
          const from = formOf(shape['från'], 'från');
          const to = formOf(shape['till'], 'till');
          const one = (v: string, f: Form, k: string) => (f.kind === 'year' ? v.slice(0, 4) : /^\d{4}$/.test(v) ? rewriteAs(f, v, v, k) : v);
          return `{ från: ${one(range[1]!, from, 'från')}, till: ${one(range[2]!, to, 'till')} }`;
        }
      }
      return undefined;
    }
    default:
      return undefined;
  }
}
