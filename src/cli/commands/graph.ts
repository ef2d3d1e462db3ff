// `sparbar graph [mapp]`: the traceability graph as JSON on stdout.
import { checkPlans } from '../../check/check-plans.js';
import { graphToJson } from '../../graph/to-json.js';
import { severityOf } from '../../messages/report.js';
import { parseCommandArgs } from '../args.js';
import { EXIT_OK, EXIT_PLAN_ERRORS, EXIT_USAGE } from '../exit-codes.js';
import type { Io } from '../io.js';

/** Prints the graph; exits 1 (after printing what could be built) when the plan has errors. */
export function runGraph(args: readonly string[], io: Io): number {
  const parsed = parseCommandArgs(args, {}, 1);
  if ('error' in parsed) {
    io.stderr(`sparbar graph: ${parsed.error}\nKör sparbar graph --help för hjälp.\n`);
    return EXIT_USAGE;
  }
  const dir = parsed.positionals[0] ?? 'plans';
  const result = checkPlans(dir);
  io.stdout(graphToJson(result.graph));
  const errors = result.messages.filter((m) => severityOf(m) === 'error');
  if (errors.length > 0) {
    io.stderr(`sparbar: planen har ${errors.length} fel; grafen ovan saknar de delar som felen gäller. Kör sparbar check ${dir} för detaljer.\n`);
    return EXIT_PLAN_ERRORS;
  }
  return EXIT_OK;
}
