// Site configuration: the site's name and owner and the fields of the accessibility statement. Read from
// `sparbar.config.json` in the plans folder (or the file named by SPARBAR_CONFIG); every field is optional
// and has a sensible default taken from the plans themselves.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DATE_PATTERN, isRealDate } from '../../schemas/plan-files.js';
import { editorSettingsSchema } from '../editor/settings.js';
import { joinSwedish } from '../words/agreement.js';

export const SITE_CONFIG_FILE = 'sparbar.config.json';

const datum = z.string().regex(DATE_PATTERN, 'ska vara ett datum ÅÅÅÅ-MM-DD').refine(isRealDate, 'är inget riktigt datum');
const text = z.string().trim().min(1);
/** A git revision as people name them (tag, branch, commit, HEAD~1); never an option, never whitespace. */
const revision = z
  .string()
  .min(1, 'ska vara en git-revision, t.ex. en tagg')
  .regex(/^[^-\s][^\s]*$/, 'ska vara en git-revision utan blanksteg som inte börjar med -, t.ex. plan-2024-antagen');

export const siteConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  webbplats: z
    .strictObject({
      namn: text.optional().meta({ description: 'Webbplatsens namn, visas överst på varje sida.' }),
      ägare: text.optional().meta({ description: 'Organisationen som står bakom webbplatsen.' }),
      adress: z.url().optional().meta({ description: 'Den publicerade webbplatsens adress, t.ex. https://plan.ekby.se/.' }),
    })
    .optional(),
  tillgänglighet: z
    .strictObject({
      förenlighet: z.enum(['helt', 'delvis', 'inte']).optional().meta({ description: 'Hur webbplatsen uppfyller lagen (DOS-lagen).' }),
      brister: z.array(text).optional().meta({ description: 'Kända brister i tillgängligheten.' }),
      bedömd: datum.optional().meta({ description: 'Datum då webbplatsen senast bedömdes.' }),
      uppdaterad: datum.optional().meta({ description: 'Datum då redogörelsen senast uppdaterades.' }),
      metod: text.optional().meta({ description: 'Hur webbplatsen har testats.' }),
      kontakt: z
        .strictObject({
          epost: z.email().optional(),
          telefon: text.optional(),
          webbformulär: z.url().optional(),
          svarstid: text.optional().meta({ description: 'Till exempel "inom fem arbetsdagar".' }),
        })
        .optional(),
    })
    .optional(),
  redigering: editorSettingsSchema.optional(),
  // The check's rules (src/rules/settings.ts reads and checks them, with positions); the site does not use them.
  regler: z.record(z.string(), z.unknown()).optional().meta({ description: 'Reglernas allvarlighet för sparbar check: "av", "varning" eller "fel" per regel-id.' }),
  antagen_revision: z
    .union([revision, z.record(z.string().min(1), revision)])
    .optional()
    .meta({
      description:
        'Den antagna planen i git: en tagg, gren eller commit (t.ex. "plan-2024-antagen") för alla planer, eller en per plan-id. Sidan "Ändringar sedan antagandet" jämför den med planen nu.',
    }),
});

export type SiteConfigFile = z.infer<typeof siteConfigSchema>;

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

/** Reads the configuration: `explicitPath` if given, else `sparbar.config.json` in the plans folder. */
export function loadSiteConfig(plansDir: string, explicitPath?: string): LoadedSiteConfig {
  const file = explicitPath ? path.resolve(explicitPath) : path.join(plansDir, SITE_CONFIG_FILE);
  if (!existsSync(file)) {
    return explicitPath ? { config: {}, file: null, errors: [`Konfigurationsfilen ${explicitPath} finns inte.`] } : { config: {}, file: null, errors: [] };
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    return { config: {}, file, errors: [`${file}: filen är inte giltig JSON (${(error as Error).message}).`] };
  }
  const parsed = siteConfigSchema.safeParse(data);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join('.') : '(hela filen)';
      const message = issue.code === 'unrecognized_keys' ? `okänd nyckel ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
      return `${file}: ${where}: ${message}.`;
    });
    return { config: {}, file, errors };
  }
  return { config: parsed.data, file, errors: [] };
}
