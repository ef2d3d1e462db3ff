// JSON output: an array of messages with rule id, severity, file, line, column, message and the rule's page (url).
import type { CheckMessage } from '../../messages/report.js';
import { endOf, severityOf } from '../../messages/report.js';
import { joinPath } from './human.js';

export interface JsonMessage {
  ruleId: string;
  severity: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  /** Where the value the message is about ends (the column after its last character), as ESLint's JSON gives it. */
  endLine?: number;
  endColumn?: number;
  message: string;
  suggestions?: string[];
  /** Other places the message is about (the first use of a duplicate id, the other value of a conflict). */
  related?: { file: string; line: number; column: number; message: string }[];
  /** The rule's documentation page (docs/regler/<id>.md, see src/messages/rule-url.ts). */
  url: string;
}

/** The messages as a JSON array (pretty-printed, one trailing newline). */
export function formatJson(messages: readonly CheckMessage[], base: string): string {
  const out: JsonMessage[] = messages.map((m) => {
    const end = endOf(m);
    return {
      ruleId: m.ruleId,
      severity: severityOf(m),
      file: joinPath(base, m.file),
      line: m.line,
      column: m.column,
      ...(end ? { endLine: end.line, endColumn: end.column } : {}),
      message: m.reason,
      ...(m.expected?.length ? { suggestions: m.expected } : {}),
      ...(m.related?.length ? { related: m.related.map((r) => ({ file: joinPath(base, r.file), line: r.line, column: r.column, message: r.note })) } : {}),
      url: m.url,
    };
  });
  return JSON.stringify(out, null, 2) + '\n';
}
