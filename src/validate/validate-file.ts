// Validates one file's frontmatter against the zod schema for its `typ`.
import { NODE_TYPES, SCHEMA_BY_TYPE } from '../../schemas/plan-files.js';
import type { MessageSink } from '../messages/report.js';
import type { ReadPlanFile } from '../parse/read-plan-file.js';
import { locate } from '../parse/yaml-frontmatter.js';
import { closest, quoteList } from '../util/suggest.js';
import { normalizeToken } from '../files/characters.js';
import { normalizeValues } from './normalize-values.js';
import { issuesToMessages } from './zod-issues.js';

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
  if (result.success) return { typ, file, value: result.data } as ValidFile;
  for (const m of issuesToMessages(result.error.issues, schema, file.parsed, typ)) {
    sink.report(m.ruleId, m.reason, { file: file.path, ...m.point }, m.expected ? { expected: m.expected } : {});
  }
  return undefined;
}
