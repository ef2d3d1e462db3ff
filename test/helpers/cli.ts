// Test helper: runs the sparbar command line in-process and captures what it prints.
import { run } from '../../src/cli/run.js';

/** The exit code, stdout and stderr of `sparbar <argv>`. */
export async function runCli(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), color: false });
  return { code, stdout, stderr };
}
