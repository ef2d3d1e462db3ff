// Explains the yaml package's errors in Swedish and moves each to where the writer made the mistake.
import type { YAMLError } from 'yaml';

export interface ExplainedError {
  /** 0-based line and column within the frontmatter text. */
  line: number;
  column: number;
  message: string;
  duplicateKey: boolean;
}

const INDENT_CODES = new Set(['BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'BAD_INDENT', 'BAD_DIRECTIVE']);

/** The Swedish explanation and best position of a yaml error in `text` (whose lines are `lines`). */
export function explainYamlError(error: YAMLError, text: string, lines: readonly string[], linePos: (offset: number) => { line: number; col: number }): ExplainedError {
  const at = linePos(Math.min(error.pos[0], text.length));
  let line = at.line - 1;
  let column = at.col - 1;
  const first = error.message.split('\n')[0] ?? error.message;
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^\s*(?:-\s+)?("[^"]*"|'[^']*'|[^:#]+?)\s*:/.exec(lines[line]?.slice(column) ?? '')?.[1]?.replace(/^["']|["']$/g, '');
    const firstLine = key === undefined ? -1 : lines.findIndex((l, i) => i < line && new RegExp(`^\\s*${escapeRegExp(key)}\\s*:`).test(l));
    const where = firstLine >= 0 ? ` (första gången på rad ${firstLine + 1 + 1})` : '';
    return { line, column, duplicateKey: true, message: `Nyckeln "${key ?? '?'}" står två gånger${where}. Ta bort den ena.` };
  }
  if (/call stack/i.test(error.message)) return { line, column, duplicateKey: false, message: 'strukturen är för djupt nästlad för att läsas' };
  if (error.code === 'MISSING_CHAR' && /quote/i.test(first)) {
    const open = findUnclosedQuote(lines, line);
    if (open) ({ line, column } = open);
    return { line, column, duplicateKey: false, message: 'ett citattecken öppnas men stängs aldrig. Avsluta värdet med samma citattecken på samma rad' };
  }
  if (error.code === 'MISSING_CHAR') return { line, column, duplicateKey: false, message: 'en lista [ … ] eller ett { … } stängs aldrig. Lägg till ] eller }' };
  const colonValue = /^(\s*(?:-\s+)?[^\s:#"'][^:#]*:\s+)([^"'\s][^#]*?:\s.*)$/.exec(lines[line] ?? '');
  if (INDENT_CODES.has(error.code) && colonValue) {
    const key = colonValue[1]!.trim();
    return {
      line,
      column: colonValue[1]!.length,
      duplicateKey: false,
      message: `värdet innehåller ": ", som YAML läser som en ny nyckel. Sätt hela värdet inom citattecken: ${key} "${colonValue[2]!.trim()}"`,
    };
  }
  if (INDENT_CODES.has(error.code)) {
    const indented = findOverIndented(lines, line);
    if (indented) ({ line, column } = indented);
    return { line, column, duplicateKey: false, message: 'raden är indragen som om den hörde till raden ovanför. Ta bort indraget, eller flytta nyckeln dit den hör' };
  }
  if (error.code === 'TAB_AS_INDENT') return { line, column, duplicateKey: false, message: 'tabb används som indrag. Använd mellanslag' };
  if (error.code === 'BAD_SCALAR_START') return { line, column, duplicateKey: false, message: 'värdet börjar med ett tecken som inte får inleda en text (som @ eller `). Sätt värdet inom citattecken' };
  if (error.code === 'BAD_ALIAS' || error.code === 'ALIAS_PROPS') return { line, column, duplicateKey: false, message: 'ett alias (*namn) är felskrivet eller pekar på något som inte finns' };
  return { line, column, duplicateKey: false, message: `${first.replace(/ at line \d+, column \d+:?$/, '')} (YAML)` };
}

/** The opening quote of a quoted value that is never closed, searching from the top down to `before`. */
function findUnclosedQuote(lines: readonly string[], before: number): { line: number; column: number } | undefined {
  for (let i = 0; i <= Math.min(before, lines.length - 1); i++) {
    const m = /^(\s*(?:-\s+)?(?:[^"'#:]+:\s+)?)(["'])/.exec(lines[i]!);
    if (!m) continue;
    const quote = m[2]!;
    const rest = lines[i]!.slice(m[1]!.length + 1);
    const closed = quote === '"' ? /(^|[^\\])"/.test(rest) || rest.startsWith('"') : rest.includes("'");
    if (!closed) return { line: i, column: m[1]!.length };
  }
  return undefined;
}

/** The first line after `from`'s line that is indented deeper than a plain `key: value` line above it. */
function findOverIndented(lines: readonly string[], from: number): { line: number; column: number } | undefined {
  for (let i = Math.max(1, from); i < Math.min(lines.length, from + 3); i++) {
    const prev = lines[i - 1]!;
    const cur = lines[i]!;
    const indent = (s: string) => /^\s*/.exec(s)![0].length;
    if (/^\s*[^\s#-][^:]*:\s*[^\s|>]/.test(prev) && cur.trim() !== '' && indent(cur) > indent(prev)) return { line: i, column: indent(cur) };
  }
  return undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
