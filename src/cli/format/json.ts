// JSON output: an array of messages with rule id, severity, file, line, column, message and the rule's page (url).
import type { CheckMessage } from '../../messages/report.js';
import { severityOf } from '../../messages/report.js';
import { joinPath } from './human.js';

export interface JsonMessage {
  ruleId: string;
  severity: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  message: string;
  suggestions?: string[];
  /** The rule's documentation page (docs/regler/<id>.md, see src/messages/rule-url.ts). */
  url: string;
}

/** The messages as a JSON array (pretty-printed, one trailing newline). */
export function formatJson(messages: readonly CheckMessage[], base: string): string {
  const out: JsonMessage[] = messages.map((m) => ({
    ruleId: m.ruleId,
    severity: severityOf(m),
    file: joinPath(base, m.file),
    line: m.line,
    column: m.column,
    message: m.reason,
    ...(m.expected?.length ? { suggestions: m.expected } : {}),
    url: m.url,
  }));
  return JSON.stringify(out, null, 2) + '\n';
}
