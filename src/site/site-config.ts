// Site configuration: the site's name and owner and the fields of the accessibility statement. Read from
// `sparbar.config.json` in the plans folder (or the file named by SPARBAR_CONFIG); every field is optional
// and has a sensible default taken from the plans themselves.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readConfigFile } from '../config/config-file.js';
import { asSentence, parseSiteConfig, type SiteConfigFile } from '../config/config-schema.js';
import { joinSwedish } from '../words/agreement.js';

export { siteConfigSchema, type SiteConfigFile } from '../config/config-schema.js';

export const SITE_CONFIG_FILE = 'sparbar.config.json';

export interface SiteConfig {
  /** Shown in the header of every page and in page titles. */
  name: string;
  /** Who stands behind the site. */
  owner: string;
  /** Public address of the site, if known (for printed links). */
  address: string | null;
  /** The adopted plan in git (`antagen_revision`): one revision for every plan, or one per plan id; null when not configured. */
  adoptedRevision: string | Record<string, string> | null;
  accessibility: {
    compliance: 'helt' | 'delvis' | 'inte';
    issues: string[];
    assessed: string | null;
    updated: string | null;
    method: string;
    contact: { email: string | null; phone: string | null; form: string | null; responseTime: string | null };
  };
}

export const DEFAULT_TEST_METHOD =
  'Webbplatsen är byggd med Spårbar. Varje sidtyp testas automatiskt i en riktig webbläsare mot WCAG 2.1 nivå A och AA med verktyget axe-core, och sidorna granskas för tangentbord, skärmläsare, mobilskärmar 360 pixlar breda och utskrift.';

/** The configuration with defaults filled in; `organisations` are the organisation names in the plans. */
export function resolveSiteConfig(file: SiteConfigFile, organisations: readonly string[]): SiteConfig {
  const owner = file.webbplats?.ägare ?? (organisations.length > 0 ? joinSwedish(organisations) : 'Organisationen');
  const name = file.webbplats?.namn ?? (organisations.length === 1 ? `${organisations[0]}: planer och uppföljning` : 'Planer och uppföljning');
  const a = file.tillgänglighet ?? {};
  return {
    name,
    owner,
    address: file.webbplats?.adress ?? null,
    adoptedRevision: file.antagen_revision ?? null,
    accessibility: {
      compliance: a.förenlighet ?? (a.brister && a.brister.length > 0 ? 'delvis' : 'helt'),
      issues: a.brister ?? [],
      assessed: a.bedömd ?? null,
      updated: a.uppdaterad ?? a.bedömd ?? null,
      method: a.metod ?? DEFAULT_TEST_METHOD,
      contact: {
        email: a.kontakt?.epost ?? null,
        phone: a.kontakt?.telefon ?? null,
        form: a.kontakt?.webbformulär ?? null,
        responseTime: a.kontakt?.svarstid ?? null,
      },
    },
  };
}

export interface LoadedSiteConfig {
  config: SiteConfigFile;
  /** The file read, or null when there is none. */
  file: string | null;
  /** Problems, each a full Swedish sentence naming the file and the field. */
  errors: string[];
}

/**
 * Reads the configuration: `explicitPath` if given, else `sparbar.config.json` in the plans folder. Each error names
 * the file, the line and column and the key ("…/sparbar.config.json:3:16: webbplats.adress: börjar med javascript:, …").
 */
export function loadSiteConfig(plansDir: string, explicitPath?: string): LoadedSiteConfig {
  const file = explicitPath ? path.resolve(explicitPath) : path.join(plansDir, SITE_CONFIG_FILE);
  if (!existsSync(file)) {
    return explicitPath ? { config: {}, file: null, errors: [`Konfigurationsfilen ${explicitPath} finns inte.`] } : { config: {}, file: null, errors: [] };
  }
  const read = readConfigFile(plansDir, file)!;
  if (read.error) return { config: {}, file, errors: [`${file}:${read.error.at.line}:${read.error.at.column}: ${read.error.message}.`] };
  const parsed = parseSiteConfig(read.data);
  if (parsed.config === null) {
    const errors = parsed.problems.map((problem) => {
      const { line, column } = read.locate(problem.path, problem.where);
      const where = problem.path.length > 0 ? problem.path.join('.') : '(hela filen)';
      return `${file}:${line}:${column}: ${where}: ${asSentence(problem.message)}`;
    });
    return { config: {}, file, errors };
  }
  return { config: parsed.config, file, errors: [] };
}
