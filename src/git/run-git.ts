// The one way Spårbar runs git: no shell, read-only environment, output as bytes, failures as values.
import { spawnSync } from 'node:child_process';

/** A problem with git or a revision, in Swedish with what to do. Returned as a value; `sparbar diff` exits 2 on it. */
export class GitError extends Error {}

/** A git answer or the Swedish reason there is none: errors are values, never thrown across the module. */
export type GitResult<T> = { ok: true; value: T } | { ok: false; error: GitError };

export const ok = <T>(value: T): GitResult<T> => ({ ok: true, value });
export const fail = <T = never>(message: string): GitResult<T> => ({ ok: false, error: new GitError(message) });

/** What one git command gave: exit status (null when it did not run), stdout as bytes, stderr as text. */
export interface GitOutput {
  status: number | null;
  stdout: Buffer;
  stderr: string;
  /** Set when git could not be started at all (not installed, not in PATH). */
  error?: Error;
}

/** Up to 1 GiB of output: a revision's plans folder or its whole log is read in one go. */
const MAX_BUFFER = 1024 * 1024 * 1024;

/**
 * Runs `git <args>` in `cwd` without a shell (arguments go to git as they are, never through a shell's parsing).
 * Optional locks are off, so not even the index's stat cache is refreshed; git never prompts; messages in C.
 * Callers put `--end-of-options` before a revision and `--` before paths (see `revisionArgument`).
 */
export function runGit(cwd: string, args: readonly string[], input?: string): GitOutput {
  const r = spawnSync('git', args, {
    cwd,
    input,
    shell: false,
    maxBuffer: MAX_BUFFER,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
  });
  return { status: r.status, stdout: r.stdout ?? Buffer.alloc(0), stderr: r.stderr?.toString('utf8') ?? '', ...(r.error ? { error: r.error } : {}) };
}

/** The reason git wrote on stderr, trimmed, or `okänt fel`. */
export const gitReason = (out: GitOutput): string => out.stderr.trim() || 'okänt fel';

/**
 * A revision as given by a user (`main`, `v2024`, `HEAD~1`), refused when it could be read as an option:
 * empty, or starting with `-` (`--output=…` would otherwise reach git as an option).
 */
export function revisionArgument(revision: string): GitResult<string> {
  if (revision === '' || revision.startsWith('-')) return fail(`"${revision}" är ingen revision. Ange en gren, en tagg eller en commit, t.ex. main eller HEAD~1.`);
  return ok(revision);
}
