// Human output: messages grouped by file like the best linters, in Swedish, with colour only on a terminal.
import type { CheckMessage } from '../../messages/report.js';
import { severityOf } from '../../messages/report.js';

export interface HumanOptions {
  color: boolean;
  /** Prefix for file paths, so they can be opened from the terminal (the plans folder as given). */
  base: string;
  fileCount: number;
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

/** `base/file` with forward slashes, or just `file` when base is empty or '.'. */
export function joinPath(base: string, file: string): string {
  if (base === '' || base === '.') return file;
  return `${base.replace(/\/+$/, '')}/${file}`;
}
