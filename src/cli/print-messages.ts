// Prints check messages in the chosen format; shared by check, build and uppföljning.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CheckMessage } from '../messages/report.js';
import { formatCodeQuality } from './format/codequality.js';
import { formatGithub } from './format/github.js';
import { formatHuman } from './format/human.js';
import { formatJson } from './format/json.js';
import type { Io } from './io.js';

/** The formats `check --format` takes. */
export const MESSAGE_FORMATS = ['human', 'json', 'github', 'codequality'] as const;
export type MessageFormat = (typeof MESSAGE_FORMATS)[number];

/** True when `s` names a message format. */
export function isMessageFormat(s: string | undefined): s is MessageFormat {
  return (MESSAGE_FORMATS as readonly (string | undefined)[]).includes(s);
}

/** Writes the messages to `write` in `format`. */
export function printMessages(messages: readonly CheckMessage[], format: MessageFormat, base: string, fileCount: number, write: (s: string) => void, color: boolean): void {
  if (format === 'json') write(formatJson(messages, base));
  else if (format === 'github') write(formatGithub(messages, base));
  else if (format === 'codequality') write(formatCodeQuality(messages, base));
  else write(formatHuman(messages, { color, base, fileCount, source: sourceReader(base) }));
}

/** Reads a message's file under `base` (once per file) for the human format's underlines; undefined when it cannot. */
export function sourceReader(base: string): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      let text: string | undefined;
      try {
        text = readFileSync(path.join(base, file), 'utf8');
      } catch {
        text = undefined;
      }
      cache.set(file, text);
    }
    return cache.get(file);
  };
}

/** Writes only errors, human format, to stderr: why a command that needs a clean plan refused. */
export function printBlockingErrors(messages: readonly CheckMessage[], base: string, fileCount: number, io: Io): void {
  const errors = messages.filter((m) => m.fatal === true);
  io.stderr(formatHuman(errors, { color: false, base, fileCount }));
}
