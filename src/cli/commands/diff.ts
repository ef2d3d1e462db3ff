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
      const unknown = (arg: string | undefined) => arg !== undefined && error.message.startsWith(`git känner inte till revisionen "${arg}"`);
      const message =
        ambiguous && unknown(second)
          ? `"${second}" är varken en mapp eller en revision som git känner till. Kontrollera stavningen; ange mappen sist, t.ex. sparbar diff ${base} HEAD plans.`
          : ((unknown(base) ? pathNotRevision(base) : unknown(head) ? pathNotRevision(head!) : null) ?? error.message);
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

/**
 * What to say when an argument git does not know as a revision is a path: one that exists (a folder or a file,
 * often a plans folder in another clone) or one written as a path (`/`, `./`, `../`, `~`, a backslash) that does
 * not. Null for anything else, which keeps git's advice about fetching the revision.
 */
function pathNotRevision(arg: string): string | null {
  if (existsSync(arg)) {
    return (
      `"${arg}" är ${statSync(arg).isDirectory() ? 'en mapp' : 'en fil'}, inte en git-revision. sparbar diff jämför planmappen i två revisioner av samma förråd: ` +
      'ange revisionen först och planmappen sist, t.ex. sparbar diff main plans. Planerna i en annan klon jämför du genom att hämta en gren därifrån ' +
      '(git fetch <sökväg till klonen> <gren>) och sedan jämföra med FETCH_HEAD: sparbar diff FETCH_HEAD plans.'
    );
  }
  if (/^(?:\.{1,2}[\\/]|[\\/]|~)/.test(arg) || arg.includes('\\')) {
    return `Mappen "${arg}" finns inte, och git känner inte heller till någon revision med det namnet. Ange revisionen först och planmappen sist, t.ex. sparbar diff main plans.`;
  }
  return null;
}

function fail(io: Io, reason: string): number {
  io.stderr(`sparbar diff: ${reason}\nAnvändning: sparbar diff <bas> [<huvud>] [mapp] [--format markdown|json]. Kör sparbar diff --help för hjälp.\n`);
  return EXIT_USAGE;
}
