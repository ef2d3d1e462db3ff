#!/usr/bin/env node
// Entry point of the `sparbar` bin: runs the command line with the process's arguments and streams.
import { run } from './run.js';

// A reader that stops early (sparbar check | head) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

process.exitCode = await run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  color: Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'],
});
