// `sparbar kolada hamta [mapp]`: fills Kolada indicators' outcomes; writes only after every fetch succeeded.
import { checkPlans } from '../../check/check-plans.js';
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
  writeKoladaUpdates(dir, plan.updates);
  for (const u of plan.updates) {
    io.stdout(`${u.file} (${u.indicator}, ${u.kpi}): ${u.changes.map((c) => `${c.year} ${c.before === null ? '' : `${c.before} → `}${c.after}`).join(', ')}\n`);
    if (u.keptFromFollowUps.length) io.stdout(`  behöll uppföljningarnas värden för ${u.keptFromFollowUps.join(', ')}\n`);
  }
  if (plan.unchanged.length) io.stdout(`Oförändrade: ${plan.unchanged.join(', ')}\n`);
  io.stdout(plan.updates.length === 0 ? 'Inga nya utfall från Kolada.\n' : `${plan.updates.length} indikatorfiler uppdaterade.\n`);
  return EXIT_OK;
}
