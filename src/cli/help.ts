// The help texts of `sparbar`, made from the command specs: the overview and one page per command.
import { COMMAND_SPECS, HELP_OPTION, isGroup, usageLine, type CommandGroup, type CommandSpec, type OptionSpec } from './command-specs.js';

const WIDTH = 80;
const INDENT = 2;
/** Where the descriptions start. */
const COLUMN = 26;

/** The overview `sparbar --help` prints: every command with one line, the global flags and the exit codes. */
export function overviewHelp(): string {
  const rows: [string, string][] = [];
  for (const c of COMMAND_SPECS) {
    for (const spec of isGroup(c) ? c.subcommands : [c]) rows.push([spec.words.join(' '), spec.summary]);
  }
  rows.push(['help', 'Visa hjälpen, för ett kommando om det anges.']);
  return [
    'Användning: sparbar <kommando> [argument] [flaggor]',
    '',
    wrap('Spårbar kontrollerar planer skrivna som markdownfiler och publicerar dem med status och uppföljning.', 0),
    '',
    'Kommandon:',
    table(rows),
    '',
    'Flaggor:',
    table([
      ['-h, --help', 'Visa hjälpen; efter ett kommando kommandots hjälp.'],
      ['-v, --version', 'Visa Spårbars version.'],
    ]),
    '',
    'Kör sparbar <kommando> --help för kommandots argument, flaggor och exempel.',
    wrap('Slutkoder: 0 klart, 1 fel i planen (eller något saknas), 2 felaktig användning eller internt fel.', 0),
    '',
  ].join('\n');
}

/** One command's help: usage, what it does, its arguments, flags, examples and exit codes. */
export function commandHelp(spec: CommandSpec): string {
  const parts = [`Användning: ${usageLine(spec)}`, '', wrap(spec.summary, 0), '', wrap(spec.description, 0), ''];
  if (spec.positionals.length > 0) parts.push('Argument:', table(spec.positionals.map((p) => [p.name, p.text])), '');
  parts.push('Flaggor:', table([...spec.options, HELP_OPTION].map((o) => [optionLabel(o), o.text])), '');
  if (spec.examples.length > 0) {
    parts.push('Exempel:');
    for (const e of spec.examples) parts.push(`${pad(INDENT)}${e.command}`, wrap(e.text, INDENT * 3));
    parts.push('');
  }
  parts.push(wrap(`Slutkoder: ${spec.exitCodes}`, 0), '');
  return parts.join('\n');
}

/** A group's help (`sparbar uppfoljning --help`): its subcommands. */
export function groupHelp(group: CommandGroup): string {
  const names = group.subcommands.map((s) => s.words[1]).join('|');
  return [
    `Användning: sparbar ${group.word} <${names}> [argument] [flaggor]`,
    '',
    wrap(group.summary, 0),
    '',
    'Underkommandon:',
    table(group.subcommands.map((s) => [usageLine(s).replace(`sparbar ${group.word} `, '').replace(/ \[flaggor\]$/, ''), s.summary])),
    '',
    wrap(`Kör sparbar ${group.word} <underkommando> --help för underkommandots flaggor och exempel.`, 0),
    '',
  ].join('\n');
}

function optionLabel(o: OptionSpec): string {
  const name = o === HELP_OPTION ? '-h, --help' : `--${o.name}`;
  return o.value === undefined ? name : `${name} ${o.value}`;
}

/** Two columns; a left cell too wide for the column puts its text on the next line. */
function table(rows: readonly [string, string][], column = COLUMN): string {
  const lines: string[] = [];
  for (const [left, right] of rows) {
    const head = `${pad(INDENT)}${left}`;
    const body = wrap(right, column).split('\n');
    if (head.length + 2 <= column) lines.push(head + body[0]!.slice(head.length), ...body.slice(1));
    else lines.push(head, ...body);
  }
  return lines.join('\n');
}

/** `text` wrapped at WIDTH columns, every line indented by `indent`. */
function wrap(text: string, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && indent + line.length + 1 + word.length > WIDTH) {
      lines.push(pad(indent) + line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(pad(indent) + line);
  return lines.join('\n');
}

const pad = (n: number) => ' '.repeat(n);
