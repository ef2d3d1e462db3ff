// `sparbar uppfoljning ny|status <period> [mapp]`: open a follow-up period, and see what is still missing.
import path from 'node:path';
import { checkPlans } from '../../check/check-plans.js';
import { checkWriteTarget, writeNewFile, WriteRefusedError } from '../../files/write-safety.js';
import { periodOutsideEveryPlan } from '../../followup/active.js';
import { planFollowUpFiles } from '../../followup/open-period.js';
import { periodStatus } from '../../followup/period-status.js';
import { isPeriod, parseCommandArgs } from '../args.js';
import { EXIT_OK, EXIT_PLAN_ERRORS, EXIT_USAGE } from '../exit-codes.js';
import type { Io } from '../io.js';
import { printBlockingErrors } from '../print-messages.js';
import { makeFolders } from '../../files/make-folders.js';

/** Dispatches `ny` and `status`. */
export function runUppfoljning(args: readonly string[], io: Io): number {
  const [sub, ...rest] = args;
  if (sub === 'ny') return openPeriod(rest, io);
  if (sub === 'status') return showStatus(rest, io);
  return fail(io, sub === undefined ? 'ange ny eller status' : `okänt underkommando "${sub}"; välj ny eller status`);
}

function fail(io: Io, reason: string): number {
  io.stderr(`sparbar uppfoljning: ${reason}.\nAnvändning: sparbar uppfoljning ny <ÅÅÅÅ-MM> [mapp] | sparbar uppfoljning status <ÅÅÅÅ-MM> [mapp]\n`);
  return EXIT_USAGE;
}

/** Writes one file per active node without a follow-up for the period; never overwrites; exit 1 if the plan has errors. */
function openPeriod(args: readonly string[], io: Io): number {
  const parsed = parseCommandArgs(args, {}, 2);
  if ('error' in parsed) return fail(io, parsed.error);
  const [period, dir = 'plans'] = parsed.positionals;
  if (!isPeriod(period)) return fail(io, `perioden ska skrivas ÅÅÅÅ-MM, t.ex. 2027-08${period ? ` (inte "${period}")` : ''}`);
  const result = checkPlans(dir);
  if (result.messages.some((m) => m.fatal === true)) {
    printBlockingErrors(result.messages, dir, result.fileCount, io);
    io.stderr('sparbar uppfoljning ny: planen har fel; rätta dem först så att rätt filer skapas.\n');
    return EXIT_PLAN_ERRORS;
  }
  const outside = periodOutsideEveryPlan(result.graph, period);
  if (outside) return fail(io, outside.replace(/\.$/, ''));
  const files = planFollowUpFiles(result.graph, period);
  // Every target is judged (through symbolic links) before anything is written: all inside the plans folder.
  const targets: string[] = [];
  try {
    for (const file of files) targets.push(checkWriteTarget(path.join(dir, file.path), dir, 'plan-file', path.posix.join(dir, file.path)));
  } catch (error) {
    if (!(error instanceof WriteRefusedError)) throw error;
    io.stderr(`sparbar uppfoljning ny: ${error.message} Inga filer skrevs.\n`);
    return EXIT_USAGE;
  }
  let written = 0;
  let current = '';
  for (const [i, file] of files.entries()) {
    const target = targets[i]!;
    try {
      makeFolders(path.dirname(target));
      writeNewFile(target, file.content);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        io.stderr(`Hoppar över ${path.posix.join(dir, file.path)}: filen finns redan.\n`);
        continue;
      }
      throw error;
    }
    if (file.owner !== current) {
      io.stdout(`${written === 0 ? '' : '\n'}${file.owner}\n`);
      current = file.owner;
    }
    io.stdout(`  ${path.posix.join(dir, file.path)}\n`);
    written++;
  }
  io.stdout(written === 0 ? `Inga nya filer: alla aktiva styrprinciper, områden, effektmål, mål, fokusområden och aktiviteter har redan en uppföljning för ${period}.\n` : `\n${written} uppföljningsfiler skapade för ${period}. Varje ansvarig fyller i sina filer; sparbar uppfoljning status ${period} visar vad som återstår.\n`);
  return EXIT_OK;
}

/** Lists per owner what is missing or not filled in; exit 0 when complete, 1 when something remains. */
function showStatus(args: readonly string[], io: Io): number {
  const parsed = parseCommandArgs(args, { format: { type: 'string', default: 'human' } }, 2);
  if ('error' in parsed) return fail(io, parsed.error);
  const [period, dir = 'plans'] = parsed.positionals;
  if (!isPeriod(period)) return fail(io, `perioden ska skrivas ÅÅÅÅ-MM, t.ex. 2027-08${period ? ` (inte "${period}")` : ''}`);
  const format = parsed.values['format'];
  if (format !== 'human' && format !== 'json') return fail(io, `okänt format "${String(format)}"; välj human eller json`);
  const result = checkPlans(dir);
  const outside = periodOutsideEveryPlan(result.graph, period);
  if (outside) return fail(io, outside.replace(/\.$/, ''));
  const status = periodStatus(result.graph, period);
  const remaining = status.reduce((n, s) => n + s.outstanding.length, 0);
  if (format === 'json') {
    io.stdout(JSON.stringify({ period, complete: remaining === 0, owners: status }, null, 2) + '\n');
  } else if (status.length === 0) {
    io.stdout(`Ingen plan har ${period} inom sin period.\n`);
  } else {
    for (const owner of status) {
      io.stdout(`${owner.owner}: ${owner.done} av ${owner.expected} klara\n`);
      for (const item of owner.outstanding) io.stdout(`  ${item.state.padEnd(9)}  ${item.type} ${item.id} ${item.title}${item.file ? ` (${path.posix.join(dir, item.file)})` : ''}\n`);
    }
    io.stdout(remaining === 0 ? `\nUppföljningen för ${period} är komplett.\n` : `\n${remaining} uppföljningar återstår för ${period}.\n`);
  }
  if (result.messages.some((m) => m.fatal === true)) io.stderr(`Obs: planen har fel; kör sparbar check ${dir}.\n`);
  return remaining === 0 ? EXIT_OK : EXIT_PLAN_ERRORS;
}
