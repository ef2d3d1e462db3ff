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
  /** The open data's licence (`öppna_data.licens`, a URI; CC0 1.0 by default), for the DCAT-AP-SE description and the open-data page. */
  openData: { licence: string };
  /** The adopted plan in git (`antagen_revision`): one revision for every plan, or one per plan id; null when not configured. */
  adoptedRevision: string | Record<string, string> | null;
  accessibility: {
    compliance: 'helt' | 'delvis' | 'inte';
    /** Known shortcomings as configured (`brister`). */
    issues: string[];
    /** Content exempted as a disproportionate burden (12 §), with reasons. */
    disproportionateBurden: string[];
    /** Content outside the law's scope (9 §). */
    outOfScope: string[];
    /** The date the statement was written (`upprättad`). */
    written: string | null;
    /** The date it was last reviewed and updated (`uppdaterad`, else `upprättad`). */
    updated: string | null;
    /** The date of the latest assessment of compliance (`bedömd`, else the manual review, else `updated`). */
    assessed: string | null;
    /** The date of the latest manual review, or null when only the automated tests have been run. */
    manualReview: string | null;
    reviewer: string | null;
    /** The configured description of the method, or null for Spårbar's own (the page describes it). */
    method: string | null;
    contact: { email: string | null; phone: string | null; form: string | null; responseTime: string | null };
    /** True when every contact given is at a domain reserved for examples (RFC 2606: .example, example.com/.org/.net), as in the example plan. */
    fictionalContact: boolean;
  };
}

/** What Spårbar's own tests cover, for the statement's "how we tested" (test/browser/: axe-core in Chromium on every page type). */
export const DEFAULT_TEST_METHOD =
  'Webbplatsen är byggd med Spårbar. Varje sidtyp testas automatiskt i en riktig webbläsare (Chromium) mot WCAG 2.1 nivå A och AA med verktyget axe-core, också mot verktygets regler för god praxis, och sidorna testas med tangentbord, på skärmar 360 pixlar breda och i utskrift.';

const RESERVED_EXAMPLE = /(^|\.)example$|(^|\.)example\.(com|org|net)$|\.(test|invalid)$/i;

/** Whether a host name is reserved for documentation and examples (RFC 2606, RFC 6761), so an address there is clearly fictional. */
export function isExampleHost(host: string): boolean {
  return RESERVED_EXAMPLE.test(host);
}

function hostOf(contact: { email: string | null; form: string | null }): string[] {
  const hosts: string[] = [];
  if (contact.email) hosts.push(contact.email.slice(contact.email.lastIndexOf('@') + 1));
  if (contact.form && /^mailto:/i.test(contact.form)) hosts.push(contact.form.replace(/\?.*$/, '').slice(contact.form.lastIndexOf('@') + 1));
  else if (contact.form && /^tel:/i.test(contact.form)) hosts.push('');
  else if (contact.form) {
    try {
      hosts.push(new URL(contact.form).hostname);
    } catch {
      // The schema only lets addresses through.
    }
  }
  return hosts;
}

/** The configuration with defaults filled in; `organisations` are the organisation names in the plans. */
export function resolveSiteConfig(file: SiteConfigFile, organisations: readonly string[]): SiteConfig {
  const owner = file.webbplats?.ägare ?? (organisations.length > 0 ? joinSwedish(organisations) : 'Organisationen');
  const name = file.webbplats?.namn ?? (organisations.length === 1 ? `${organisations[0]}: planer och uppföljning` : 'Planer och uppföljning');
  const a = file.tillgänglighet ?? {};
  const issues = a.brister ?? [];
  const burden = a.oskäligt_betungande ?? [];
  const manualReview = a.manuell_granskning ?? null;
  const contact = {
    email: a.kontakt?.epost ?? null,
    phone: a.kontakt?.telefon ?? null,
    form: a.kontakt?.webbformulär ?? null,
    responseTime: a.kontakt?.svarstid ?? null,
  };
  const hosts = hostOf(contact);
  const updated = a.uppdaterad ?? a.upprättad ?? null;
  return {
    name,
    owner,
    address: file.webbplats?.adress ?? null,
    adoptedRevision: file.antagen_revision ?? null,
    openData: { licence: file.öppna_data?.licens ?? 'http://creativecommons.org/publicdomain/zero/1.0/' },
    accessibility: {
      compliance: a.förenlighet ?? (manualReview !== null && issues.length === 0 && burden.length === 0 ? 'helt' : 'delvis'),
      issues,
      disproportionateBurden: burden,
      outOfScope: a.utanför_lagen ?? [],
      written: a.upprättad ?? null,
      updated,
      assessed: a.bedömd ?? manualReview ?? updated,
      manualReview,
      reviewer: a.granskare ?? null,
      method: a.metod ?? null,
      contact,
      fictionalContact: hosts.length > 0 && !contact.phone && hosts.every(isExampleHost),
    },
  };
}

/**
 * What the accessibility statement still needs before a site can be published, each a Swedish sentence naming
 * the key in `sparbar.config.json` (`configFile`, or the plans folder's when none was read). Lag (2018:1937)
 * om tillgänglighet till digital offentlig service, 16 §, and Digg's model statement
 * (digg.se, "Skapa en tillgänglighetsredogörelse") require a way to report shortcomings (meddelandefunktion)
 * and the date the statement was made; a site claims full compliance only after a manual review without
 * known shortcomings, since automated tests find only part of WCAG's failures.
 */
export function statementProblems(file: SiteConfigFile, configFile: string | null): string[] {
  const where = configFile ?? `${SITE_CONFIG_FILE} i planmappen (filen finns inte än)`;
  const a = file.tillgänglighet ?? {};
  const problems: string[] = [];
  const k = a.kontakt ?? {};
  if (!k.epost && !k.telefon && !k.webbformulär) {
    problems.push(
      `${where}: tillgänglighetsredogörelsen saknar ett sätt att rapportera brister i tillgängligheten, och lagen om tillgänglighet till digital offentlig service kräver ett. ` +
        'Ange minst en av tillgänglighet.kontakt.epost, tillgänglighet.kontakt.telefon och tillgänglighet.kontakt.webbformulär, ' +
        'till exempel { "tillgänglighet": { "kontakt": { "epost": "tillganglighet@kommun.se" } } }.',
    );
  }
  if (!a.upprättad) {
    problems.push(`${where}: tillgänglighetsredogörelsen saknar datumet då den skrevs. Ange tillgänglighet.upprättad som ÅÅÅÅ-MM-DD, till exempel "upprättad": "2026-09-01".`);
  }
  if (a.förenlighet === 'helt' && !a.manuell_granskning) {
    problems.push(
      `${where}: tillgänglighet.förenlighet är "helt", men ingen manuell granskning är angiven. Automatiska tester hittar bara en del av bristerna: ` +
        'ange tillgänglighet.manuell_granskning (datumet för granskningen) eller skriv "delvis".',
    );
  }
  if (a.förenlighet === 'helt' && ((a.brister?.length ?? 0) > 0 || (a.oskäligt_betungande?.length ?? 0) > 0)) {
    problems.push(`${where}: tillgänglighet.förenlighet är "helt", men brister eller undantag är angivna. Skriv "delvis", eller ta bort det som är åtgärdat.`);
  }
  return problems;
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
