// The repository a plans folder lies in, and what git knows about its revisions: read-only questions.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fail, ok, revisionArgument, runGit, type GitResult } from './run-git.js';

/** Where a plans folder lies in its repository. */
export interface RepoLocation {
  /** The repository's top folder (absolute). */
  top: string;
  /** The plans folder relative to the top, with forward slashes; '' when it is the top itself. */
  prefix: string;
}

/** Finds the repository that holds `dir` (which need not exist in the work tree: it may exist only in revisions). */
export function locateRepo(dir: string): GitResult<RepoLocation> {
  const absolute = path.resolve(dir);
  // The nearest folder that exists: the plans folder may exist only in the revisions.
  let existing = absolute;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  const r = runGit(existing, ['rev-parse', '--show-toplevel']);
  if (r.error) return fail(`git gick inte att köra (${r.error.message}). Installera git och se till att kommandot git finns i PATH.`);
  if (r.status !== 0) return fail(`Mappen "${dir}" ligger inte i ett git-förråd. Kör kommandot i en klon av planens förråd.`);
  const top = r.stdout.toString('utf8').trim();
  const realExisting = realpathSync(existing);
  const realTop = realpathSync(top);
  const rel = path.relative(realTop, path.join(realExisting, path.relative(existing, absolute)));
  if (rel.startsWith('..') || path.isAbsolute(rel)) return fail(`Mappen "${dir}" ligger utanför git-förrådet ${top}.`);
  return ok({ top: realTop, prefix: rel.split(path.sep).filter(Boolean).join('/') });
}

/** The commit a revision names (branch, tag, sha, HEAD~1 …), or why git does not know it. */
export function resolveRevision(repo: RepoLocation, revision: string): GitResult<string> {
  const arg = revisionArgument(revision);
  if (!arg.ok) return arg;
  const r = runGit(repo.top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${arg.value}^{commit}`]);
  if (r.status !== 0) return fail(`git känner inte till revisionen "${revision}". ${unknownRevisionAdvice(repo, revision)}`);
  return ok(r.stdout.toString('utf8').trim());
}

/**
 * What to do about a revision git does not know, fitted to its form: a remote-tracking branch (`origin/x`) is
 * fetched from its remote, a commit id or an ancestor (`HEAD~3`) is missing from a shallow clone, a branch or tag
 * is fetched from the repository's remote (origin first), and without a remote only the spelling can be wrong.
 */
function unknownRevisionAdvice(repo: RepoLocation, revision: string): string {
  const remotes = runGit(repo.top, ['remote']).stdout.toString('utf8').split('\n').map((s) => s.trim()).filter(Boolean);
  const shallow = isShallow(repo);
  const deepen = shallow ? ' Det här är en grund klon (fetch-depth 1), som saknar äldre commits och taggar: hämta historiken med git fetch --unshallow --tags, eller sätt fetch-depth: 0 i CI.' : '';
  const tracking = remotes.find((name) => revision.startsWith(`${name}/`) && revision.length > name.length + 1);
  if (tracking !== undefined) return `Hämta grenen från fjärrförrådet: git fetch ${tracking} ${revision.slice(tracking.length + 1)}.`;
  if (/^[0-9a-f]{7,40}$/i.test(revision)) return `Commiten finns inte i den här klonen; kontrollera id:t (git log --oneline).${deepen}`;
  if (/[~^@]/.test(revision)) return `Kontrollera skrivningen (t.ex. HEAD~1, main^) och att historiken räcker så långt bakåt (git log --oneline).${deepen}`;
  const remote = remotes.includes('origin') ? 'origin' : remotes[0];
  const fetch = remote === undefined ? '' : ` och hämta den vid behov (git fetch ${remote} ${revision})`;
  return `Kontrollera namnet (git branch -a, git tag)${fetch}.${deepen}`;
}

/** True when the repository has at least one commit (HEAD names one). */
export function hasCommits(repo: RepoLocation): boolean {
  return runGit(repo.top, ['rev-parse', '--verify', '--quiet', 'HEAD']).status === 0;
}

/** True in a shallow clone (CI often fetches only the last commit): older history is missing. */
export function isShallow(repo: RepoLocation): boolean {
  return runGit(repo.top, ['rev-parse', '--is-shallow-repository']).stdout.toString('utf8').trim() === 'true';
}

/** One commit as Spårbar shows it. */
export interface CommitInfo {
  commit: string;
  /** Author date, ISO 8601 with offset. */
  date: string;
  author: string;
  /** The commit message's first line. */
  message: string;
}

/** The commit `commit` (a sha from `resolveRevision`) with its author date, author and first line, or null when git cannot tell. */
export function describeCommit(repo: RepoLocation, commit: string): CommitInfo | null {
  if (revisionArgument(commit).ok === false) return null;
  const r = runGit(repo.top, ['show', '-s', '--no-show-signature', '--format=%H%x1f%aI%x1f%an%x1f%s', commit, '--']);
  if (r.status !== 0) return null;
  const [hash = '', date = '', author = '', message = ''] = r.stdout.toString('utf8').trim().split('\u001f');
  return hash ? { commit: hash, date, author, message } : null;
}
