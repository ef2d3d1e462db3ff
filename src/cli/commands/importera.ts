// `sparbar importera <fil> [mapp]`: an existing policy or plan (.docx, .pdf, .txt, .md) as a new plan folder,
// and importrapport-<mapp>.md beside it saying what was recognised, what is missing and where the importer was
// unsure. Writes only a new folder (never into or over a plan) and the report; --torrkörning writes nothing.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkPlans } from '../../check/check-plans.js';
import { importDocument, ImportError } from '../../import/import-document.js';
import { importReport } from '../../import/import-report.js';
import { planImport } from '../../import/to-files.js';
import { isSameOrInside, resolveThroughLinks, writeNewFile, WriteRefusedError } from '../../files/write-safety.js';
import { newFolderProblem, writeNewFolder } from '../../import/write-folder.js';
import { parseCommandArgs } from '../args.js';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import type { Io } from '../io.js';

const USAGE_LINE = 'Användning: sparbar importera <fil> [mapp] [--torrkörning] [--rapport <fil>] [--organisation <id>] [--policy <id>]';

/** A command typed wrong: the reason and how to type it. */
function fail(io: Io, reason: string): number {
  io.stderr(`sparbar importera: ${reason}.\n${USAGE_LINE}\n`);
  return EXIT_USAGE;
}

/** A document that exists but cannot be read: the reason only, since the command was typed right. */
function unreadable(io: Io, reason: string): number {
  io.stderr(`sparbar importera: ${reason}.\n`);
  return EXIT_USAGE;
}

/**
 * The report's file when --rapport does not name one: beside the new folder, named after it
 * (`ny-plan` → `importrapport-ny-plan.md`), so imports into folders side by side never want the same report.
 */
export function defaultReportPath(folder: string): string {
  return path.join(path.dirname(folder), `importrapport-${path.basename(path.resolve(folder))}.md`);
}

export async function runImportera(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommandArgs(
    args,
    {
      torrkörning: { type: 'boolean' },
      torrkorning: { type: 'boolean' },
      rapport: { type: 'string' },
      organisation: { type: 'string' },
      policy: { type: 'string' },
    },
    2,
  );
  if ('error' in parsed) return fail(io, parsed.error);
  const [file, folder = 'plans'] = parsed.positionals;
  if (file === undefined) return fail(io, 'ange dokumentet som ska importeras, t.ex. sparbar importera it-policy.docx');
  if (!existsSync(file)) return fail(io, `filen ${file} finns inte`);
  const dryRun = parsed.values['torrkörning'] === true || parsed.values['torrkorning'] === true;
  const problem = newFolderProblem(folder);
  if (problem) return fail(io, `${problem}. Ange en ny mapp, t.ex. sparbar importera ${file} ${path.join(path.dirname(folder), `${path.basename(folder)}-import`)}`);
  const reportPath = typeof parsed.values['rapport'] === 'string' ? parsed.values['rapport'] : defaultReportPath(folder);
  if (isSameOrInside(resolveThroughLinks(reportPath), resolveThroughLinks(folder))) return fail(io, `rapporten ${reportPath} skulle hamna i den nya planmappen ${folder}; den är ingen planfil. Ange en fil utanför mappen med --rapport <fil>`);
  if (existsSync(reportPath)) return fail(io, `${reportPath} finns redan (från en tidigare import?); ta bort den eller ange en annan fil med --rapport <fil>`);

  let result: Awaited<ReturnType<typeof importDocument>>;
  try {
    result = await importDocument(file);
  } catch (error) {
    if (error instanceof ImportError) return unreadable(io, error.message);
    throw error;
  }
  const options = {
    ...(typeof parsed.values['organisation'] === 'string' ? { organisation: parsed.values['organisation'] } : {}),
    ...(typeof parsed.values['policy'] === 'string' ? { policy: parsed.values['policy'] } : {}),
  };
  const planned = planImport(result, options);
  const report = importReport(result, planned, folder);
  if (planned.files.length === 0) {
    io.stderr(`sparbar importera: ${file} har inga styrprinciper, mål eller aktiviteter som gick att känna igen; inget skrevs.\n`);
    return EXIT_USAGE;
  }

  if (dryRun) {
    io.stdout(`Torrkörning: inget skrevs. Så här skulle importen bli:\n\n${planned.files.map((f) => `  ${path.join(folder, f.path)}`).join('\n')}\n  ${reportPath}\n\n${report}`);
    return EXIT_OK;
  }
  try {
    const realReport = resolveThroughLinks(reportPath);
    writeNewFolder(folder, planned.files);
    writeNewFile(realReport, report);
  } catch (error) {
    if (error instanceof WriteRefusedError) return fail(io, error.message.replace(/\.$/, ''));
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fail(io, `${reportPath} finns redan; ta bort den eller ange en annan fil med --rapport <fil> (mappen ${folder} skrevs)`);
    throw error;
  }

  const check = checkPlans(folder);
  const errors = check.messages.filter((m) => m.fatal === true);
  const warnings = check.messages.filter((m) => m.fatal !== true);
  io.stdout(
    `Skrev ${planned.files.length} filer i ${folder} och rapporten ${reportPath}.\n` +
      `sparbar check ${folder}: ${errors.length} fel, ${warnings.length} varningar` +
      `${planned.missing.length > 0 ? `; ${planned.missing.length} uppgifter saknas i dokumentet (se rapporten)` : ''}.\n` +
      // An error in a file (a plan without its policy) can keep check from reading further: the report's
      // warnings then show only once it is fixed, which the counts above alone would hide.
      (errors.length > 0 && warnings.length < planned.missing.filter((m) => !m.required).length
        ? `Rätta ${errors.length === 1 ? 'felet' : 'felen'} först: check visar fler varningar (rapporten listar ${planned.missing.filter((m) => !m.required).length}) när ${errors.length === 1 ? 'det' : 'de'} är ${errors.length === 1 ? 'rättat' : 'rättade'}.\n`
        : '') +
      'Läs rapporten, fyll i det som saknas och checka in mappen.\n',
  );
  return EXIT_OK;
}
