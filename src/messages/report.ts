// Collects check messages as vfile messages: rule id, Swedish reason, file and position.
import { VFileMessage } from 'vfile-message';
import { ruleById, type RuleId, type Severity } from './rules.js';

export interface Place {
  file: string;
  line: number;
  column: number;
}

/** A vfile message with the file path and severity that Spårbar always sets. */
export type CheckMessage = VFileMessage & { file: string; ruleId: RuleId; line: number; column: number };

/** The severity of a message: error when fatal, otherwise warning. */
export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : 'warning';
}

/** Collects messages in the order they are reported; never throws. */
export class MessageSink {
  readonly messages: CheckMessage[] = [];

  /** Records a message for `ruleId` at `place`, with the rule's default severity. */
  report(ruleId: RuleId, reason: string, place: Place, extra: { expected?: string[]; actual?: string } = {}): CheckMessage {
    const message = new VFileMessage(reason, {
      ruleId,
      source: 'sparbar',
      place: { line: place.line, column: place.column },
    }) as CheckMessage;
    message.file = place.file;
    message.fatal = ruleById(ruleId).severity === 'error';
    if (extra.expected) message.expected = extra.expected;
    if (extra.actual !== undefined) message.actual = extra.actual;
    this.messages.push(message);
    return message;
  }
}

/** Messages sorted by file, line, column and rule id, so output is deterministic. */
export function sortMessages<T extends CheckMessage>(messages: readonly T[]): T[] {
  return [...messages].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
      (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0),
  );
}
