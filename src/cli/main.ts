#!/usr/bin/env node
// Entry point of the `sparbar` bin: runs the command line with the process's arguments and streams. `sparbar check`
// and `sparbar build` run from their bundles when the build made them (load-bundle.ts: a check starts in about half
// the time), every other command, and those two when there is no bundle built with these modules, from the modules in
// this folder.
import { BUNDLED_COMMANDS, type BundledCommand, loadBundle } from './load-bundle.js';

// A reader that stops early (sparbar check | head) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

const argv = process.argv.slice(2);
const bundled = (BUNDLED_COMMANDS as readonly string[]).includes(argv[0] ?? '') ? loadBundle(argv[0] as BundledCommand)?.run : undefined;
const run = bundled ?? (await import('./run.js')).run;
process.exitCode = await run(argv, {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  color: Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'],
});
