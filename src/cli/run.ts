// The `sparbar` command line: finds the command, runs it, maps the outcome to an exit code; never throws.
import { PlansFolderError } from '../check/check-plans.js';
import { EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import type { Io } from './io.js';
import { runBuild } from './commands/build.js';
import { runCheck } from './commands/check.js';
import { runDiff } from './commands/diff.js';
import { runGraph } from './commands/graph.js';
import { runKolada } from './commands/kolada.js';
import { runNy } from './commands/ny.js';
import { runRapport } from './commands/rapport.js';
import { runUppfoljning } from './commands/uppfoljning.js';

export type { Io } from './io.js';

export const USAGE = `Användning: sparbar <kommando> [argument] [flaggor]

Kommandon:
  check [mapp]                       Kontrollera planen (standard: plans) och rapportera alla problem.
      --format human|json|github|codequality
                                     Utdataformat (standard: human); github ger anteckningar i
                                     GitHub Actions, codequality en GitLab Code Quality-rapport.
      --strict                       Räkna varningar som fel.
      --require-period ÅÅÅÅ-MM       Kräv att periodens uppföljning är komplett och ifylld.
      --watch                        Kontrollera igen vid varje sparning och skriv bara ut det som
                                     ändrats (nya och åtgärdade problem). Avsluta med Ctrl+C.
  graph [mapp]                       Skriv ut planens spårbarhetsgraf som JSON.
  diff <bas> [<huvud>] [mapp]        Visa vad som ändrats i planen mellan två git-revisioner
                                     (huvud: standard arbetskopian).
      --format markdown|json         Utdataformat (standard: markdown, för en pull request).
  build [mapp]                       Bygg webbplatsen (vägrar om planen har fel).
      --out <mapp>                   Utmapp (standard: dist).
      --base <sökväg>                Webbplatsens bassökväg, t.ex. /plan/ (standard: /).
  ny <typ> [mapp]                    Skapa en ny fil (mål, fokusområde, aktivitet, indikator, …) med
                                     nästa lediga id och en kort guide; skriver aldrig över.
      --till <id>                    Föräldern: fokusområdet en aktivitet bidrar till, målet för ett
                                     fokusområde, området för en styrprincip, policyn för en plan.
      --titel <text>                 Rubriken (annars en platshållare).
      --ansvarig <text>              Ansvarig (aktivitet, mål); väljer mappen för aktiviteten.
      --plan <id>                    Planen eller policyn, när mappen har flera.
  uppfoljning ny <period> [mapp]     Skapa uppföljningsfiler för perioden, per ansvarig; skriver aldrig över.
  uppfoljning status <period> [mapp] Visa vad som saknas eller inte är ifyllt, per ansvarig.
      --format human|json
  rapport <period> [mapp]            Skriv ut periodens uppföljningsrapport som PDF (A4) med Chromium.
      --pdf <fil>                    PDF-filen som skrivs.
      --plan <id>                    Planen, när flera planer har en uppföljning för perioden.
  kolada hamta [mapp]                Hämta utfall för indikatorer med källa kolada.
      --url <adress>                 Kolada-API:ts adress (standard: https://api.kolada.se/v2).
      --timeout <sekunder>           Gräns per anrop (standard: 15).
  help                               Visa den här hjälpen.

Slutkoder: 0 klart, 1 fel i planen (eller något saknas), 2 felaktig användning eller internt fel.
`;

const COMMANDS: Record<string, (args: readonly string[], io: Io) => Promise<number> | number> = {
  check: runCheck,
  graph: runGraph,
  diff: runDiff,
  build: runBuild,
  uppfoljning: runUppfoljning,
  uppföljning: runUppfoljning,
  kolada: runKolada,
  ny: runNy,
  rapport: runRapport,
};

/** Runs the command line with `argv` (without node and script) and resolves to the exit code; never rejects. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr(USAGE);
    return EXIT_USAGE;
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const handler = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!handler) {
    io.stderr(`sparbar: okänt kommando "${command}".\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    return await handler(rest, io);
  } catch (error) {
    if (error instanceof PlansFolderError) {
      io.stderr(`sparbar: ${error.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`sparbar: internt fel: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nRapportera gärna felet med filerna som orsakade det.\n`);
    return EXIT_USAGE;
  }
}

/** Prints a usage error for a command and returns exit code 2. */
export function usageError(io: Io, reason: string): number {
  io.stderr(`sparbar: ${reason}\n\n${USAGE}`);
  return EXIT_USAGE;
}
