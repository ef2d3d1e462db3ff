// `sparbar kolada hamta [mapp]`: fills Kolada indicators' outcomes; writes only after every fetch succeeded,
// all files or none (src/files/file-transaction.ts), and first completes an earlier run that was interrupted.
import { checkPlans } from '../../check/check-plans.js';
import { recoverInterruptedWrite, TRANSACTION_FOLDER, TransactionError, type Recovery } from '../../files/file-transaction.js';
import { WriteRefusedError } from '../../files/write-safety.js';
import { KOLADA_BASE_URL } from '../../kolada/client.js';
import { planKoladaUpdates, writeKoladaUpdates } from '../../kolada/update-indicators.js';
import { parseCommandArgs } from '../args.js';
import { EXIT_OK, EXIT_PLAN_ERRORS, EXIT_USAGE } from '../exit-codes.js';
import type { Io } from '../io.js';
import { printBlockingErrors } from '../print-messages.js';

/** Fetches, then writes all or nothing; exit 1 when any fetch failed (nothing written) or the plan has errors. */
export async function runKolada(args: readonly string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'hamta' && sub !== 'hämta') {
    io.stderr('sparbar kolada: användning: sparbar kolada hamta [mapp] [--url <adress>] [--timeout <sekunder>]\n');
    return EXIT_USAGE;
  }
  const parsed = parseCommandArgs(rest, { url: { type: 'string', default: process.env['SPARBAR_KOLADA_URL'] ?? KOLADA_BASE_URL }, timeout: { type: 'string', default: '15' } }, 1);
  if ('error' in parsed) {
    io.stderr(`sparbar kolada hamta: ${parsed.error}\n`);
    return EXIT_USAGE;
  }
  const timeout = Number(parsed.values['timeout']);
  if (!Number.isFinite(timeout) || timeout <= 0) {
    io.stderr('sparbar kolada hamta: --timeout ska vara ett antal sekunder, t.ex. 15.\n');
    return EXIT_USAGE;
  }
  const dir = parsed.positionals[0] ?? 'plans';
  try {
    const recovery = recoverInterruptedWrite(dir);
    if (recovery) reportRecovery(recovery, io);
  } catch (error) {
    if (!(error instanceof TransactionError || error instanceof WriteRefusedError)) throw error;
    io.stderr(`sparbar kolada hamta: ${error.message}\n`);
    return EXIT_USAGE;
  }
  const result = checkPlans(dir);
  if (result.messages.some((m) => m.fatal === true)) {
    printBlockingErrors(result.messages, dir, result.fileCount, io);
    io.stderr('sparbar kolada hamta: planen har fel; rätta dem först.\n');
    return EXIT_PLAN_ERRORS;
  }
  const plan = await planKoladaUpdates(dir, result.graph, { baseUrl: parsed.values['url'] as string, timeoutMs: timeout * 1000 });
  if (plan.errors.length > 0) {
    for (const e of plan.errors) io.stderr(`fel: ${e}\n`);
    io.stderr('Inga filer ändrades: Spårbar skriver bara när alla indikatorer kunde hämtas.\n');
    return EXIT_PLAN_ERRORS;
  }
  if (plan.updates.length > 0) {
    io.stdout(`Skriver ${plan.updates.length} indikatorfiler, alla eller ingen: avbryts körningen slutför nästa kolada hamta uppdateringen.\n`);
  }
  try {
    writeKoladaUpdates(dir, plan.updates);
  } catch (error) {
    if (!(error instanceof TransactionError || error instanceof WriteRefusedError)) throw error;
    io.stderr(`sparbar kolada hamta: ${error.message}\n`);
    return EXIT_USAGE;
  }
  for (const u of plan.updates) {
    io.stdout(`${u.file} (${u.indicator}, ${u.kpi}): ${u.changes.map((c) => `${c.year} ${c.before === null ? '' : `${c.before} → `}${c.after}`).join(', ')}\n`);
    if (u.keptFromFollowUps.length) io.stdout(`  behöll uppföljningarnas värden för ${u.keptFromFollowUps.join(', ')}\n`);
  }
  if (plan.unchanged.length) io.stdout(`Oförändrade: ${plan.unchanged.join(', ')}\n`);
  io.stdout(plan.updates.length === 0 ? 'Inga nya utfall från Kolada.\n' : `${plan.updates.length} indikatorfiler uppdaterade.\n`);
  return EXIT_OK;
}

/** Says what the start of the run found of an interrupted one (see src/files/file-transaction.ts). */
function reportRecovery(recovery: Recovery, io: Io): void {
  if (recovery.kind === 'rolled-back') {
    io.stdout(`En tidigare körning avbröts innan den ändrade någon fil; dess tillfälliga filer (${TRANSACTION_FOLDER}) togs bort.\n`);
    return;
  }
  if (recovery.kind === 'removed') {
    io.stdout(`En tidigare körning avbröts när den började eller slutade; ingen fil behövde ändras och dess tomma arbetsmapp (${TRANSACTION_FOLDER}) togs bort.\n`);
    return;
  }
  const done = recovery.completed.length + recovery.alreadyDone;
  io.stdout(`En tidigare körning (${recovery.command ?? 'okänt kommando'}) avbröts medan den skrev; den är nu slutförd: ${done} ${done === 1 ? 'fil' : 'filer'} har sina nya värden (${recovery.completed.length} skrevs nu).\n`);
  for (const file of recovery.conflicts) {
    io.stderr(`varning: ${file} har ändrats av någon annan sedan dess och lämnades som den är; kontrollera dess utfall.\n`);
  }
}
