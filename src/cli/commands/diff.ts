// `sparbar diff <base> [<head>] [mapp]`: what a change does to the plan, between two git revisions
// (the head defaults to the work tree), as markdown for a pull request or as JSON.
import { existsSync, statSync } from 'node:fs';
import { compareRevisions } from '../../diff/compare-revisions.js';
import { formatDiffMarkdown } from '../../diff/format-markdown.js';
import { GitError } from '../../git/run-git.js';
import { parseCommandArgs } from '../args.js';
import { EXIT_OK, EXIT_PLAN_ERRORS, EXIT_USAGE } from '../exit-codes.js';
import type { Io } from '../io.js';

const isFolder = (p: string) => existsSync(p) && statSync(p).isDirectory();

/** 0 when the diff was made and the head has no errors, 1 when the head has errors (the diff is still printed), 2 on usage or git errors. */
export function runDiff(args: readonly string[], io: Io): number {
  const parsed = parseCommandArgs(args, { format: { type: 'string', default: 'markdown' } }, 3);
  if ('error' in parsed) return fail(io, parsed.error);
  const format = parsed.values['format'];
  if (format !== 'markdown' && format !== 'json') return fail(io, `okänt format "${String(format)}". Välj markdown eller json.`);
  const [base, second, third] = parsed.positionals;
  if (base === undefined) return fail(io, 'ange revisionen att jämföra med, t.ex. sparbar diff main.');
  // With two arguments the second is the plans folder when such a folder exists, otherwise a revision.
  let head: string | undefined;
  let dir = 'plans';
  let ambiguous = false;
  if (third !== undefined) {
    head = second;
    dir = third;
  } else if (second !== undefined) {
    if (isFolder(second)) dir = second;
    else {
      head = second;
      ambiguous = true;
    }
  }
  let comparison: ReturnType<typeof compareRevisions>;
  try {
    comparison = compareRevisions(dir, base, head);
  } catch (error) {
    if (error instanceof GitError) {
      const message =
        ambiguous && error.message.startsWith(`git känner inte till revisionen "${second}"`)
          ? `"${second}" är varken en mapp eller en revision som git känner till. Kontrollera stavningen; ange mappen sist, t.ex. sparbar diff ${base} HEAD plans.`
          : error.message;
      io.stderr(`sparbar diff: ${message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
  const { report } = comparison;
  io.stdout(format === 'json' ? JSON.stringify(report, null, 2) + '\n' : formatDiffMarkdown(report));
  if (report.head.errors > 0) {
    io.stderr(`sparbar diff: planen ${head === undefined ? 'i arbetskopian' : `i ${head}`} har ${report.head.errors} fel; jämförelsen visar det som gick att läsa. Kör sparbar check för detaljer.\n`);
    return EXIT_PLAN_ERRORS;
  }
  return EXIT_OK;
}

function fail(io: Io, reason: string): number {
  io.stderr(`sparbar diff: ${reason}\nAnvändning: sparbar diff <bas> [<huvud>] [mapp] [--format markdown|json]. Kör sparbar diff --help för hjälp.\n`);
  return EXIT_USAGE;
}
