// GitHub Actions output: one workflow command per message, so each shows as an annotation on the line.
import type { CheckMessage } from '../../messages/report.js';
import { severityOf } from '../../messages/report.js';
import { joinPath } from './human.js';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=…,line=…,col=…,title=…::message` lines, one per message. */
export function formatGithub(messages: readonly CheckMessage[], base: string): string {
  return messages
    .map((m) => {
      const kind = severityOf(m) === 'error' ? 'error' : 'warning';
      const props = `file=${escapeProperty(joinPath(base, m.file))},line=${m.line},col=${m.column},title=${escapeProperty(`sparbar ${m.ruleId}`)}`;
      return `::${kind} ${props}::${escapeData(m.reason)}\n`;
    })
    .join('');
}
