// Turns zod issues into Spårbar messages: a rule id, a Swedish reason that says how to fix it, and a position.
import type { z } from 'zod';
import {
  DATE_PATTERN,
  ID_PATTERN,
  KOLADA_KPI_PATTERN,
  KOMMUNKOD_PATTERN,
  PERIOD_PATTERN,
  REF_PATTERN,
  YEAR_KEY_PATTERN,
} from '../../schemas/plan-files.js';
import type { ProblemCode } from '../messages/problems.js';
import { closest, quoteList } from '../util/suggest.js';
import { hasKey, locate, locateStart, sourceAt, writtenKeys, type ParsedYaml, type Point, type Range, type YamlPath } from '../parse/yaml-frontmatter.js';
import { describeValue, pathLabel, typeWord, valueAt } from './describe.js';
import { formOf, rewriteAs } from './forms.js';
import { keysAt, requiredKeysAt, schemaAt } from './schema-walk.js';

export interface IssueMessage {
  ruleId: ProblemCode;
  reason: string;
  point: Range;
  expected?: string[];
}

interface FormatHint {
  rule: ProblemCode;
  what: string;
}

const FORMAT_HINTS = new Map<string, FormatHint>([
  [DATE_PATTERN.source, { rule: 'invalid-date', what: 'ett datum på formen ÅÅÅÅ-MM-DD, t.ex. 2026-08-31' }],
  [PERIOD_PATTERN.source, { rule: 'invalid-period', what: 'en period på formen ÅÅÅÅ-MM, t.ex. 2026-08' }],
  [ID_PATTERN.source, { rule: 'invalid-format', what: 'ett id av bokstäver, siffror, punkt, bindestreck och understreck (t.ex. FO2.3)' }],
  [REF_PATTERN.source, { rule: 'invalid-format', what: 'ett id (t.ex. M1) eller dokument-id:id (t.ex. plan-2024:M1)' }],
  [KOLADA_KPI_PATTERN.source, { rule: 'invalid-format', what: 'ett Kolada-id: en stor bokstav och fem siffror, t.ex. N00945' }],
  [KOMMUNKOD_PATTERN.source, { rule: 'invalid-format', what: 'en kommunkod med fyra siffror, t.ex. 0180' }],
  [YEAR_KEY_PATTERN.source, { rule: 'invalid-format', what: 'ett årtal med fyra siffror, t.ex. 2026' }],
]);

/** Messages for every issue zod found in one file's frontmatter. */
export function issuesToMessages(issues: readonly z.core.$ZodIssue[], schema: z.ZodType, parsed: ParsedYaml, typ: string): IssueMessage[] {
  const out: IssueMessage[] = [];
  for (const issue of issues) {
    const path = issue.path as YamlPath;
    const label = pathLabel(path);
    const value = valueAt(parsed.data, path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed = keysAt(schema, path);
        for (const key of issue.keys) {
          const comma = commaInFlowMap(parsed, schema, path, key);
          if (comma) {
            out.push(comma);
            continue;
          }
          const hit = closest(key, allowed);
          const where = path.length ? ` i ${label}` : '';
          out.push({
            ruleId: 'unknown-key',
            reason:
              `Okänd nyckel "${key}"${where} för typ ${typ}.` +
              (hit ? ` Menade du "${hit}"?` : ` Ta bort den eller använd en av: ${allowed.join(', ')}.`),
            point: locate(parsed, [...path, key], 'key'),
            ...(hit ? { expected: [hit] } : {}),
          });
        }
        break;
      }
      case 'invalid_type': {
        const missing = missingKey(path, value, schema, parsed, typ);
        if (missing) {
          out.push(missing);
          break;
        }
        const comment = value === null ? commentAsValue(parsed, path) : undefined;
        if (comment) {
          out.push(comment);
          break;
        }
        if (typeof value === 'number' && !Number.isFinite(value)) {
          out.push({ ruleId: 'wrong-type', reason: notFinite(path, value, schema, parsed), point: locate(parsed, path) });
          break;
        }
        out.push({ ruleId: 'wrong-type', reason: wrongType(issue.expected === 'int' ? 'int' : String(issue.expected), path, value, schema, parsed), point: locate(parsed, path) });
        break;
      }
      case 'invalid_value': {
        const missing = missingKey(path, value, schema, parsed, typ);
        if (missing) {
          out.push(missing);
          break;
        }
        const allowed = issue.values.map(String);
        const hit = typeof value === 'string' ? closest(value, allowed) : undefined;
        out.push({
          ruleId: 'invalid-value',
          reason:
            (value === null ? `"${label}" har inget värde: skriv ett av de tillåtna värdena, eller ta bort raden.` : `"${label}" har värdet ${JSON.stringify(value)}, som inte är tillåtet.`) +
            (hit ? ` Menade du "${hit}"?` : '') +
            ` Tillåtna värden: ${quoteList(allowed)}.`,
          point: locate(parsed, path),
          expected: hit ? [hit] : allowed,
        });
        break;
      }
      case 'invalid_format': {
        const hint = 'pattern' in issue && typeof issue.pattern === 'string' ? FORMAT_HINTS.get(issue.pattern.replace(/^\/|\/[a-z]*$/g, '')) : undefined;
        const fixed = typeof value === 'string' ? paddedDate(value) : undefined;
        out.push({
          ruleId: hint?.rule ?? 'invalid-format',
          reason: `"${label}" har värdet ${JSON.stringify(value)} men ska vara ${hint?.what ?? 'på en annan form'}.` + (fixed ? ` Skriv ${String(path[path.length - 1])}: ${fixed}.` : ''),
          point: locate(parsed, path),
        });
        break;
      }
      case 'custom': {
        // A date that already failed its ÅÅÅÅ-MM-DD pattern needs no second message.
        if (issues.some((other) => other.code === 'invalid_format' && pathLabel(other.path as YamlPath) === label)) break;
        const rule = (issue.params?.['rule'] as ProblemCode | undefined) ?? 'invalid-format';
        // A refinement of the format says its own Swedish words; zod's default is English and never shown.
        const own = issue.message && issue.message !== 'Invalid input' ? issue.message : undefined;
        const reason =
          rule === 'invalid-date'
            ? `"${label}" har värdet ${JSON.stringify(value)}, som inte är ett verkligt datum. Kontrollera månad och dag (ÅÅÅÅ-MM-DD).`
            : `"${label}" har ett värde som inte stämmer med formatet${own ? `: ${own}` : '. Jämför med exemplen i formatet (README)'}.`;
        out.push({ ruleId: rule, reason, point: locate(parsed, path) });
        break;
      }
      case 'too_small': {
        const reason =
          issue.origin === 'array'
            ? `Listan "${label}" får inte vara tom. Lägg till minst ${issue.minimum} värde.`
            : issue.origin === 'string'
              ? `"${label}" får inte vara tom. Skriv en text.`
              : `"${label}" är ${String(value)} men måste vara minst ${String(issue.minimum)}.`;
        out.push({ ruleId: issue.origin === 'array' || issue.origin === 'string' ? 'missing-key' : 'invalid-value', reason, point: locate(parsed, path) });
        break;
      }
      case 'too_big': {
        out.push({
          ruleId: 'invalid-value',
          reason: `"${label}" är ${String(value)} men får vara högst ${String(issue.maximum)}.`,
          point: locate(parsed, path),
        });
        break;
      }
      case 'invalid_key': {
        const parent = path.slice(0, -1);
        const key = path[path.length - 1];
        const comma = typeof key === 'string' ? commaInFlowMap(parsed, schema, parent, key) : undefined;
        if (comma) {
          out.push(comma);
          break;
        }
        out.push({ ruleId: 'invalid-format', reason: badRecordKey(parent, key, issue, parsed), point: locate(parsed, path, 'key') });
        break;
      }
      case 'not_multiple_of': {
        out.push({ ruleId: 'invalid-value', reason: `"${label}" är ${String(value)} men ska vara en multipel av ${String(issue.divisor)}.`, point: locate(parsed, path) });
        break;
      }
      case 'invalid_union': {
        // The one form whose kind fits the value (a list, a map, a text): its own problems say more than "no form fits".
        const fitting = issue.errors.filter((branch) => !branch.some((i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_union')));
        if (fitting.length === 1) {
          out.push(...issuesToMessages(fitting[0]!.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as z.core.$ZodIssue), schema, parsed, typ));
          break;
        }
        out.push({
          ruleId: 'wrong-type',
          reason: `"${label}" passar inte någon av formerna som är tillåtna här (${describeValue(value)}). Jämför med exemplen i formatet (README).`,
          point: locate(parsed, path),
        });
        break;
      }
      case 'invalid_element': {
        out.push({ ruleId: 'wrong-type', reason: `Ett värde i "${label}" har fel form. Jämför med exemplen i formatet (README).`, point: locate(parsed, path) });
        break;
      }
    }
  }
  return out;
}

/** A missing-key message when the issue is about a key that is absent from its map, else undefined. */
function missingKey(path: YamlPath, value: unknown, schema: z.ZodType, parsed: ParsedYaml, typ: string): IssueMessage | undefined {
  const parent = path.slice(0, -1);
  const key = path[path.length - 1];
  if (value !== undefined || typeof key !== 'string' || hasKey(parsed, parent, key)) return undefined;
  const required = requiredKeysAt(schema, parent);
  const owner = parent.length ? `"${pathLabel(parent)}"` : `Typ ${typ}`;
  return {
    ruleId: 'missing-key',
    reason: `Nyckeln "${key}" saknas${parent.length ? ` i ${pathLabel(parent)}` : ''}. ${owner} kräver: ${required.join(', ')}.`,
    point: parent.length ? locate(parsed, parent, 'key') : locateStart(parsed),
  };
}

/**
 * The wrong-type reason for a value YAML read as another type than the field wants: what the field takes, what YAML
 * made of the value, and the value written as the field wants it (in quotes; a year for a date; a range as
 * { från, till }) or an example of the form from the format.
 */
function wrongType(expected: string, path: YamlPath, value: unknown, schema: z.ZodType, parsed: ParsedYaml): string {
  const label = pathLabel(path);
  const key = path[path.length - 1];
  const at = schemaAt(schema, path);
  const source = sourceAt(parsed, path);
  if (at === undefined || value === null || value === undefined) return `"${label}" ska vara ${typeWord(expected)} men är ${describeValue(value)}.`;
  const form = formOf(at, key);
  const rewritten = rewriteAs(form, value, source, key, at);
  const write = (v: string) => (typeof key === 'string' ? `${key}: ${v}` : v);
  const parent = path.slice(0, -1);
  const parentSchema = parent.length > 0 ? schemaAt(schema, parent) : undefined;
  const whole = parentSchema && typeof parent[parent.length - 1] === 'string' ? ` (hela värdet t.ex. ${String(parent[parent.length - 1])}: ${formOf(parentSchema).example})` : '';
  const shown = source ?? JSON.stringify(value);
  if ((form.kind === 'text' || form.kind === 'choice') && rewritten !== undefined) {
    const lost = typeof value === 'number' && String(value) !== shown.trim() ? ` ${shown.trim()} blir ${String(value)}.` : '';
    return `"${label}" ska vara en text, men YAML läser ${shown.trim()} som ${describeValue(value)}.${lost} Skriv värdet inom citattecken: ${write(rewritten)}.`;
  }
  const unquoted = typeof value === 'string' && /^["']/.test(shown.trim()) ? numberIn(value) : undefined;
  if ((form.kind === 'year' || form.kind === 'number' || form.kind === 'integer') && unquoted !== undefined) {
    return `"${label}" ska vara ${form.words}, men ${shown.trim()} står inom citattecken och läses därför som text. Ta bort citattecknen: ${write(unquoted)}.`;
  }
  if (form.kind === 'year' && typeof value === 'string') {
    return `"${label}" ska vara ${form.words} (ett heltal), inte ${/^\d{4}-\d{2}/.test(value) ? 'ett datum' : describeValue(value)}: skriv ${write(rewritten ?? form.example)}${whole}.`;
  }
  if (form.kind === 'date' && typeof value === 'number') {
    return `"${label}" ska vara ${form.words}, inte bara ett år: skriv ${write(rewritten ?? form.example)}${whole}.`;
  }
  if (form.kind === 'map' || form.kind === 'per-year') {
    return `"${label}" ska vara ${form.words}, inte ${describeValue(value)}: skriv ${write(rewritten ?? form.example)}.`;
  }
  if (form.kind === 'list') {
    // One value where a list is wanted: the same value in a list (a map written on one line keeps its keys).
    const oneLineMap = typeof value === 'object' && value !== null && !Array.isArray(value) && /^\{.*\}$/.test(shown.trim());
    const item = typeof value === 'string' || typeof value === 'number' ? `[${String(value)}]` : oneLineMap ? `[${shown.trim()}]` : form.example;
    return `"${label}" ska vara en lista men är ${describeValue(value)}. Skriv till exempel ${write(item)}.`;
  }
  if ((form.kind === 'number' || form.kind === 'integer') && rewritten !== undefined) {
    const why = /\d,\d/.test(shown) ? 'decimaler skrivs med punkt' : /%|procent/i.test(shown) ? 'talet skrivs utan enhet (enheten står i enhet)' : 'ett tal skrivs utan mellanrum';
    return `"${label}" ska vara ${form.words}, men ${shown.trim()} läses som text: ${why}. Skriv ${write(rewritten)}.`;
  }
  return `"${label}" ska vara ${form.words} men är ${describeValue(value)}. Skriv till exempel ${write(form.example)}.`;
}

/** The number a quoted text holds, written as YAML reads a number (`"4,5"` → `4.5`), or undefined when it holds none. */
function numberIn(text: string): string | undefined {
  const t = text.trim().replace(/\s/g, '');
  if (/^-?\d+(?:\.\d+)?$/.test(t)) return t;
  if (/^-?\d+,\d+$/.test(t)) return t.replace(',', '.');
  return undefined;
}

/** `2024-2-3` as `2024-02-03`: a date whose month or day lacks its leading zero. */
function paddedDate(value: string): string | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.trim());
  if (!m || (m[2]!.length === 2 && m[3]!.length === 2)) return undefined;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/** The 0-based line of the frontmatter text that a file position is on, and that line. */
function lineAt(parsed: ParsedYaml, point: Point): { text: string; index: number } {
  const index = point.line - parsed.firstLine;
  return { text: parsed.text.split('\n')[index] ?? '', index };
}

/**
 * `titel: #1 prioritet`: the value begins with `#` after a space, which YAML reads as a comment, so the key is empty.
 * The message that says so, at the `#`, with the value quoted; undefined when the empty value has no comment after it.
 */
function commentAsValue(parsed: ParsedYaml, path: YamlPath): IssueMessage | undefined {
  const key = path[path.length - 1];
  if (typeof key === 'string' && !hasKey(parsed, path.slice(0, -1), key)) return undefined;
  // A key: the text after its colon; a list item (`- #1 prioritet`): the text after its dash.
  const at = typeof key === 'string' ? locate(parsed, path, 'key') : locate(parsed, path);
  const { text } = lineAt(parsed, at);
  const m = typeof key === 'string' ? /^([^:]*:[ \t]+)(#.*?)[ \t]*$/.exec(text.slice(at.column - 1)) : /^([ \t]*-[ \t]+)(#.*?)[ \t]*$/.exec(text);
  if (!m) return undefined;
  const column = (typeof key === 'string' ? at.column : 1) + m[1]!.length;
  const comment = m[2]!;
  return {
    ruleId: 'wrong-type',
    reason:
      `"${pathLabel(path)}" är tomt, eftersom # efter ett mellanslag inleder en kommentar i YAML: ${comment} lästes som en kommentar, inte som värdet. ` +
      `Sätt värdet inom citattecken: ${typeof key === 'string' ? `${key}: ` : '- '}${JSON.stringify(comment)}.`,
    point: { line: at.line, column, end: { line: at.line, column: column + comment.length } },
  };
}

/** `1e400`, `.inf`, `.nan`: a number YAML reads but no field can hold. Says which, and what to write. */
function notFinite(path: YamlPath, value: number, schema: z.ZodType, parsed: ParsedYaml): string {
  const label = pathLabel(path);
  const key = path[path.length - 1];
  const written = (sourceAt(parsed, path) ?? String(value)).trim();
  const at = schemaAt(schema, path);
  const form = at ? formOf(at, key) : undefined;
  const write = (v: string) => (typeof key === 'string' ? `${key}: ${v}` : v);
  const what = Number.isNaN(value)
    ? `${written}, som YAML läser som "inget tal"`
    : /inf/i.test(written)
      ? `${written}, som YAML läser som oändligt`
      : `${written}, ett tal som är för ${value > 0 ? 'stort' : 'litet'} för att räknas med (talen går till ungefär ${value > 0 ? '' : '-'}1.8e308)`;
  if (form && (form.kind === 'text' || form.kind === 'choice')) return `"${label}" ska vara en text, men värdet är ${what}. Sätt värdet inom citattecken: ${write(JSON.stringify(written))}.`;
  return `"${label}" har värdet ${what}. Skriv det verkliga värdet${form ? ` som ${form.words}, t.ex. ${write(form.example)}` : ''}.`;
}

/** A key of a per-year or per-step map that is not a year (or step): the key, what keys must be, and the key fixed when it can be told. */
function badRecordKey(parent: YamlPath, key: string | number | undefined, issue: z.core.$ZodIssue, parsed: ParsedYaml): string {
  const inner = 'issues' in issue && Array.isArray(issue.issues) ? (issue.issues[0] as { pattern?: unknown } | undefined) : undefined;
  const yearKeys = String(inner?.pattern ?? YEAR_KEY_PATTERN).includes(YEAR_KEY_PATTERN.source);
  const shown = String(key ?? '');
  const value = valueAt(parsed.data, [...parent, shown]);
  const year = /(?:^|\D)(\d{4})(?:\D|$)/.exec(shown)?.[1];
  const step = /(-?\d+)/.exec(shown)?.[1];
  const fixed = yearKeys ? year : step;
  const example = fixed !== undefined ? ` Skriv ${fixed}: ${value === undefined || value === null ? '…' : typeof value === 'string' ? JSON.stringify(value) : String(value)}` : '';
  return (
    `Nyckeln "${shown}" i "${pathLabel(parent)}" ska vara ${yearKeys ? 'ett årtal med fyra siffror, utan bokstäver (t.ex. 2026: 85)' : 'ett heltal för ett skalsteg (t.ex. 3: Hög)'}.` +
    (example ? `${example}.` : '')
  );
}

/**
 * `{ belopp: 4,5 }` or `{2023: 9,5}`: inside `{ … }` YAML reads the comma as a separator, so `5` becomes a key of its
 * own (with no value). And `{ titel: Skola, vård }`: the same for a comma in a text. The message, at the value the
 * comma broke, that says to write a decimal point (a number) or to quote the value (a text); undefined otherwise.
 */
function commaInFlowMap(parsed: ParsedYaml, schema: z.ZodType, path: YamlPath, key: string): IssueMessage | undefined {
  if (valueAt(parsed.data, [...path, key]) !== null) return undefined;
  const map = valueAt(parsed.data, path);
  if (map === null || typeof map !== 'object' || Array.isArray(map)) return undefined;
  const keys = writtenKeys(parsed, path);
  const previous = keys[keys.indexOf(key) - 1];
  if (previous === undefined) return undefined;
  const before = (map as Record<string, unknown>)[previous];
  const where = path.length ? `I ${pathLabel(path)} står` : 'Här står';
  const source = sourceAt(parsed, [...path, previous]);
  const keyPoint = locate(parsed, [...path, key], 'key');
  const valuePoint = locate(parsed, [...path, previous]);
  if (source === undefined || keyPoint.line !== valuePoint.line || keyPoint.end === undefined) return undefined;
  // The value as written, from where it begins to the end of the key the comma made: `9,5`, `Skola, vård`.
  const written = lineAt(parsed, valuePoint).text.slice(valuePoint.column - 1, keyPoint.end.column - 1);
  const point: Range = { line: valuePoint.line, column: valuePoint.column, ...(keyPoint.end ? { end: keyPoint.end } : {}) };
  if (/^\d+$/.test(key) && typeof before === 'number' && Number.isInteger(before) && /^-?\d+$/.test(source.trim())) {
    const target = schemaAt(schema, [...path, previous]);
    const kind = target === undefined ? undefined : formOf(target, previous).kind;
    const point_ = `Skriv decimaler med punkt: ${previous}: ${source.trim()}.${key}`;
    const quote = `sätt värdet inom citattecken: ${previous}: ${JSON.stringify(written)}`;
    const fix = kind === 'text' ? `S${quote.slice(1)}` : kind === 'number' ? point_ : `${point_}, eller ${quote} om det är en text`;
    return {
      ruleId: 'wrong-type',
      reason: `${where} ${previous}: ${written}, men inom { … } läser YAML kommatecknet som en avgränsare: det blir ${source.trim()} och en nyckel "${key}" utan värde. ${fix}.`,
      point,
    };
  }
  if (typeof before === 'string' && !/^["']/.test(source.trim())) {
    const target = schemaAt(schema, [...path, previous]);
    if (target === undefined || formOf(target, previous).kind !== 'text') return undefined;
    return {
      ruleId: 'unknown-key',
      reason: `${where} ${previous}: ${written}, men inom { … } skiljer kommatecknet värden åt, så "${key}" blev en egen nyckel. Sätt texten inom citattecken: ${previous}: ${JSON.stringify(written)}.`,
      point,
    };
  }
  return undefined;
}
