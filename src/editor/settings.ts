// The editor's switch and settings: `redigering` in sparbar.config.json. Off unless `på` is true.
import type { z } from 'zod';
import { editorSettingsSchema } from '../config/config-schema.js';

/** The `redigering` section of sparbar.config.json (its schema is read with the rest of the file in src/config/). */
export { editorSettingsSchema };

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
