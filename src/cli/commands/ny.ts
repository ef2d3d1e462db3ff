// `sparbar ny <typ> [mapp]`: writes a new node file with its required keys, the next free id and a short guide
// in comments; never overwrites. Then checks the plan and shows what is left to fill in.
import path from 'node:path';
import { checkPlans } from '../../check/check-plans.js';
import { checkWriteTarget, writeNewFile, WriteRefusedError } from '../../files/write-safety.js';
import { NEW_NODE_TYPES, NewNodeError, parseNewNodeType, planNewNode } from '../../scaffold/new-node.js';
import { closest, quoteList } from '../../util/suggest.js';
import { parseCommandArgs } from '../args.js';
import { EXIT_OK, EXIT_PLAN_ERRORS, EXIT_USAGE } from '../exit-codes.js';
import { severityOf } from '../../messages/report.js';
import { joinPath } from '../format/human.js';
import type { Io } from '../io.js';
import { printBlockingErrors } from '../print-messages.js';
import { makeFolders } from '../../files/make-folders.js';

const USAGE = 'Användning: sparbar ny <typ> [mapp] [--till <id>] [--titel <text>] [--ansvarig <text>] [--plan <id>]';

/** Today as ÅÅÅÅ-MM-DD in local time. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** 0 when the file was written, 1 when the plan has errors or the file already exists, 2 on usage errors. */
export function runNy(args: readonly string[], io: Io): number {
  const parsed = parseCommandArgs(
    args,
    { till: { type: 'string', multiple: true }, titel: { type: 'string' }, ansvarig: { type: 'string' }, plan: { type: 'string' } },
    2,
  );
  if ('error' in parsed) return fail(io, parsed.error);
  const [typed, dir = 'plans'] = parsed.positionals;
  if (typed === undefined) return fail(io, `ange vilken typ av nod, en av: ${NEW_NODE_TYPES.join(', ')}.`);
  if (/^uppf(ö|o)ljning$/i.test(typed)) return fail(io, 'uppföljningar skapas per period för hela planen: sparbar uppfoljning ny <ÅÅÅÅ-MM>.');
  const type = parseNewNodeType(typed);
  if (type === undefined) {
    // Worded as check words `typ: mal` in a file, so the two agree.
    const hint = closest(typed, NEW_NODE_TYPES);
    return fail(io, `okänd typ "${typed}".${hint ? ` Menade du "${hint}"?` : ''} Tillåtna typer: ${quoteList(NEW_NODE_TYPES)}.`);
  }
  const values = parsed.values as { till?: string[]; titel?: string; ansvarig?: string; plan?: string };
  for (const [key, value] of [['titel', values.titel], ['ansvarig', values.ansvarig]] as const) {
    if (value !== undefined && (value.trim() === '' || /[\r\n]/.test(value))) return fail(io, `--${key} ska vara en rad text.`);
  }
  const till = (values.till ?? []).flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);

  const result = checkPlans(dir);
  if (result.messages.some((m) => m.fatal === true)) {
    printBlockingErrors(result.messages, dir, result.fileCount, io);
    io.stderr('sparbar ny: planen har fel; rätta dem först, så att den nya noden får ett ledigt id.\n');
    return EXIT_PLAN_ERRORS;
  }
  let planned: ReturnType<typeof planNewNode>;
  try {
    planned = planNewNode(result.graph, type, {
      today: today(),
      till,
      ...(values.titel !== undefined ? { titel: values.titel.trim() } : {}),
      ...(values.ansvarig !== undefined ? { ansvarig: values.ansvarig.trim() } : {}),
      ...(values.plan !== undefined ? { document: values.plan } : {}),
    });
  } catch (error) {
    if (error instanceof NewNodeError) return fail(io, error.message);
    throw error;
  }
  const shown = joinPath(dir, planned.path);
  try {
    const target = checkWriteTarget(path.join(dir, planned.path), dir, 'plan-file', shown);
    makeFolders(path.dirname(target));
    writeNewFile(target, planned.content);
  } catch (error) {
    if (error instanceof WriteRefusedError) {
      io.stderr(`sparbar ny: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      io.stderr(`sparbar ny: ${shown} finns redan och skrivs aldrig över. Byt namn på den befintliga filen eller skapa noden för hand.\n`);
      return EXIT_PLAN_ERRORS;
    }
    io.stderr(`sparbar ny: kunde inte skriva ${shown} (${code ?? (error as Error).message}). Kontrollera att mappen går att skriva i.\n`);
    return EXIT_PLAN_ERRORS;
  }
  io.stdout(`Skapade ${shown} (${type} ${planned.id}).\n`);
  const after = checkPlans(dir);
  const own = after.messages.filter((m) => m.file === planned.path);
  if (own.length > 0) {
    const lines = own.map((m) => `  ${m.line}:${m.column}  ${severityOf(m) === 'error' ? 'fel' : 'varning'}  ${m.reason}  (${m.ruleId})`);
    io.stdout(`\nKvar att fylla i, enligt sparbar check:\n${lines.join('\n')}\n`);
  }
  if (planned.toFill.length > 0) io.stdout(`\nFyll i: ${planned.toFill.join(', ')}. Kör sedan npx sparbar check ${dir}.\n`);
  return EXIT_OK;
}

function fail(io: Io, reason: string): number {
  io.stderr(`sparbar ny: ${reason}\n${USAGE}\n`);
  return EXIT_USAGE;
}
