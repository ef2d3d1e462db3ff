#!/usr/bin/env node
// Entry point of the `sparbar` bin: runs the command line with the process's arguments and streams. `sparbar check`
// runs from its bundle when the build made one (load-check-bundle.ts: a check starts in about half the time), every
// other command, and check when there is no bundle built with these modules, from the modules in this folder.
import { loadCheckBundle } from './load-check-bundle.js';

// A reader that stops early (sparbar check | head) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

const argv = process.argv.slice(2);
const run = (argv[0] === 'check' ? loadCheckBundle()?.run : undefined) ?? (await import('./run.js')).run;
process.exitCode = await run(argv, {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  color: Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'],
});
