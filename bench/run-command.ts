// Runs a child process to its end for the benches that time commands as a user runs them.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** A command's wall time and, when asked for, the CPU time of the command and every process it waited for, in ms. */
export interface CommandTime {
  ms: number;
  /** User plus system time (POSIX `times`, the shell's children); null when not asked for or not read. */
  cpuMs: number | null;
}

/** Runs `command args` in `cwd`; resolves with its wall time in ms, rejects with the end of its output when it fails. */
export async function runCommand(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  return (await runMeasured(command, args, cwd, env, false)).ms;
}

/**
 * Runs `command args` in `cwd` as runCommand does; with `cpu`, through `/bin/sh`, whose `times` (POSIX) then gives the
 * user and system time of the command and of every process it started and waited for (the renderer, Pagefind, git):
 * what the command cost the machine's cores, against its wall time.
 */
export function runMeasured(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, cpu = true): Promise<CommandTime> {
  const [file, argv] = cpu ? ['/bin/sh', ['-c', `"$@"; status=$?; echo; echo ${TIMES_MARK}; times; exit $status`, 'sh', command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(file, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stdout = '';
    const keep = (c: Buffer) => void (output = (output + c.toString('utf8')).slice(-8000));
    child.stdout.on('data', (c: Buffer) => {
      keep(c);
      if (cpu) stdout = (stdout + c.toString('utf8')).slice(-2000);
    });
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      if (code === 0) resolve({ ms, cpuMs: cpu ? childrenCpuMs(stdout) : null });
      else reject(new Error(`${[command, ...args].slice(0, 4).join(' ')} … exited with ${code}:\n${output}`));
    });
  });
}

const TIMES_MARK = 'sparbar-bench-times';

/**
 * The children's user plus system time from the output of `times` after TIMES_MARK: its second line, `0m4.12s 0m0.98s`
 * (dash, bash: `0m4.120s`); null when there is none.
 */
export function childrenCpuMs(stdout: string): number | null {
  const lines = stdout.slice(stdout.lastIndexOf(TIMES_MARK) + TIMES_MARK.length).trim().split('\n');
  const parts = /^(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/.exec(lines[1]?.trim() ?? '');
  if (stdout.lastIndexOf(TIMES_MARK) < 0 || !parts) return null;
  return (Number(parts[1]) * 60 + Number(parts[2]) + Number(parts[3]) * 60 + Number(parts[4])) * 1000;
}
