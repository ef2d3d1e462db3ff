// Runs a child process to its end for the benches that time commands as a user runs them.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** Runs `command args` in `cwd`; resolves with its wall time in ms, rejects with the end of its output when it fails. */
export function runCommand(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (c: Buffer) => void (output = (output + c.toString('utf8')).slice(-8000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      if (code === 0) resolve(ms);
      else reject(new Error(`${[command, ...args].slice(0, 4).join(' ')} … exited with ${code}:\n${output}`));
    });
  });
}
