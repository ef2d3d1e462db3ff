// The schema of sparbar.config.json, every key but the check's `regler` (src/rules/settings.ts reads those with their
// own messages): the site's name, owner and address, the accessibility statement, the browser editor and the adopted
// revision. Read by the check (invalid-config, at each key's line and column) and by the build, so a configuration the
// build would refuse or publish wrongly is already an error in the pull request that writes it.
import { z } from 'zod';
import { DATE_PATTERN, isRealDate, PERIOD_PATTERN } from '../../schemas/plan-files.js';
import { closest } from '../util/suggest.js';
import { addressSchema, LINK_PROTOCOLS, WEB_PROTOCOLS } from './addresses.js';
import type { ConfigPath } from './config-file.js';

const datum = z.string().regex(DATE_PATTERN, 'ska vara ett datum ÅÅÅÅ-MM-DD').refine(isRealDate, 'är inget riktigt datum');
const text = z.string().trim().min(1, 'får inte vara tomt');
/** A git revision as people name them (tag, branch, commit, HEAD~1); never an option, never whitespace. */
const revision = z
  .string()
  .min(1, 'ska vara en git-revision, t.ex. en tagg')
  .regex(/^[^-\s][^\s]*$/, 'ska vara en git-revision utan blanksteg som inte börjar med -, t.ex. plan-2024-antagen');
const webAddress = addressSchema(WEB_PROTOCOLS);

/** The `redigering` section of sparbar.config.json: the browser editor (src/editor/). Off unless `på` is true. */
export const editorSettingsSchema = z
  .strictObject({
    på: z.boolean().meta({ description: 'Bygg redigeringssidan /admin/ med webbplatsen (standard: false).' }),
    tjänst: z.enum(['github', 'gitlab']).optional().meta({ description: 'Var planens git-förråd ligger.' }),
    repo: z
      .string()
      .regex(/^[\w.-]+(?:\/[\w.-]+)+$/, 'ska skrivas ägare/namn, t.ex. ekby-kommun/planer')
      .optional()
      .meta({ description: 'Förrådet, ägare/namn (på GitLab grupp/undergrupp/namn).' }),
    gren: z.string().min(1).optional().meta({ description: 'Grenen som ändringsförslagen görs mot (standard: main).' }),
    adress: webAddress.optional().meta({ description: 'GitLab: instansens adress, t.ex. https://gitlab.ekby.se (standard: https://gitlab.com).' }),
    app_id: z.string().min(1).optional().meta({ description: 'GitLab: program-id för inloggningen (OAuth-program med PKCE).' }),
    inloggning: webAddress.optional().meta({ description: 'GitHub: adressen till OAuth-tjänsten som loggar in mot GitHub.' }),
    period: z.string().regex(PERIOD_PATTERN, 'ska skrivas ÅÅÅÅ-MM, t.ex. 2026-08').optional().meta({ description: 'Uppföljningsperioden som förvaltningarna fyller i (standard: den senaste med uppföljningar).' }),
    mapp: z.string().min(1).optional().meta({ description: 'Planmappens sökväg i förrådet (standard: läses från git, annars plans).' }),
  })
  .meta({ description: 'Redigering i webbläsaren (Decap CMS) under /admin/.' });

/**
 * sparbar.config.json. Every address is checked for its scheme (src/config/addresses.ts): the site's own address and
 * the editor's services only https: or http:, the contact form https:, http:, mailto: or tel:.
 */
export const siteConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  webbplats: z
    .strictObject({
      namn: text.optional().meta({ description: 'Webbplatsens namn, visas överst på varje sida.' }),
      ägare: text.optional().meta({ description: 'Organisationen som står bakom webbplatsen.' }),
      adress: webAddress.optional().meta({ description: 'Den publicerade webbplatsens adress, med https: eller http:, t.ex. https://plan.ekby.se/.' }),
    })
    .optional(),
  tillgänglighet: z
    .strictObject({
      förenlighet: z
        .enum(['helt', 'delvis', 'inte'])
        .optional()
        .meta({ description: 'Hur webbplatsen uppfyller lagen (2018:1937): helt, delvis eller inte förenlig. Standard: delvis, helt först när en manuell granskning utan brister är gjord.' }),
      brister: z.array(text).optional().meta({ description: 'Kända brister: innehåll som inte är tillgängligt och varför.' }),
      oskäligt_betungande: z.array(text).optional().meta({ description: 'Innehåll som undantas för att anpassningen vore oskäligt betungande (12 §), med skälen.' }),
      utanför_lagen: z.array(text).optional().meta({ description: 'Innehåll som inte omfattas av lagens krav (9 §).' }),
      upprättad: datum.optional().meta({ description: 'Datum då redogörelsen skrevs.' }),
      uppdaterad: datum.optional().meta({ description: 'Datum då redogörelsen senast granskades och uppdaterades.' }),
      bedömd: datum.optional().meta({ description: 'Datum för den senaste bedömningen av hur webbplatsen uppfyller lagen.' }),
      manuell_granskning: datum.optional().meta({ description: 'Datum då webbplatsen senast granskades manuellt (utöver de automatiska testerna).' }),
      granskare: text.optional().meta({ description: 'Vem som granskade manuellt, t.ex. "en extern granskare" eller "kommunens webbredaktion".' }),
      metod: text.optional().meta({ description: 'Hur webbplatsen har testats, om Spårbars beskrivning inte räcker.' }),
      kontakt: z
        .strictObject({
          epost: z.email('ska vara en e-postadress, t.ex. tillganglighet@ekby.se').optional(),
          telefon: text.optional(),
          webbformulär: addressSchema(LINK_PROTOCOLS).optional().meta({ description: 'Adressen till ett formulär (https: eller http:), eller mailto: eller tel:.' }),
          svarstid: text.optional().meta({ description: 'Till exempel "inom fem arbetsdagar".' }),
        })
        .optional(),
    })
    .optional(),
  öppna_data: z
    .strictObject({
      licens: webAddress
        .optional()
        .meta({ description: 'Licensen för öppna data som en adress, t.ex. http://creativecommons.org/licenses/by/4.0/. Standard: CC0 1.0 (http://creativecommons.org/publicdomain/zero/1.0/).' }),
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

/** One thing wrong in the configuration: the key it is about, whether the key or its value is wrong, and a Swedish clause. */
export interface ConfigProblem {
  path: ConfigPath;
  where: 'key' | 'value';
  /** What is wrong, a clause that follows the key's name ("ska vara …"), without a full stop. */
  message: string;
}

/** The configuration as read, or every problem in it (each key's, not only the first). */
export function parseSiteConfig(data: unknown): { config: SiteConfigFile; problems: [] } | { config: null; problems: ConfigProblem[] } {
  const parsed = siteConfigSchema.safeParse(data);
  if (parsed.success) return { config: parsed.data, problems: [] };
  const problems = parsed.error.issues.flatMap((issue): ConfigProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(issue.path);
      return issue.keys.map((key) => {
        const hit = closest(key, known);
        return {
          path: [...issue.path.map(segment), key],
          where: 'key',
          message: `okänd nyckel "${key}"${hit ? `; menade du "${hit}"?` : known.length > 0 ? `; kända nycklar här: ${known.map((k) => `"${k}"`).join(', ')}` : ''}`,
        };
      });
    }
    return [{ path: issue.path.map(segment), where: 'value', message: swedishMessage(issue) }];
  });
  return { config: null, problems };
}

/** `clause` ended as a sentence: a full stop unless it already ends with one, or with a question mark. */
export const asSentence = (clause: string): string => (/[.?!]$/.test(clause) ? clause : `${clause}.`);

const segment = (s: PropertyKey): string | number => (typeof s === 'number' ? s : String(s));

/** The keys the schema knows at `at` (an object's path), for suggestions. */
function knownKeys(at: readonly PropertyKey[]): string[] {
  let schema: z.ZodType = siteConfigSchema;
  for (const s of at) {
    while (schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
    if (!(schema instanceof z.ZodObject)) return [];
    const next = (schema.shape as Record<string, z.ZodType>)[String(s)];
    if (!next) return [];
    schema = next;
  }
  while (schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape as object) : [];
}

/** zod's issue in Swedish: our own messages as they are, zod's English defaults said for the kinds a configuration meets. */
function swedishMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected: Record<string, string> = { string: 'en text inom citattecken', boolean: 'true eller false', object: 'ett objekt med nycklar', array: 'en lista [ … ]', number: 'ett tal' };
      return `ska vara ${expected[issue.expected] ?? issue.expected}`;
    }
    case 'invalid_value':
      return `ska vara ${issue.values.map((v) => JSON.stringify(v)).join(', ').replace(/, ([^,]*)$/, ' eller $1')}`;
    case 'invalid_union':
      return 'ska vara en git-revision (t.ex. "plan-2024-antagen") eller ett objekt med en revision per plan-id';
    case 'too_small':
      return /^[A-Za-z]/.test(issue.message) ? 'får inte vara tomt' : issue.message;
    default:
      return /^(Invalid|Expected|Too)/.test(issue.message) ? `har ett värde som inte går att använda (${issue.message})` : issue.message;
  }
}
