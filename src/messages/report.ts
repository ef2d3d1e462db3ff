// Collects check messages as vfile messages: rule id, Swedish reason, file and position.
import { VFileMessage } from 'vfile-message';
import { PROBLEM_CODES, type ProblemCode } from './problems.js';
import { ruleUrl } from './rule-url.js';

export type Severity = 'error' | 'warning';

/** Where a message points: a file, a 1-based line and column and, where known, the end (the column after the last character). */
export interface Place {
  file: string;
  line: number;
  column: number;
  end?: { line: number; column: number };
}

/** Another place a message is about (the other copy of a duplicate id, the other value of a conflict), with what is there. */
export interface RelatedPlace extends Place {
  /** What is at that place, in Swedish ("här används id:t först"). */
  note: string;
}

/** What a message may carry besides its reason and place: suggested values (`expected`), the value found, other places it is about. */
export interface ReportExtra {
  expected?: string[];
  actual?: string;
  related?: RelatedPlace[];
}

/** Who reports: a problem code, or a rule with a check (its id and default severity). */
export type Reporter = ProblemCode | { readonly id: string; readonly severity: Severity };

/** Severities set by the configuration, by rule id ('off' drops the rule's messages); other rules keep their own. */
export type RuleSettings = ReadonlyMap<string, Severity | 'off'>;

/** A vfile message with the file path, severity and documentation page (`url`) that Spårbar always sets. */
export type CheckMessage = VFileMessage & { file: string; ruleId: string; line: number; column: number; url: string; related?: RelatedPlace[] };

/** Where a message ends, when known: the end of its place (`message.place` holds both ends as vfile-message keeps them). */
export function endOf(message: VFileMessage): { line: number; column: number } | undefined {
  const place = message.place;
  return place && 'start' in place && place.end.line !== undefined && place.end.column !== undefined ? { line: place.end.line, column: place.end.column } : undefined;
}

/** The severity of a message: error when fatal, otherwise warning. */
export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : 'warning';
}

const NO_SETTINGS: RuleSettings = new Map();

/** Collects messages in the order they are reported; never throws. */
export class MessageSink {
  readonly messages: CheckMessage[] = [];

  /** `settings` change rules' severities or turn rules off (see src/rules/settings.ts). */
  constructor(readonly settings: RuleSettings = NO_SETTINGS) {}

  /** False when the configuration turns the rule off: its check need not run. */
  isOn(ruleId: string): boolean {
    return this.settings.get(ruleId) !== 'off';
  }

  /** Records a message of `by` at `place`, with its severity (the configuration's, else its own); none when it is off. */
  report(by: Reporter, reason: string, place: Place, extra: ReportExtra = {}): CheckMessage | undefined {
    const ruleId = typeof by === 'string' ? by : by.id;
    const severity = this.settings.get(ruleId) ?? (typeof by === 'string' ? PROBLEM_CODES[by] : by.severity);
    if (severity === 'off') return undefined;
    // A VFileMessage is an Error whose stack it sets to '': the stack trace Error would capture is not needed.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    let message: CheckMessage;
    try {
      message = new VFileMessage(reason, {
        ruleId,
        source: 'sparbar',
        place: place.end ? { start: { line: place.line, column: place.column }, end: { ...place.end } } : { line: place.line, column: place.column },
      }) as CheckMessage;
    } finally {
      Error.stackTraceLimit = limit;
    }
    message.file = place.file;
    message.fatal = severity === 'error';
    message.url = ruleUrl(ruleId);
    if (extra.expected) message.expected = extra.expected;
    if (extra.actual !== undefined) message.actual = extra.actual;
    if (extra.related?.length) message.related = extra.related.map((r) => ({ ...r }));
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
