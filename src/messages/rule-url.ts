// Where each rule's documentation page is, for every message's `url`: docs/regler/<id>.md. When package.json says
// where the package's repository is (`repository`, or a `homepage` on GitHub or GitLab), the page's address there;
// otherwise the path relative to the package (the pages are in its files). Spårbar has no public address of its
// own yet, so this is a path today.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the rule pages, relative to the package. */
export const RULE_DOCS_PATH = 'docs/regler';

/** The fields of package.json that say where the package lives. */
export interface PackageLocation {
  repository?: string | { url?: string; directory?: string };
  homepage?: string;
}

/** The web address of a repository on GitHub or GitLab (https://host/owner/name), from the forms package.json allows. */
function repositoryWeb(spec: string): { web: string; host: 'github' | 'gitlab' } | undefined {
  const shorthand = /^(?:(github|gitlab):)?([\w.-]+)\/([\w.-]+?)(?:\.git)?$/.exec(spec);
  if (shorthand) {
    const host = shorthand[1] === 'gitlab' ? 'gitlab' : 'github';
    return { web: `https://${host}.com/${shorthand[2]}/${shorthand[3]}`, host };
  }
  const url = /^(?:git\+)?(?:https?|git|ssh):\/\/(?:[^@/]+@)?(github\.com|gitlab\.com)\/([^#?]+?)(?:\.git)?\/?(?:[#?].*)?$/.exec(spec) ?? /^git@(github\.com|gitlab\.com):([^#?]+?)(?:\.git)?$/.exec(spec);
  if (!url) return undefined;
  return { web: `https://${url[1]}/${url[2]}`, host: url[1] === 'gitlab.com' ? 'gitlab' : 'github' };
}

/**
 * The address the rule pages' names are appended to: the pages' folder on GitHub or GitLab (default branch) when
 * `repository` (or else `homepage`) names a repository there, otherwise `docs/regler/` (relative to the package).
 */
export function ruleDocsBase(pkg: PackageLocation): string {
  const repo = typeof pkg.repository === 'string' ? { url: pkg.repository } : (pkg.repository ?? {});
  const found = (repo.url ? repositoryWeb(repo.url) : undefined) ?? (pkg.homepage ? repositoryWeb(pkg.homepage) : undefined);
  if (!found) return `${RULE_DOCS_PATH}/`;
  const directory = repo.directory ? `${repo.directory.replace(/^\/+|\/+$/g, '')}/` : '';
  return `${found.web}/${found.host === 'gitlab' ? '-/' : ''}blob/HEAD/${directory}${RULE_DOCS_PATH}/`;
}

/** Spårbar's own package.json: the nearest one named sparbar above this module (src/ in tests, lib/src/ when built). */
function ownPackage(): PackageLocation {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as PackageLocation & { name?: string };
        if (pkg.name === 'sparbar') return pkg;
      } catch {
        // Not ours; keep looking.
      }
    }
    const up = path.dirname(dir);
    if (up === dir) return {};
    dir = up;
  }
}

let base: string | undefined;
const urls = new Map<string, string>();

/** The documentation page of rule `id`. */
export function ruleUrl(id: string): string {
  let url = urls.get(id);
  if (url === undefined) {
    base ??= ruleDocsBase(ownPackage());
    urls.set(id, (url = `${base}${id}.md`));
  }
  return url;
}
