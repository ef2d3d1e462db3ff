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
import { hasKey, locate, locateStart, type ParsedYaml, type Point, type YamlPath } from '../parse/yaml-frontmatter.js';
import { describeValue, pathLabel, typeWord, valueAt } from './describe.js';
import { keysAt, requiredKeysAt } from './schema-walk.js';

export interface IssueMessage {
  ruleId: ProblemCode;
  reason: string;
  point: Point;
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
        const expected = issue.expected === 'int' ? 'int' : String(issue.expected);
        const example = expected === 'array' ? ` Skriv till exempel [${String(value ?? 'A1')}].` : '';
        out.push({
          ruleId: 'wrong-type',
          reason: `"${label}" ska vara ${typeWord(expected)} men är ${describeValue(value)}.${example}`,
          point: locate(parsed, path),
        });
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
            `"${label}" har värdet ${JSON.stringify(value)}, som inte är tillåtet.` +
            (hit ? ` Menade du "${hit}"?` : '') +
            ` Tillåtna värden: ${quoteList(allowed)}.`,
          point: locate(parsed, path),
          expected: hit ? [hit] : allowed,
        });
        break;
      }
      case 'invalid_format': {
        const hint = issue.pattern ? FORMAT_HINTS.get(issue.pattern.replace(/^\/|\/[a-z]*$/g, '')) : undefined;
        out.push({
          ruleId: hint?.rule ?? 'invalid-format',
          reason: `"${label}" har värdet ${JSON.stringify(value)} men ska vara ${hint?.what ?? 'på en annan form'}.`,
          point: locate(parsed, path),
        });
        break;
      }
      case 'custom': {
        // A date that already failed its ÅÅÅÅ-MM-DD pattern needs no second message.
        if (issues.some((other) => other.code === 'invalid_format' && pathLabel(other.path as YamlPath) === label)) break;
        const rule = (issue.params?.['rule'] as ProblemCode | undefined) ?? 'invalid-format';
        const reason =
          rule === 'invalid-date'
            ? `"${label}" har värdet ${JSON.stringify(value)}, som inte är ett verkligt datum. Kontrollera månad och dag (ÅÅÅÅ-MM-DD).`
            : `"${label}": ${issue.message}`;
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
        out.push({
          ruleId: 'invalid-format',
          reason: `En nyckel i "${label}" har fel form. Använd årtal med fyra siffror (t.ex. 2026) eller heltal för skalsteg.`,
          point: locate(parsed, path),
        });
        break;
      }
      default: {
        out.push({ ruleId: 'wrong-type', reason: `"${label}" har ett ogiltigt värde: ${issue.message}.`, point: locate(parsed, path) });
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
