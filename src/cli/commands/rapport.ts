// `sparbar rapport <period> [mapp] --pdf <fil> [--plan <id>]`: the follow-up report of a period as a PDF for
// the meeting papers. Builds the site into a temporary folder, serves it on 127.0.0.1 and prints the
// report page with Debian's chromium (A4, from the page's print CSS). Nothing is written but the PDF.
import { closeSync, existsSync, lstatSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkPlans } from '../../check/check-plans.js';
import { temporaryFolder } from '../../files/temporary-folder.js';
import { checkFolderWritable, isWriteRefusal, outputFileProblem, temporaryFolderProblem, withPath } from '../../files/write-problem.js';
import { checkWriteTarget, writeFileAtomic, WriteRefusedError } from '../../files/write-safety.js';
import type { GraphNode } from '../../graph/types.js';
import { buildSite } from '../../site/build-site.js';
import { formatPeriod } from '../../site/format.js';
import { SiteModel } from '../../site/model.js';
import { PLAN_SEGMENTS } from '../../site/addresses.js';
import { periodReport } from '../../site/period-report.js';
import { linksForPrint } from '../../site/print-links.js';
import { findChromium, isPdf, pdfPageCount, printToPdf, stablePdf } from '../../site/print-pdf.js';
import { loadSiteConfig } from '../../site/site-config.js';
import { serveFolder } from '../../site/serve-static.js';
import { isPeriod, parseCommandArgs } from '../args.js';
import { EXIT_OK, EXIT_PLAN_ERRORS, EXIT_USAGE } from '../exit-codes.js';
import type { Io } from '../io.js';
import { printBlockingErrors } from '../print-messages.js';
import { startWorkFolder } from '../work-folder.js';

const USAGE_LINE = 'Användning: sparbar rapport <ÅÅÅÅ-MM> [mapp] --pdf <fil> [--plan <id>]';

function fail(io: Io, reason: string): number {
  io.stderr(`sparbar rapport: ${reason}.\n${USAGE_LINE}\n`);
  return EXIT_USAGE;
}

/** The plans with a follow-up in `period`, and the one to print (or why none can be chosen). */
export function choosePlan(model: SiteModel, period: string, wanted: string | undefined): { plan: GraphNode } | { error: string } {
  const plans = model.plansInOrder();
  const describe = (p: GraphNode) => {
    const periods = model.periods(p.key);
    return `  ${p.id}  ${p.title} (${periods.length > 0 ? `uppföljningar: ${periods.join(', ')}` : 'ingen uppföljning ännu'})`;
  };
  if (wanted !== undefined) {
    const plan = plans.find((p) => p.id === wanted || p.key === wanted);
    if (!plan) return { error: `ingen plan har id "${wanted}". Planerna:\n${plans.map(describe).join('\n')}` };
    if (!model.periods(plan.key).includes(period)) return { error: `planen ${plan.id} har ingen uppföljning för ${period}.\n${describe(plan)}` };
    return { plan };
  }
  const covering = plans.filter((p) => model.periods(p.key).includes(period));
  if (covering.length === 1) return { plan: covering[0]! };
  if (covering.length === 0) {
    return { error: `ingen plan har en uppföljning för ${period}${plans.length > 0 ? `. Planerna:\n${plans.map(describe).join('\n')}` : ''}` };
  }
  return { error: `${covering.length} planer har en uppföljning för ${period}; välj en med --plan <id>:\n${covering.map(describe).join('\n')}` };
}

/**
 * The date the report's data is as of, `YYYY-MM-DD`, which the PDF carries as its creation and modification date
 * (so the same plans give the same PDF): the report's own "Uppföljningens datum", the latest `datum` written on the
 * period's follow-ups (period-report.ts). The PDF's dates then move only when what it reports changes, and agree
 * with the date printed on its first page. When no follow-up gives a `datum` (it is optional), the period's last
 * day, the day the period's figures are as of.
 */
export function reportDate(model: SiteModel, planKey: string, period: string): string {
  const written = periodReport(model, planKey, period).date;
  if (written !== null) return written;
  const [year, month] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

export async function runRapport(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommandArgs(args, { pdf: { type: 'string' }, plan: { type: 'string' } }, 2);
  if ('error' in parsed) return fail(io, parsed.error);
  const [period, dir = 'plans'] = parsed.positionals;
  if (!isPeriod(period)) return fail(io, `perioden ska skrivas ÅÅÅÅ-MM, t.ex. 2026-08${period ? ` (inte "${period}")` : ''}`);
  const pdfOption = parsed.values['pdf'];
  if (typeof pdfOption !== 'string' || pdfOption === '') return fail(io, 'ange filen som PDF:en ska skrivas till med --pdf <fil>');
  let target: string;
  try {
    target = checkWriteTarget(pdfOption, dir, 'output', pdfOption);
  } catch (error) {
    if (error instanceof WriteRefusedError) return fail(io, error.message.replace(/\.$/, ''));
    throw error;
  }
  if (!existsSync(path.dirname(target)) || !statSync(path.dirname(target)).isDirectory()) return fail(io, `mappen ${path.dirname(pdfOption) || '.'} finns inte`);
  if (existsSync(target) && statSync(target).isDirectory()) return fail(io, `${pdfOption} är en mapp; ange en fil, t.ex. uppfoljning-${period}.pdf`);
  // Before the site is built (seconds): a folder this process may not write in is refused now, not after the work.
  try {
    checkFolderWritable(path.dirname(target), pdfOption, '--pdf');
  } catch (error) {
    if (!(error instanceof WriteRefusedError)) throw error;
    io.stderr(`sparbar rapport: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (existsSync(target) && !startsLikePdf(target)) {
    return fail(io, `${pdfOption} finns redan och är ingen PDF; Spårbar skriver bara över en PDF. Välj ett annat filnamn, t.ex. uppfoljning-${period}.pdf`);
  }

  const chromium = findChromium();
  if (chromium.path === null) {
    io.stderr(
      `sparbar rapport: Chromium finns inte ${chromium.fromEnv ? `på ${chromium.looked[0]} (SPARBAR_CHROMIUM)` : `(letade efter ${chromium.looked.join(', ')})`}.\n` +
        'PDF:en skrivs ut med webbläsaren Chromium. Installera den (Debian, Ubuntu) med\n\n' +
        '  sudo apt-get install chromium\n\n' +
        `och kör kommandot igen. Ingen fil skrevs. Rapporten finns också på webbplatsen (sparbar build) och går att skriva ut från webbläsaren.\n`,
    );
    return EXIT_USAGE;
  }

  const check = checkPlans(dir);
  if (check.messages.some((m) => m.fatal === true)) {
    printBlockingErrors(check.messages, dir, check.fileCount, io);
    io.stderr('sparbar rapport: planen har fel; rapporten skrivs inte. Rätta felen (sparbar check visar samma sak) och försök igen.\n');
    return EXIT_PLAN_ERRORS;
  }
  const model = new SiteModel(check.graph);
  const chosen = choosePlan(model, period, typeof parsed.values['plan'] === 'string' ? parsed.values['plan'] : undefined);
  if ('error' in chosen) {
    io.stderr(`sparbar rapport: ${chosen.error}\n`);
    return EXIT_USAGE;
  }
  const plan = chosen.plan;

  // Ctrl+C: the site's build stops as in `sparbar build`, the work folder goes, no PDF is written; exit 130.
  const started = startWorkFolder(io, 'rapport', 'ingen fil skrevs.');
  if (typeof started === 'number') return started;
  const work = started.dir;
  try {
    const siteDir = path.join(work, 'webbplats');
    const built = await buildSite({ plansDir: dir, outDir: siteDir, logLevel: 'silent', outIsTemporary: true });
    if (built.exitCode !== EXIT_OK) {
      if (built.exitCode === EXIT_PLAN_ERRORS) printBlockingErrors(built.messages, dir, 0, io);
      for (const e of built.errors) io.stderr(`sparbar rapport: ${e}\n`);
      return built.exitCode;
    }
    // The printed links lead to the published site, never to the temporary server below (print-links.ts).
    const pagePath = `/${model.docSlug(plan.key)}/${PLAN_SEGMENTS.followUp}/${period}/`;
    const pageFile = path.join(siteDir, pagePath, 'index.html');
    const printable = linksForPrint(readFileSync(pageFile, 'utf8'), pagePath, loadSiteConfig(dir).config.webbplats?.adress ?? null);
    try {
      withPath(pageFile, () => writeFileSync(pageFile, printable));
    } catch (error) {
      if (!isWriteRefusal(error)) throw error;
      io.stderr(`sparbar rapport: ${temporaryFolderProblem(temporaryFolder(), error)} Ingen fil skrevs.\n`);
      return EXIT_USAGE;
    }
    const server = await serveFolder(siteDir);
    const pdf = path.join(work, 'rapport.pdf');
    let printed: Awaited<ReturnType<typeof printToPdf>>;
    try {
      printed = await printToPdf(chromium.path, `${server.url}${pagePath.slice(1)}`, pdf, path.join(work, 'chromium-profil'));
    } finally {
      await server.close();
    }
    const printedBytes = existsSync(pdf) ? readFileSync(pdf) : null;
    if (!printedBytes || !isPdf(printedBytes)) {
      const why = printed.timedOut ? 'Chromium blev inte klar inom två minuter' : `Chromium skrev ingen PDF (slutkod ${printed.code ?? 'okänd'})`;
      const tail = printed.output.trim().split('\n').slice(-10).join('\n');
      io.stderr(`sparbar rapport: ${why}; ingen fil skrevs.${tail ? `\n${tail}` : ''}\n`);
      return EXIT_USAGE;
    }
    const bytes = stablePdf(printedBytes, reportDate(model, plan.key, period));
    // Into place in one step, through a temporary file created exclusively: a half-written PDF never
    // replaces an earlier one, and a planted file or link is never followed.
    try {
      checkWriteTarget(target, dir, 'output', pdfOption);
      writeFileAtomic(target, bytes);
    } catch (error) {
      if (error instanceof WriteRefusedError) return fail(io, error.message.replace(/\.$/, ''));
      if (!isWriteRefusal(error)) throw error;
      io.stderr(`sparbar rapport: ${outputFileProblem(pdfOption, '--pdf', error)} Ingen fil skrevs.\n`);
      return EXIT_USAGE;
    }
    const pages = pdfPageCount(bytes);
    io.stdout(`Uppföljningen ${formatPeriod(period)} av ${plan.title} skrevs till ${pdfOption} (${pages} ${pages === 1 ? 'sida' : 'sidor'} A4).\n`);
    return EXIT_OK;
  } finally {
    started.finish();
  }
}

/** True when the file at `file` (not a link) starts with `%PDF-`: only such a file is replaced by a new report. */
function startsLikePdf(file: string): boolean {
  if (!lstatSync(file).isFile()) return false;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(5);
    return readSync(fd, head, 0, 5, 0) === 5 && isPdf(head);
  } finally {
    closeSync(fd);
  }
}
