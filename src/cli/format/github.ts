// GitHub Actions output: one workflow command per message, so each shows as an annotation on the line.
import type { CheckMessage } from '../../messages/report.js';
import { endOf, severityOf } from '../../messages/report.js';
import { joinPath } from './human.js';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message` lines, one per message (GitHub's workflow
 * commands: endColumn only on the start's line). Other places a message is about are named in its text.
 */
export function formatGithub(messages: readonly CheckMessage[], base: string): string {
  return messages
    .map((m) => {
      const kind = severityOf(m) === 'error' ? 'error' : 'warning';
      const end = endOf(m);
      const range = end ? `,endLine=${end.line}${end.line === m.line ? `,endColumn=${end.column}` : ''}` : '';
      const props = `file=${escapeProperty(joinPath(base, m.file))},line=${m.line},col=${m.column}${range},title=${escapeProperty(`sparbar ${m.ruleId}`)}`;
      const related = (m.related ?? []).map((r) => `\n${r.note}: ${joinPath(base, r.file)}:${r.line}:${r.column}`).join('');
      return `::${kind} ${props}::${escapeData(m.reason + related)}\n`;
    })
    .join('');
}
