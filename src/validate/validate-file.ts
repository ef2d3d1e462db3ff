// Validates one file's frontmatter against the zod schema for its `typ`.
import { NODE_TYPES, SCHEMA_BY_TYPE, SUB_POINT_SUFFIX_PATTERN, type StyrprincipFile } from '../../schemas/plan-files.js';
import type { YamlPath } from '../parse/yaml-frontmatter.js';
import type { MessageSink } from '../messages/report.js';
import type { ReadPlanFile } from '../parse/read-plan-file.js';
import { locate } from '../parse/yaml-frontmatter.js';
import { closest, quoteList } from '../util/suggest.js';
import { normalizeToken } from '../files/characters.js';
import { normalizeValues } from './normalize-values.js';
import { issuesToMessages } from './zod-issues.js';
import { checkAdopters } from './adopters.js';

export type TypeName = keyof typeof SCHEMA_BY_TYPE;
export type ValidFile = { [T in TypeName]: { typ: T; file: ReadPlanFile; value: import('zod').infer<(typeof SCHEMA_BY_TYPE)[T]> } }[TypeName];

/** The file's validated frontmatter, or undefined after reporting every schema problem in it. */
export function validateFile(file: ReadPlanFile, sink: MessageSink): ValidFile | undefined {
  // A file whose YAML has errors has them reported already; what it declares is read only for its shadow.
  if (file.broken) return undefined;
  const typ = normalizeToken(file.data.typ);
  if (!Object.hasOwn(SCHEMA_BY_TYPE, typ)) {
    const hit = closest(typ, NODE_TYPES);
    sink.report(
      'invalid-value',
      `Okänd typ "${typ}".${hit ? ` Menade du "${hit}"?` : ''} Tillåtna typer: ${quoteList(NODE_TYPES)}.`,
      { file: file.path, ...locate(file.parsed, ['typ']) },
      { expected: hit ? [hit] : [...NODE_TYPES] },
    );
    return undefined;
  }
  const schema = SCHEMA_BY_TYPE[typ as TypeName];
  const result = schema.safeParse(normalizeValues(file.data, schema));
  if (result.success) {
    const valid = { typ, file, value: result.data } as ValidFile;
    checkSubPointIds(valid, sink);
    checkAdopters(valid, sink);
    return valid;
  }
  file.schemaErrorKeys = [...new Set(result.error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' && issue.path.length === 0 ? issue.keys : [String(issue.path[0] ?? '')])))].sort();
  for (const m of issuesToMessages(result.error.issues, schema, file.parsed, typ)) {
    sink.report(m.ruleId, m.reason, { file: file.path, ...m.point }, m.expected ? { expected: m.expected } : {});
  }
  return undefined;
}

/**
 * A sub-point's id is its principle's id, a dot and letters or digits (`SP12.a`), so that a link to it says which
 * principle it belongs to. Reported as invalid-format at the id; the sub-point is still read, so that links to it
 * do not give errors in other files.
 */
function checkSubPointIds(vf: ValidFile, sink: MessageSink): void {
  const check = (principleId: string, list: StyrprincipFile['underpunkter'], at: YamlPath) => {
    (list ?? []).forEach((u, k) => {
      if (typeof u === 'string') return;
      const prefix = `${principleId}.`;
      if (u.id.startsWith(prefix) && SUB_POINT_SUFFIX_PATTERN.test(u.id.slice(prefix.length))) return;
      const letter = String.fromCharCode(97 + Math.min(k, 25));
      sink.report(
        'invalid-format',
        `Delpunkten "${u.id}" har fel form: en delpunkts id är principens id, en punkt och en bokstav eller siffra. Skriv till exempel "${prefix}${letter}".`,
        { file: vf.file.path, ...locate(vf.file.parsed, [...at, 'underpunkter', k, 'id']) },
        { actual: u.id, expected: [`${prefix}${letter}`] },
      );
    });
  };
  if (vf.typ === 'styrprincip') check(vf.value.id, vf.value.underpunkter, []);
  if (vf.typ === 'policy') (vf.value.områden ?? []).forEach((area, i) => (area.styrprinciper ?? []).forEach((p, j) => check(p.id, p.underpunkter, ['områden', i, 'styrprinciper', j])));
}
