// `sparbar dokument [mapp] --docx <fil> | --pdf <fil> [--plan <id>]`: the policy or plan as the document that
// goes to the council or the board, written from the files: Word with the docx package, PDF with chromium
// through the report printer. Nothing is written but the named file, and only once it is complete.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkPlans } from '../../check/check-plans.js';
import type { Graph, GraphNode } from '../../graph/types.js';
import { decisionDocument, documentChoices } from '../../document/decision-document.js';
import { writeDocx } from '../../document/write-docx.js';
import { writeHtml } from '../../document/write-html.js';
import { temporaryFolder } from '../../files/temporary-folder.js';
import { checkFolderWritable, isWriteRefusal, outputFileProblem, temporaryFolderProblem, withPath } from '../../files/write-problem.js';
import { checkWriteTarget, writeFileAtomic, WriteRefusedError } from '../../files/write-safety.js';
import { findChromium, isPdf, pdfPageCount, printToPdf, stablePdf } from '../../site/print-pdf.js';
import { serveFolder } from '../../site/serve-static.js';
import { parseCommandArgs } from '../args.js';
import { EXIT_OK, EXIT_PLAN_ERRORS, EXIT_USAGE } from '../exit-codes.js';
import type { Io } from '../io.js';
import { printBlockingErrors } from '../print-messages.js';
import { startWorkFolder } from '../work-folder.js';

const USAGE_LINE = 'Användning: sparbar dokument [mapp] --docx <fil> | --pdf <fil> [--plan <id>]';

function fail(io: Io, reason: string): number {
  io.stderr(`sparbar dokument: ${reason}.\n${USAGE_LINE}\n`);
  return EXIT_USAGE;
}

const describe = (n: GraphNode) => `  ${n.id}  ${n.title} (${n.type === 'policy' ? 'policy' : 'plan'})`;

/** The policy or plan to write: the one named, else the only plan, else the only policy (or why none can be chosen). */
export function chooseDocument(graph: Graph, wanted: string | undefined): { node: GraphNode } | { error: string } {
  const choices = documentChoices(graph);
  if (wanted !== undefined) {
    const node = choices.find((n) => n.id === wanted || n.key === wanted);
    return node ? { node } : { error: `ingen policy eller plan har id "${wanted}". Välj en av:\n${choices.map(describe).join('\n')}` };
  }
  const plans = choices.filter((n) => n.type === 'plan');
  if (plans.length === 1) return { node: plans[0]! };
  const policies = choices.filter((n) => n.type === 'policy');
  if (plans.length === 0 && policies.length === 1) return { node: policies[0]! };
  if (choices.length === 0) return { error: 'mappen har ingen policy eller plan' };
  return { error: `mappen har ${choices.length} policyer och planer; välj en med --plan <id>:\n${choices.map(describe).join('\n')}` };
}

/**
 * The date a decision document is as of, `YYYY-MM-DD`, which its PDF carries as creation and modification date
 * (so the same plans give the same PDF): the latest of the adoption dates (`antagen`, each `beslut`'s `antagen`)
 * and the revisions' dates (`revideringar[].datum`), the last decision the document records. When it records
 * none, 2000-01-01, the fixed date the Word file carries for the same reason (write-docx.ts).
 */
export function documentDate(node: GraphNode): string {
  const f = node.fields as { antagen?: unknown; beslut?: unknown; revideringar?: unknown };
  const list = (v: unknown) => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
  const dates = [f.antagen, ...list(f.beslut).map((b) => b['antagen']), ...list(f.revideringar).map((r) => r['datum'])];
  const valid = dates.filter((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  return valid[valid.length - 1] ?? '2000-01-01';
}

function checkTarget(option: string, ext: string): string | null {
  const target = path.resolve(option);
  if (!existsSync(path.dirname(target)) || !statSync(path.dirname(target)).isDirectory()) return `mappen ${path.dirname(option) || '.'} finns inte`;
  if (existsSync(target) && statSync(target).isDirectory()) return `${option} är en mapp; ange en fil, t.ex. plan.${ext}`;
  return null;
}

/** Writes `bytes` to `target` (named `shown`, given with `option`); a write the disk refuses is said in Swedish, exit 2. */
function writeOutput(io: Io, target: string, shown: string, option: string, bytes: Uint8Array): number {
  try {
    writeFileAtomic(target, bytes);
    return EXIT_OK;
  } catch (error) {
    if (!isWriteRefusal(error)) throw error;
    io.stderr(`sparbar dokument: ${outputFileProblem(shown, option, error)} Ingen ${option === '--pdf' ? 'PDF' : 'fil'} skrevs.\n`);
    return EXIT_USAGE;
  }
}

export async function runDokument(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommandArgs(args, { docx: { type: 'string' }, pdf: { type: 'string' }, plan: { type: 'string' } }, 1);
  if ('error' in parsed) return fail(io, parsed.error);
  const [dir = 'plans'] = parsed.positionals;
  const docx = typeof parsed.values['docx'] === 'string' ? parsed.values['docx'] : undefined;
  const pdf = typeof parsed.values['pdf'] === 'string' ? parsed.values['pdf'] : undefined;
  if (docx === undefined && pdf === undefined) return fail(io, 'ange filen som ska skrivas med --docx <fil> (Word) eller --pdf <fil>');
  if (docx === '' || pdf === '') return fail(io, 'filnamnet saknas');
  // The document is output: it is written outside the plans folder, at the real path of its folder.
  const targets: { docx?: string; pdf?: string } = {};
  for (const [option, ext] of [
    [docx, 'docx'],
    [pdf, 'pdf'],
  ] as const) {
    if (option === undefined) continue;
    const problem = checkTarget(option, ext);
    if (problem) return fail(io, problem);
    try {
      targets[ext] = checkWriteTarget(option, dir, 'output', option);
    } catch (error) {
      if (error instanceof WriteRefusedError) return fail(io, error.message.replace(/\.$/, ''));
      throw error;
    }
    // Before the plans are read and the document made: a folder this process may not write in is refused now.
    try {
      checkFolderWritable(path.dirname(targets[ext]!), option, `--${ext}`);
    } catch (error) {
      if (!(error instanceof WriteRefusedError)) throw error;
      io.stderr(`sparbar dokument: ${error.message}\n`);
      return EXIT_USAGE;
    }
  }
  const chromium = pdf !== undefined ? findChromium() : null;
  if (chromium && chromium.path === null) {
    io.stderr(
      `sparbar dokument: Chromium finns inte (letade efter ${chromium.looked.join(', ')}).\n` +
        'PDF:en skrivs ut med webbläsaren Chromium. Installera den (Debian, Ubuntu) med\n\n  sudo apt-get install chromium\n\n' +
        'och kör kommandot igen, eller skriv Word-dokumentet med --docx. Ingen fil skrevs.\n',
    );
    return EXIT_USAGE;
  }

  const check = checkPlans(dir);
  if (check.messages.some((m) => m.fatal === true)) {
    printBlockingErrors(check.messages, dir, check.fileCount, io);
    io.stderr('sparbar dokument: planen har fel; dokumentet skrivs inte. Rätta felen (sparbar check visar samma sak) och försök igen.\n');
    return EXIT_PLAN_ERRORS;
  }
  const chosen = chooseDocument(check.graph, typeof parsed.values['plan'] === 'string' ? parsed.values['plan'] : undefined);
  if ('error' in chosen) {
    io.stderr(`sparbar dokument: ${chosen.error}\n`);
    return EXIT_USAGE;
  }
  const document = decisionDocument(check.graph, chosen.node.key);

  if (docx !== undefined) {
    const written = writeOutput(io, targets.docx!, docx, '--docx', await writeDocx(document));
    if (written !== EXIT_OK) return written;
    io.stdout(`Skrev ${docx} (Word): ${document.title}.\n`);
  }
  if (pdf !== undefined && chromium?.path) {
    // Ctrl+C while printing: chromium is stopped (printToPdf), the work folder goes, no PDF is written; exit 130.
    const started = startWorkFolder(io, 'dokument', 'ingen PDF skrevs.');
    if (typeof started === 'number') return started;
    const work = started.dir;
    try {
      const site = path.join(work, 'sida');
      mkdirSync(site);
      try {
        withPath(path.join(site, 'index.html'), () => writeFileSync(path.join(site, 'index.html'), writeHtml(document)));
      } catch (error) {
        if (!isWriteRefusal(error)) throw error;
        io.stderr(`sparbar dokument: ${temporaryFolderProblem(temporaryFolder(), error)} Ingen PDF skrevs.\n`);
        return EXIT_USAGE;
      }
      const server = await serveFolder(site);
      const out = path.join(work, 'dokument.pdf');
      let printed: Awaited<ReturnType<typeof printToPdf>>;
      try {
        printed = await printToPdf(chromium.path, `${server.url}index.html`, out, path.join(work, 'chromium-profil'));
      } finally {
        await server.close();
      }
      const bytes = existsSync(out) ? readFileSync(out) : null;
      if (!bytes || !isPdf(bytes)) {
        const why = printed.timedOut ? 'Chromium blev inte klar inom två minuter' : `Chromium skrev ingen PDF (slutkod ${printed.code ?? 'okänd'})`;
        io.stderr(`sparbar dokument: ${why}; ingen PDF skrevs.\n`);
        return EXIT_USAGE;
      }
      const writtenPdf = writeOutput(io, targets.pdf!, pdf, '--pdf', stablePdf(bytes, documentDate(chosen.node)));
      if (writtenPdf !== EXIT_OK) return writtenPdf;
      const pages = pdfPageCount(bytes);
      io.stdout(`Skrev ${pdf} (PDF, ${pages} ${pages === 1 ? 'sida' : 'sidor'} A4): ${document.title}.\n`);
    } finally {
      started.finish();
    }
  }
  return EXIT_OK;
}
