// Test helper: a throw-away git repository with a copy of the example plan, for diff and history tests.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TempRepo {
  dir: string;
  /** Runs git in the repository and returns its trimmed stdout. */
  git: (...args: string[]) => string;
  /** Writes a file (relative to the repository), creating folders. */
  write: (rel: string, text: string) => void;
  read: (rel: string) => string;
  /** Replaces text in a file; fails the test when `from` is not there. */
  edit: (rel: string, from: string | RegExp, to: string) => void;
  remove: (rel: string) => void;
  /** Stages everything and commits with `message` as `author` (name), on a fixed date if given. */
  commit: (message: string, opts?: { author?: string; date?: string }) => string;
  cleanup: () => void;
}

/** A new repository whose first commit holds a copy of plans/ (the example plan) under `plans/`. */
export function tempRepo(opts: { withPlans?: boolean } = {}): TempRepo {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sparbar-git-'));
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.org');
  git('config', 'user.name', 'Test');
  const repo: TempRepo = {
    dir,
    git,
    write: (rel, text) => {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text);
    },
    read: (rel) => readFileSync(path.join(dir, rel), 'utf8'),
    edit: (rel, from, to) => {
      const before = readFileSync(path.join(dir, rel), 'utf8');
      const after = before.replace(from, to);
      if (after === before) throw new Error(`edit: ${String(from)} not found in ${rel}`);
      writeFileSync(path.join(dir, rel), after);
    },
    remove: (rel) => rmSync(path.join(dir, rel), { recursive: true }),
    commit: (message, o = {}) => {
      git('add', '-A');
      const date = o.date ?? '2026-01-01T12:00:00+01:00';
      execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message, `--author=${o.author ?? 'Test'} <test@example.org>`], {
        cwd: dir,
        env: { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      });
      return git('rev-parse', 'HEAD');
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
  if (opts.withPlans !== false) {
    cpSync('plans', path.join(dir, 'plans'), { recursive: true });
    repo.commit('Planen som antagen');
  }
  return repo;
}
