// `sparbar check [mapp]`: every problem in the plan, in the chosen format.
import { checkPlans } from '../../check/check-plans.js';
import { periodOutsideEveryPlan } from '../../followup/active.js';
import { severityOf, type CheckMessage } from '../../messages/report.js';
import { isPeriod, parseCommandArgs } from '../args.js';
import { EXIT_OK, EXIT_PLAN_ERRORS, EXIT_USAGE } from '../exit-codes.js';
import type { Io } from '../io.js';
import { closest } from '../../util/suggest.js';
import { isMessageFormat, MESSAGE_FORMATS, printMessages } from '../print-messages.js';

/** Runs check; 0 without errors, 1 with errors (warnings too with --strict), 2 on usage errors. */
export function runCheck(args: readonly string[], io: Io): number | Promise<number> {
  const parsed = parseCommandArgs(
    args,
    { format: { type: 'string', default: 'human' }, strict: { type: 'boolean', default: false }, 'require-period': { type: 'string' }, watch: { type: 'boolean', default: false }, 'no-cache': { type: 'boolean', default: false } },
    1,
  );
  if ('error' in parsed) return fail(io, parsed.error);
  const format = parsed.values['format'] as string;
  if (!isMessageFormat(format)) {
    // GitLab names the report Code Quality; `gitlab` is the format's platform, the likeliest thing to type.
    const hit = format === 'gitlab' ? 'codequality' : closest(format, MESSAGE_FORMATS, { transpositions: true });
    return fail(io, `okänt format "${format}".${hit ? ` Menade du "${hit}"?` : ''} Välj human, json, github eller codequality.`);
  }
  const period = parsed.values['require-period'] as string | undefined;
  if (period !== undefined && !isPeriod(period)) return fail(io, `--require-period ska vara en period på formen ÅÅÅÅ-MM, t.ex. 2027-08 (inte "${period}").`);
  const dir = parsed.positionals[0] ?? 'plans';
  if (parsed.values['watch']) {
    if (format !== 'human') return fail(io, '--watch skriver läsbar text och går inte att kombinera med --format json, github eller codequality.');
    return watchUntilInterrupted(dir, { strict: parsed.values['strict'] === true, ...(period === undefined ? {} : { requirePeriod: period }) }, io);
  }
  const result = checkPlans(dir, { cache: parsed.values['no-cache'] !== true, ...(period === undefined ? {} : { requirePeriod: period }) });
  const outside = period === undefined ? null : periodOutsideEveryPlan(result.graph, period);
  if (outside) return fail(io, `--require-period ${period}: ${outside}`);
  const messages = parsed.values['strict'] ? strict(result.messages) : result.messages;
  printMessages(messages, format, dir, result.fileCount, io.stdout, io.color);
  return messages.some((m) => severityOf(m) === 'error') ? EXIT_PLAN_ERRORS : EXIT_OK;
}

/** `--watch` until Ctrl+C (SIGINT) or SIGTERM. */
async function watchUntilInterrupted(dir: string, options: { strict: boolean; requirePeriod?: string }, io: Io): Promise<number> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const { watchPlans } = await import('../watch.js');
    return await watchPlans(dir, options, io, controller.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

function fail(io: Io, reason: string): number {
  io.stderr(`sparbar check: ${reason}\nKör sparbar check --help för hjälp.\n`);
  return EXIT_USAGE;
}

/** Messages with every warning raised to an error (--strict). */
function strict(messages: readonly CheckMessage[]): CheckMessage[] {
  return messages.map((m) => {
    m.fatal = true;
    return m;
  });
}
