// `sparbar build [mapp] --out <mapp> --base <sökväg> [--no-cache]`: the published site, only from a plan without errors.
import { writeFileSync } from 'node:fs';
import { buildSite } from '../../site/build-site.js';
import { SITE_FILES_FOLDER } from '../../site/site-files.js';
import { parseCommandArgs } from '../args.js';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { formatHuman } from '../format/human.js';
import type { Io } from '../io.js';
import { exitOnInterrupt } from '../../util/interrupt.js';

/** Builds the site; prints the plan's errors and refuses (exit 1) when there are any. */
export async function runBuild(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommandArgs(args, { out: { type: 'string', default: 'dist' }, base: { type: 'string', default: '/' }, config: { type: 'string' }, 'no-cache': { type: 'boolean', default: false } }, 1);
  if ('error' in parsed) {
    io.stderr(`sparbar build: ${parsed.error}\nSe sparbar help.\n`);
    return EXIT_USAGE;
  }
  const dir = parsed.positionals[0] ?? 'plans';
  const configFile = parsed.values['config'] as string | undefined;
  const out = parsed.values['out'] as string;
  // Ctrl+C: the renderer stops, the half-built folders go, the output folder stays as it was; exit 130 (143 for SIGTERM).
  const release = exitOnInterrupt((signal) => io.stderr(`sparbar build: avbrutet (${signal}); ingenting byggdes och ${out} är som före bygget.\n`));
  let result: Awaited<ReturnType<typeof buildSite>>;
  try {
    result = await buildSite({ plansDir: dir, outDir: out, base: parsed.values['base'] as string, cache: parsed.values['no-cache'] !== true, ...(configFile ? { configFile } : {}) });
  } finally {
    release();
  }
  if (result.exitCode !== EXIT_OK) {
    const errors = result.messages.filter((m) => m.fatal === true);
    if (errors.length > 0) io.stderr(formatHuman(errors, { color: io.color, base: dir, fileCount: 0 }).replace(/\n[^\n]*\(0 filer kontrollerade\)\.\n$/, '\n'));
    for (const e of result.errors) io.stderr(`sparbar build: ${e}\n`);
    return result.exitCode;
  }
  io.stdout(`Webbplatsen byggdes: ${result.pageCount} sidor i ${result.outDir}\n`);
  // Where the time went (BuildTimings, JSON), for `npm run bench`: as ESLint's TIMING=1, an environment variable.
  const timings = process.env.SPARBAR_TIMINGS;
  if (timings && result.timings) {
    try {
      writeFileSync(timings, `${JSON.stringify(result.timings)}\n`);
    } catch (error) {
      // The site is built; only the measurement is lost.
      io.stderr(`sparbar build: tidsmätningen kunde inte skrivas till ${timings} (SPARBAR_TIMINGS): ${(error as NodeJS.ErrnoException).code ?? String(error)}. Webbplatsen byggdes ändå.\n`);
    }
  }
  const removed = result.removed ?? [];
  if (removed.length > 0) {
    const shown = removed.length > 10 ? `${removed.slice(0, 10).join(', ')} och ${removed.length - 10} till` : removed.join(', ');
    io.stdout(
      `Ersatte ${out} som helhet; ${removed.length === 1 ? 'den här filen fanns där men finns inte' : `de här ${removed.length} filerna fanns där men finns inte`} i det nya bygget och togs bort: ${shown}. ` +
        `En fil som ska finnas på webbplatsen utan att Spårbar bygger den (CNAME, .nojekyll) läggs i ${SITE_FILES_FOLDER}/ i planmappen; den kopieras in vid varje bygge.\n`,
    );
  }
  return EXIT_OK;
}
