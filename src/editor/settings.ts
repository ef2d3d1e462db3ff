// The editor's switch and settings: `redigering` in sparbar.config.json. Off unless `på` is true.
import { z } from 'zod';
import { PERIOD_PATTERN } from '../../schemas/plan-files.js';

/** The `redigering` section of sparbar.config.json. */
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
    adress: z.url().optional().meta({ description: 'GitLab: instansens adress, t.ex. https://gitlab.ekby.se (standard: https://gitlab.com).' }),
    app_id: z.string().min(1).optional().meta({ description: 'GitLab: program-id för inloggningen (OAuth-program med PKCE).' }),
    inloggning: z.url().optional().meta({ description: 'GitHub: adressen till OAuth-tjänsten som loggar in mot GitHub.' }),
    period: z.string().regex(PERIOD_PATTERN, 'ska skrivas ÅÅÅÅ-MM, t.ex. 2026-08').optional().meta({ description: 'Uppföljningsperioden som förvaltningarna fyller i (standard: den senaste med uppföljningar).' }),
    mapp: z.string().min(1).optional().meta({ description: 'Planmappens sökväg i förrådet (standard: läses från git, annars plans).' }),
  })
  .meta({ description: 'Redigering i webbläsaren (Decap CMS) under /admin/.' });

export type EditorSettings = z.infer<typeof editorSettingsSchema>;

/** Where the editor saves: a git host, or the local backend of `sparbar redigera`. */
export type EditorBackend =
  | { kind: 'github'; repo: string; branch: string; authUrl: string | null }
  | { kind: 'gitlab'; repo: string; branch: string; address: string; appId: string }
  | { kind: 'local'; url: string; branch: string; workflow: boolean };

/**
 * The backend the settings describe, or the Swedish reasons they are incomplete. GitHub needs `repo` (and an
 * OAuth service in `inloggning`, https://decapcms.org/docs/github-backend/); GitLab needs `repo` and `app_id`
 * (PKCE sign-in, https://decapcms.org/docs/gitlab-backend/).
 */
export function editorBackend(settings: EditorSettings): EditorBackend | { errors: string[] } {
  const branch = settings.gren ?? 'main';
  const errors: string[] = [];
  if (!settings.tjänst) errors.push('redigering.tjänst saknas: skriv "github" eller "gitlab" (eller prova lokalt med sparbar redigera).');
  if (!settings.repo) errors.push('redigering.repo saknas: skriv förrådet som ägare/namn, t.ex. "ekby-kommun/planer".');
  if (settings.tjänst === 'gitlab' && !settings.app_id) errors.push('redigering.app_id saknas: GitLab-inloggningen behöver program-id:t för ett OAuth-program (se README).');
  if (errors.length > 0) return { errors };
  if (settings.tjänst === 'gitlab') return { kind: 'gitlab', repo: settings.repo!, branch, address: (settings.adress ?? 'https://gitlab.com').replace(/\/+$/, ''), appId: settings.app_id! };
  return { kind: 'github', repo: settings.repo!, branch, authUrl: settings.inloggning ?? null };
}
