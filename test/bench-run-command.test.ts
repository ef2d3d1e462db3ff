import { describe, expect, it } from 'vitest';
import { childrenCpuMs, runCommand, runMeasured } from '../bench/run-command.js';

describe('bench: a command timed with its CPU time', () => {
  it('reads the children line of times as dash and bash print it', () => {
    expect(childrenCpuMs('ut\n\nsparbar-bench-times\n0m0.00s 0m0.00s\n0m4.12s 0m0.98s\n')).toBeCloseTo(5100, 6);
    expect(childrenCpuMs('sparbar-bench-times\n0m0.000000s 0m0.001000s\n1m2.500000s 0m0.250000s\n')).toBeCloseTo(62750, 6);
    expect(childrenCpuMs('no mark here\n0m1.00s 0m1.00s\n0m1.00s 0m1.00s\n')).toBeNull();
  });

  // The CPU of a grandchild counts: `times` in the shell sums every process waited for below it.
  it('counts the CPU time of the processes the command started', async () => {
    const burn = `require('node:child_process').spawnSync(process.execPath, ['-e', 'const t = process.cpuUsage(); while (process.cpuUsage(t).user < 300000);'], { stdio: 'inherit' })`;
    const { ms, cpuMs } = await runMeasured(process.execPath, ['-e', burn], process.cwd(), process.env);
    expect(ms).toBeGreaterThan(0);
    expect(cpuMs).not.toBeNull();
    expect(cpuMs!).toBeGreaterThanOrEqual(300);
  }, 30_000);

  it('keeps the exit code: a failing command rejects with its output, with or without the shell', async () => {
    const fail = ['-e', "console.error('trasigt'); process.exit(3)"];
    await expect(runMeasured(process.execPath, fail, process.cwd(), process.env)).rejects.toThrow(/exited with 3:\n.*trasigt/s);
    await expect(runCommand(process.execPath, fail, process.cwd(), process.env)).rejects.toThrow(/exited with 3/);
  }, 30_000);
});
