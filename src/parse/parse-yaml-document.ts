// The yaml package's parseDocument without a lookup in the process environment for every token.
import { parseDocument, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

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
