// The work folder of a command that makes a file through a temporary site (rapport, dokument --pdf): made in the
// temporary folder, and on Ctrl+C or SIGTERM removed after the command's own clean-ups (chromium stopped, the site's
// build stopped), with the interruption said and the exit code a shell gives the signal (src/util/interrupt.ts).
import { rmSync } from 'node:fs';
import { makeTemporaryFolder } from '../files/temporary-folder.js';
import { WriteRefusedError } from '../files/write-safety.js';
import { exitOnInterrupt, onInterrupt } from '../util/interrupt.js';
import { EXIT_USAGE } from './exit-codes.js';
import type { Io } from './io.js';

/**
 * A new folder `sparbar-<command>-XXXXXX` in the temporary folder, with `finish` (removes it and stops listening for
 * signals; call it once, in a `finally`). Interrupted, the command says `sparbar <command>: avbrutet (<signal>);
 * <nothingWritten>` and exits. When the temporary folder cannot be used, says why on stderr and returns EXIT_USAGE.
 */
export function startWorkFolder(io: Io, command: string, nothingWritten: string): { dir: string; finish: () => void } | number {
  let dir: string;
  try {
    dir = makeTemporaryFolder(`sparbar-${command}-`);
  } catch (error) {
    if (!(error instanceof WriteRefusedError)) throw error;
    io.stderr(`sparbar ${command}: ${error.message}\n`);
    return EXIT_USAGE;
  }
  const releaseSignals = exitOnInterrupt((signal) => io.stderr(`sparbar ${command}: avbrutet (${signal}); ${nothingWritten}\n`));
  const releaseWork = onInterrupt(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    finish: () => {
      rmSync(dir, { recursive: true, force: true });
      releaseWork();
      releaseSignals();
    },
  };
}
