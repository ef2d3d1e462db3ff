// Human output: messages grouped by file like the best linters, in Swedish, with colour only on a terminal.
import type { CheckMessage } from '../../messages/report.js';
import { endOf, severityOf } from '../../messages/report.js';

export interface HumanOptions {
  color: boolean;
  /** Prefix for file paths, so they can be opened from the terminal (the plans folder as given). */
  base: string;
  fileCount: number;
  /** A file's text by its path in the messages, to underline what a message is about; undefined when it cannot be read. */
  source?: (file: string) => string | undefined;
}

const paint = (on: boolean, code: string, s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

/** A report of every message grouped by file, with a summary line; "Inga problem" when there are none. */
export function formatHuman(messages: readonly CheckMessage[], options: HumanOptions): string {
  const { color } = options;
  const lines: string[] = [];
  const groups = new Map<string, CheckMessage[]>();
  for (const m of messages) groups.set(m.file, [...(groups.get(m.file) ?? []), m]);
  for (const [file, list] of groups) {
    lines.push(paint(color, '4', joinPath(options.base, file)));
    const posWidth = Math.max(...list.map((m) => `${m.line}:${m.column}`.length));
    for (const m of list) {
      const severity = severityOf(m);
      const word = severity === 'error' ? paint(color, '31', 'fel     ') : paint(color, '33', 'varning ');
      lines.push(`  ${`${m.line}:${m.column}`.padEnd(posWidth)}  ${word} ${m.reason}  ${paint(color, '2', m.ruleId)}`);
      const indent = ' '.repeat(posWidth + 4);
      lines.push(...underline(m, options.source?.(m.file), indent, color));
      for (const r of m.related ?? []) lines.push(`${indent}${paint(color, '2', '↳')} ${joinPath(options.base, r.file)}:${r.line}:${r.column}  ${r.note}`);
    }
    lines.push('');
  }
  const errors = messages.filter((m) => severityOf(m) === 'error').length;
  const warnings = messages.length - errors;
  const files = `${options.fileCount} ${options.fileCount === 1 ? 'fil' : 'filer'} kontrollerad${options.fileCount === 1 ? "" : "e"}`;
  if (messages.length === 0) lines.push(paint(color, '32', `✓ Inga problem (${files}).`));
  else {
    const summary = `${errors === 0 ? '⚠' : '✖'} ${errors} fel och ${warnings} ${warnings === 1 ? 'varning' : 'varningar'} i ${groups.size} ${groups.size === 1 ? 'fil' : 'filer'} (${files}).`;
    lines.push(paint(color, errors ? '31' : '33', summary));
  }
  return lines.join('\n') + '\n';
}

/**
 * The message's source line with its value underlined (`^^^`), when the message has an end on its own line and
 * the file's text is at hand; nothing otherwise. A tab is shown as one space, so the marks stay under the value.
 */
function underline(m: CheckMessage, text: string | undefined, indent: string, color: boolean): string[] {
  const end = endOf(m);
  if (text === undefined || !end || end.line !== m.line || end.column <= m.column) return [];
  const line = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)[m.line - 1];
  if (line === undefined || line.length > 200) return [];
  const shown = line.replace(/\t/g, ' ');
  const marks = `${' '.repeat(m.column - 1)}${'^'.repeat(Math.min(end.column, shown.length + 1) - m.column)}`;
  return [`${indent}${paint(color, '2', '│')} ${shown}`, `${indent}${paint(color, '2', '│')} ${paint(color, severityOf(m) === 'error' ? '31' : '33', marks)}`];
}

/** `base/file` with forward slashes, or just `file` when base is empty or '.'. */
export function joinPath(base: string, file: string): string {
  if (base === '' || base === '.') return file;
  return `${base.replace(/\/+$/, '')}/${file}`;
}
