// The `sparbar` command line: parses arguments, runs a command, maps the outcome to an exit code.
import { parseArgs } from 'node:util';
import { checkPlans, PlansFolderError } from '../check/check-plans.js';
import { graphToJson } from '../graph/to-json.js';
import { severityOf, type CheckMessage } from '../messages/report.js';
import { EXIT_OK, EXIT_PLAN_ERRORS, EXIT_USAGE } from './exit-codes.js';
import { formatGithub } from './format/github.js';
import { formatHuman } from './format/human.js';
import { formatJson } from './format/json.js';

export const USAGE = `Användning: sparbar <kommando> [mapp] [flaggor]

Kommandon:
  check [mapp]     Kontrollera planen (standard: plans) och rapportera alla problem.
  graph [mapp]     Skriv ut planens spårbarhetsgraf som JSON.
  help             Visa den här hjälpen.

Flaggor för check:
  --format <f>     human (standard), json eller github
  --strict         Räkna varningar som fel.

Slutkoder: 0 inga fel, 1 fel i planen, 2 felaktig användning eller internt fel.
`;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  color: boolean;
}

/** Runs the command line with `argv` (without node and script) and returns the exit code; never throws. */
export function run(argv: readonly string[], io: Io): number {
  try {
    return runUnsafe(argv, io);
  } catch (error) {
    if (error instanceof PlansFolderError) {
      io.stderr(`sparbar: ${error.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`sparbar: internt fel: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nRapportera gärna felet med filerna som orsakade det.\n`);
    return EXIT_USAGE;
  }
}

function runUnsafe(argv: readonly string[], io: Io): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.stdout(USAGE);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: { format: { type: 'string', default: 'human' }, strict: { type: 'boolean', default: false } },
    });
  } catch (error) {
    io.stderr(`sparbar: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const dir = parsed.positionals[0] ?? 'plans';
  if (parsed.positionals.length > 1) {
    io.stderr(`sparbar: för många argument: ${parsed.positionals.slice(1).join(' ')}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  switch (command) {
    case 'check': {
      const format = parsed.values.format;
      if (format !== 'human' && format !== 'json' && format !== 'github') {
        io.stderr(`sparbar: okänt format "${format}". Välj human, json eller github.\n`);
        return EXIT_USAGE;
      }
      const result = checkPlans(dir);
      const messages = parsed.values.strict ? strict(result.messages) : result.messages;
      if (format === 'json') io.stdout(formatJson(messages, dir));
      else if (format === 'github') io.stdout(formatGithub(messages, dir));
      else io.stdout(formatHuman(messages, { color: io.color, base: dir, fileCount: result.fileCount }));
      return messages.some((m) => severityOf(m) === 'error') ? EXIT_PLAN_ERRORS : EXIT_OK;
    }
    case 'graph': {
      const result = checkPlans(dir);
      io.stdout(graphToJson(result.graph));
      const errors = result.messages.filter((m) => severityOf(m) === 'error');
      if (errors.length > 0) {
        io.stderr(`sparbar: planen har ${errors.length} fel; grafen ovan saknar de delar som felen gäller. Kör sparbar check ${dir} för detaljer.\n`);
        return EXIT_PLAN_ERRORS;
      }
      return EXIT_OK;
    }
    default:
      io.stderr(`sparbar: okänt kommando "${command}".\n\n${USAGE}`);
      return EXIT_USAGE;
  }
}

/** Messages with every warning raised to an error (--strict). */
function strict(messages: readonly CheckMessage[]): CheckMessage[] {
  return messages.map((m) => {
    m.fatal = true;
    return m;
  });
}
