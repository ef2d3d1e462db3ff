// The `sparbar` command line: finds the command, checks its arguments against its spec, prints help and the
// version, runs the command and maps the outcome to an exit code; never throws.
import { PlansFolderError } from '../check/plans-folder-error.js';
import { anyWriteProblem, isWriteRefusal } from '../files/write-problem.js';
import { closest } from '../util/suggest.js';
import { parseCommandArgs } from './args.js';
import { commandWords, findCommand, findSubcommand, isGroup, parseOptions, usageLine, type CommandGroup, type CommandSpec } from './command-specs.js';
import { EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { commandHelp, groupHelp, overviewHelp } from './help.js';
import type { Io } from './io.js';
import { packageVersion } from './version.js';

export type { Io } from './io.js';

type Handler = (args: readonly string[], io: Io) => Promise<number> | number;

/**
 * Each command's code, by its first word (a group's handler gets its subcommand word first). A command's modules
 * are loaded when it runs, so `sparbar check` does not load the site, document and import code it never uses.
 */
export const HANDLERS: Record<string, Handler> = {
  check: async (args, io) => (await import('./commands/check.js')).runCheck(args, io),
  graph: async (args, io) => (await import('./commands/graph.js')).runGraph(args, io),
  diff: async (args, io) => (await import('./commands/diff.js')).runDiff(args, io),
  build: async (args, io) => (await import('./commands/build.js')).runBuild(args, io),
  ny: async (args, io) => (await import('./commands/ny.js')).runNy(args, io),
  uppfoljning: async (args, io) => (await import('./commands/uppfoljning.js')).runUppfoljning(args, io),
  rapport: async (args, io) => (await import('./commands/rapport.js')).runRapport(args, io),
  redigera: async (args, io) => (await import('./commands/redigera.js')).runRedigera(args, io),
  kolada: async (args, io) => (await import('./commands/kolada.js')).runKolada(args, io),
  dokument: async (args, io) => (await import('./commands/dokument.js')).runDokument(args, io),
  importera: async (args, io) => (await import('./commands/importera.js')).runImportera(args, io),
};

const HELP_FLAGS = new Set(['--help', '-h']);
const VERSION_FLAGS = new Set(['--version', '-v']);

/** Runs the command line with `argv` (without node and script) and resolves to the exit code; never rejects. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(overviewHelp());
    return EXIT_USAGE;
  }
  if (VERSION_FLAGS.has(first)) {
    io.stdout(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  if (first === 'help' || HELP_FLAGS.has(first)) return help(rest, io);
  if (first.startsWith('-')) {
    const hit = closest(first.replace(/^-+/, ''), ['help', 'version'], { transpositions: true });
    return usage(io, 'sparbar', `okänd flagga ${first}.${hit ? ` Menade du --${hit}?` : ''} Före kommandot finns bara --help och --version.`, 'sparbar --help');
  }
  const found = findCommand(first);
  if (found === undefined) return unknownCommand(io, first);
  const word = isGroup(found) ? found.word : found.words[0]!;
  let spec: CommandSpec;
  let args = rest;
  if (isGroup(found)) {
    const [sub, ...subRest] = rest;
    if (sub !== undefined && HELP_FLAGS.has(sub)) {
      io.stdout(groupHelp(found));
      return EXIT_OK;
    }
    const subcommand = sub === undefined ? undefined : findSubcommand(found, sub);
    if (subcommand === undefined) return unknownSubcommand(io, found, sub);
    spec = subcommand;
    args = subRest;
  } else spec = found;
  if (wantsHelp(args)) {
    io.stdout(commandHelp(spec));
    return EXIT_OK;
  }
  const name = `sparbar ${spec.words.join(' ')}`;
  const parsed = parseCommandArgs(args, parseOptions(spec), spec.positionals.length, {
    command: name,
    positionals: spec.positionals,
    usage: usageLine(spec),
    optionValues: Object.fromEntries(spec.options.flatMap((o) => (o.value === undefined ? [] : [[o.name, o.value]]))),
  });
  if ('error' in parsed) return usage(io, name, parsed.error, `${name} --help`);
  try {
    return await HANDLERS[word]!(rest, io);
  } catch (error) {
    if (error instanceof PlansFolderError) {
      io.stderr(`sparbar: ${error.message}\n`);
      return EXIT_USAGE;
    }
    // The last line of defence for a write the file system refused (a full disk, no permission) that no command
    // said itself: the path and what to do, in Swedish, instead of a stack trace.
    if (isWriteRefusal(error)) {
      io.stderr(`sparbar ${spec.words.join(' ')}: ${anyWriteProblem(error)}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`sparbar: internt fel: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nRapportera gärna felet med filerna som orsakade det.\n`);
    return EXIT_USAGE;
  }
}

/** `sparbar help [kommando [underkommando]]` and `sparbar --help`: the help on stdout, exit 0; an unknown name is a usage error. */
function help(words: readonly string[], io: Io): number {
  const [word, sub] = words;
  if (word === undefined) {
    io.stdout(overviewHelp());
    return EXIT_OK;
  }
  const found = findCommand(word);
  if (found === undefined) return unknownCommand(io, word);
  if (!isGroup(found)) {
    io.stdout(commandHelp(found));
    return EXIT_OK;
  }
  if (sub === undefined) {
    io.stdout(groupHelp(found));
    return EXIT_OK;
  }
  const subcommand = findSubcommand(found, sub);
  if (subcommand === undefined) return unknownSubcommand(io, found, sub);
  io.stdout(commandHelp(subcommand));
  return EXIT_OK;
}

/** True when --help or -h comes before any `--` (after which everything is an argument). */
function wantsHelp(args: readonly string[]): boolean {
  for (const a of args) {
    if (a === '--') return false;
    if (HELP_FLAGS.has(a)) return true;
  }
  return false;
}

function unknownCommand(io: Io, word: string): number {
  const hit = closest(word, commandWords(), { transpositions: true });
  const names = commandWords().filter((w) => !/[åäö]/.test(w));
  return usage(io, 'sparbar', `okänt kommando "${word}".${hit ? ` Menade du "${hit}"?` : ''} Kommandon: ${names.join(', ')}, help.`, 'sparbar --help');
}

function unknownSubcommand(io: Io, group: CommandGroup, sub: string | undefined): number {
  const names = group.subcommands.map((s) => s.words[1]!);
  const name = `sparbar ${group.word}`;
  if (sub === undefined) return usage(io, name, `ange ett underkommando: ${names.join(' eller ')}.`, `${name} --help`);
  const hit = closest(sub, group.subcommands.flatMap((s) => [s.words[1]!, ...(s.aliases ?? [])]), { transpositions: true });
  return usage(io, name, `okänt underkommando "${sub}".${hit ? ` Menade du "${hit}"?` : ''} Välj ${names.join(' eller ')}.`, `${name} --help`);
}

/** A usage error on stderr with where to read more; exit code 2. */
function usage(io: Io, name: string, reason: string, helpCommand: string): number {
  io.stderr(`${name}: ${reason}\nKör ${helpCommand} för hjälp.\n`);
  return EXIT_USAGE;
}
