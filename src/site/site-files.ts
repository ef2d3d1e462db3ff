// The plans repository's own files for the published site (GitHub Pages' CNAME and .nojekyll, a search console's
// verification file, robots.txt): kept in the folder `webbplatsfiler/` of the plans folder and copied as they are
// into the root of every build, as Astro's public/ and Hugo's static/ are. And the files a build takes away from
// the output folder it replaces, so that none goes without a word.
import { accessSync, constants, type Dirent, existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { copyAsNew } from '../files/copy-as-new.js';
import { OUTPUT_MARKER } from '../files/write-safety.js';

/** The folder, in the plans folder, whose files are copied into every build. */
export const SITE_FILES_FOLDER = 'webbplatsfiler';

/**
 * Copies `<plansDir>/webbplatsfiler/` (when there is one) into the built site `siteDir`, keeping the folder layout:
 * regular files and folders only. Gives the paths copied (relative, with `/`) and, as Swedish sentences naming the
 * file, what was refused: a symbolic link or other special file (not followed), a file whose place the site's own
 * pages or files take (the site's is kept). Nothing is copied when anything is refused.
 */
export function copySiteFiles(plansDir: string, siteDir: string): { copied: string[]; errors: string[] } {
  const source = path.join(plansDir, SITE_FILES_FOLDER);
  if (!existsSync(source) || !lstatSync(source).isDirectory()) return { copied: [], errors: [] };
  const files: string[] = [];
  const errors: string[] = [];
  const walk = (rel: string) => {
    let names: string[];
    try {
      names = readdirSync(path.join(source, rel)).sort();
    } catch (error) {
      errors.push(`${rel ? `${SITE_FILES_FOLDER}/${rel}` : SITE_FILES_FOLDER}: mappen går inte att läsa (${why(error)}). Ändra mappens behörighet eller ta bort den.`);
      return;
    }
    for (const name of names) {
      const relPath = rel ? `${rel}/${name}` : name;
      const shown = `${SITE_FILES_FOLDER}/${relPath}`;
      const stat = lstatSync(path.join(source, relPath));
      if (stat.isDirectory()) {
        if (existsSync(path.join(siteDir, relPath)) && !lstatSync(path.join(siteDir, relPath)).isDirectory()) errors.push(`${shown}: webbplatsen har en fil med samma namn. Byt namn på mappen.`);
        else walk(relPath);
      } else if (!stat.isFile()) {
        errors.push(stat.isSymbolicLink() ? `${shown}: en symbolisk länk, som inte följs. Kopiera filen hit i stället.` : `${shown}: är ingen vanlig fil och kopieras inte. Ta bort den.`);
      } else if (relPath === OUTPUT_MARKER || existsSync(path.join(siteDir, relPath))) {
        errors.push(`${shown}: webbplatsen har redan en fil ${relPath} som Spårbar skriver. Ta bort filen eller byt namn på den.`);
      } else if (!readable(path.join(source, relPath))) {
        errors.push(`${shown}: filen går inte att läsa (behörighet saknas). Ändra filens behörighet eller ta bort den.`);
      } else {
        files.push(relPath);
      }
    }
  };
  walk('');
  if (errors.length > 0) return { copied: [], errors };
  for (const rel of files) {
    try {
      mkdirSync(path.dirname(path.join(siteDir, rel)), { recursive: true });
      copyAsNew(path.join(source, rel), path.join(siteDir, rel));
    } catch (error) {
      return { copied: [], errors: [`${SITE_FILES_FOLDER}/${rel}: filen gick inte att kopiera (${why(error)}). Kontrollera filen och bygg igen.`] };
    }
  }
  return { copied: files, errors: [] };
}

function readable(file: string): boolean {
  try {
    accessSync(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/** A file system error in a few Swedish words. */
function why(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'behörighet saknas';
  if (code === 'ENOENT') return 'den finns inte längre';
  return `felkod ${code ?? 'okänd'}`;
}

/**
 * Files (relative paths with `/`, sorted) under `oldDir` that `newDir` does not have: what replacing one by the other
 * takes away. Entries of `oldDir`'s top level for which `skip` is true (a build's own folders inside it) are not looked at.
 */
export function filesOnlyIn(oldDir: string, newDir: string, skip: (name: string) => boolean = () => false): string[] {
  const gone: string[] = [];
  const walk = (rel: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(oldDir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (rel === '' && skip(entry.name)) continue;
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(relPath);
      else if (!existsSync(path.join(newDir, relPath))) gone.push(relPath);
    }
  };
  walk('');
  return gone.sort();
}

/**
 * Of the files replacing the output folder takes away (`removed`, from filesOnlyIn), those somebody may have put
 * there by hand: not a page (index.html) and not in a folder the new build `newDir` has below its root, where
 * Spårbar's own files are named by their content (pagefind/, _astro/) and change with every edit.
 */
export function removedByHand(removed: readonly string[], newDir: string): string[] {
  return removed.filter((file) => {
    if (path.posix.basename(file) === 'index.html') return false;
    const folder = path.posix.dirname(file);
    return folder === '.' || !existsSync(path.join(newDir, folder));
  });
}
