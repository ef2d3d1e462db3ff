// The yaml package's parseDocument without a lookup in the process environment for every token.
import { parseDocument, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions, type ToJSOptions } from 'yaml';

/**
 * The only variables the yaml package's parser and composer read (its debugging switches), as they were when this
 * module was loaded.
 */
const YAML_DEBUG_ENV: NodeJS.ProcessEnv = { LOG_TOKENS: process.env['LOG_TOKENS'], LOG_STREAM: process.env['LOG_STREAM'] };

/**
 * `parseDocument(source, options)` from the yaml package, the same document, errors and warnings.
 *
 * The yaml package's parser reads `process.env.LOG_TOKENS` for every token (yaml 2.x, dist/parse/parser.js
 * `Parser.next`), and Node answers each read by looking the name up in the environment: about 650,000 lookups, some
 * 0.1-0.2 s of CPU, for the 10,000-file bench plan. For the call, `process.env` is a plain object holding the two
 * variables yaml reads; the real environment is put back before returning or throwing. The call is synchronous, so no
 * other code of this thread sees the stand-in (worker threads have their own `process.env`).
 */
export function parseYamlDocument(source: string, options: ParseOptions & DocumentOptions & SchemaOptions): Document.Parsed {
  const env = process.env;
  process.env = YAML_DEBUG_ENV;
  try {
    return parseDocument(source, options);
  } finally {
    process.env = env;
  }
}

/**
 * `parse(source, options)` from the yaml package (without a reviver) through parseYamlDocument: the same value, the
 * same warnings (emitted as process warnings at the default log level) and the same first error thrown.
 */
export function parseYaml(source: string, options: ParseOptions & DocumentOptions & SchemaOptions & ToJSOptions): unknown {
  const doc = parseYamlDocument(source, options);
  const level = doc.options.logLevel;
  if (level === 'debug' || level === 'warn') for (const warning of doc.warnings) process.emitWarning(warning);
  if (doc.errors.length > 0) {
    if (level !== 'silent') throw doc.errors[0];
    doc.errors = [];
  }
  return doc.toJS({ reviver: undefined, ...options });
}
