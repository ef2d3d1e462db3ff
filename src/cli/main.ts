#!/usr/bin/env node
// Entry point of the `sparbar` bin: runs the command line with the process's arguments and streams.
import { run } from './run.js';

process.exitCode = run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  color: Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'],
});
