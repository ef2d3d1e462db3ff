// Frontmatter in another syntax than YAML: TOML between `+++` lines (Hugo's default, so plans moved from a Hugo site
// have it) and JSON (Hugo's `{ … }` at the top, gray-matter's `---json`). Spårbar reads only YAML; a file that is
// clearly a plan file in one of these is told how to convert it, with the converted YAML when it can be made safely.
import { parse as parseToml, TomlDate } from 'smol-toml';
import { Document, isCollection, isMap } from 'yaml';
import { normalizeData } from './yaml-frontmatter.js';

export interface OtherFrontmatter {
  syntax: 'TOML' | 'JSON';
  /** 1-based lines of the opening and closing fence (or brace). */
  openLine: number;
  closeLine: number;
  /** The frontmatter's text between the fences. */
  text: string;
  /** The data, when it parses and is a table (object). */
  data?: Record<string, unknown>;
  /** The opening fence as written (`+++`, `{`, `---json`). */
  fence: string;
}

const TOML_FENCE = /^\+\+\+[ \t]*$/;
const TAGGED = /^---[ \t]*(json|toml)[ \t]*$/i;

/** The TOML or JSON frontmatter that `text` (LF line endings) opens with, if any. */
export function findOtherFrontmatter(text: string): OtherFrontmatter | undefined {
  const lines = text.split('\n');
  const first = lines[0] ?? '';
  const tagged = TAGGED.exec(first);
  if (TOML_FENCE.test(first) || tagged) {
    const syntax = TOML_FENCE.test(first) || tagged?.[1]?.toLowerCase() === 'toml' ? 'TOML' : 'JSON';
    const closing = TOML_FENCE.test(first) ? TOML_FENCE : /^---[ \t]*$/;
    const end = lines.findIndex((l, i) => i > 0 && closing.test(l));
    const close = end === -1 ? lines.length : end;
    const body = lines.slice(1, close).join('\n');
    return { syntax, openLine: 1, closeLine: close + 1, text: body, fence: first.trim(), ...parsed(syntax, body) };
  }
  if (/^\{[ \t]*$/.test(first) || /^\{[ \t]*"/.test(first)) {
    const end = lines.findIndex((l) => /^\}[ \t]*$/.test(l));
    const close = end === -1 ? lines.length - 1 : end;
    const body = lines.slice(0, close + 1).join('\n');
    return { syntax: 'JSON', openLine: 1, closeLine: close + 1, text: body, fence: '{', ...parsed('JSON', body) };
  }
  return undefined;
}

function parsed(syntax: 'TOML' | 'JSON', body: string): { data?: Record<string, unknown> } {
  try {
    const value: unknown = syntax === 'TOML' ? parseToml(body) : JSON.parse(body);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return { data: normalizeData(plain(value)) as Record<string, unknown> };
  } catch {
    // Not readable: what it declares is read line by line instead.
  }
  return {};
}

/** TOML's values as YAML writes them: dates as ÅÅÅÅ-MM-DD, tables as plain objects. */
function plain(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

/**
 * The data as YAML frontmatter lines (without the `---` fences), keys in their order, when every value is one YAML
 * writes back unchanged (text, number, true/false, lists and tables of those); undefined otherwise.
 */
export function yamlFrontmatterFor(data: Record<string, unknown>): string | undefined {
  const safe = (v: unknown): boolean =>
    typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || (Array.isArray(v) ? v.every(safe) : v !== null && typeof v === 'object' && Object.values(v).every(safe));
  if (!Object.values(data).every(safe)) return undefined;
  const doc = new Document(data, { version: '1.2' });
  // Nested lists and tables on one line each, as the format's own examples write them.
  if (isMap(doc.contents)) for (const pair of doc.contents.items) if (isCollection(pair.value)) pair.value.flow = true;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd();
}
