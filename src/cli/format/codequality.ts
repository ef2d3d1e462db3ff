// GitLab Code Quality report (artifacts:reports:codequality): a JSON array of issues with description,
// check_name, fingerprint, severity and location.path / location.lines.begin, as GitLab documents it, and the rule's
// page in content.body, the Code Climate spec's place for links (GitLab reads a subset of that spec).
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { CheckMessage } from '../../messages/report.js';
import { endOf, severityOf } from '../../messages/report.js';
import { joinPath } from './human.js';

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  /** Unique in the report and stable across runs: the same problem keeps its fingerprint when lines move. */
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: Location;
  /** Code Climate: other places the issue is about (GitLab shows only `location`). */
  other_locations?: Location[];
  /** Code Climate: "a markdown snippet describing the issue, including … links to other resources". */
  content: { body: string };
}

interface Location {
  path: string;
  lines: { begin: number; end?: number };
}

/** A path relative to the working folder with forward slashes, as GitLab matches it against the repository. */
function repoPath(p: string): string {
  const rel = path.isAbsolute(p) ? path.relative(process.cwd(), p) : p;
  return rel.split(path.sep).join('/').replace(/^(\.\/)+/, '');
}

/** The messages as a Code Quality report: errors are major, warnings minor. */
export function formatCodeQuality(messages: readonly CheckMessage[], base: string): string {
  const seen = new Map<string, number>();
  const issues: CodeQualityIssue[] = messages.map((m) => {
    const file = repoPath(joinPath(base, m.file));
    const check = `sparbar/${m.ruleId}`;
    const identity = `${check}\u0000${file}\u0000${m.reason}`;
    const n = seen.get(identity) ?? 0;
    seen.set(identity, n + 1);
    return {
      description: m.reason,
      check_name: check,
      fingerprint: createHash('sha256').update(`${identity}\u0000${n}`).digest('hex').slice(0, 32),
      severity: severityOf(m) === 'error' ? 'major' : 'minor',
      location: { path: file, lines: { begin: Math.max(1, m.line), ...(endOf(m) ? { end: endOf(m)!.line } : {}) } },
      ...(m.related?.length ? { other_locations: m.related.map((r) => ({ path: repoPath(joinPath(base, r.file)), lines: { begin: Math.max(1, r.line) } })) } : {}),
      content: { body: `Om regeln ${m.ruleId}: ${m.url}` },
    };
  });
  return JSON.stringify(issues, null, 2) + '\n';
}
