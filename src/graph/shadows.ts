// What files that failed validation would have defined, so their mistakes are reported once and not echoed elsewhere.
import type { ReadPlanFile } from '../parse/read-plan-file.js';

/** A policy or plan file that has errors: it still owns its folder. */
export interface ShadowDocument {
  path: string;
  typ: 'policy' | 'plan';
  id: string | null;
}

export interface Shadows {
  documents: ShadowDocument[];
  /** Files with errors, by path, with the ids they (and their inline nodes) name. */
  ids: { path: string; typ: string; ids: string[] }[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const field = (v: unknown, key: string): unknown => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined);

/** The documents and ids that the invalid files meant to define, read as far as their raw data allows. */
export function collectShadows(invalid: readonly ReadPlanFile[]): Shadows {
  const shadows: Shadows = { documents: [], ids: [] };
  for (const file of invalid) {
    const typ = file.data.typ;
    const id = str(file.data['id']);
    if (typ === 'policy' || typ === 'plan') shadows.documents.push({ path: file.path, typ, id: id ?? null });
    const ids = id ? [id] : [];
    if (typ === 'policy') {
      for (const area of list(file.data['områden'])) {
        const areaId = str(field(area, 'id'));
        if (areaId) ids.push(areaId);
        for (const p of list(field(area, 'styrprinciper'))) {
          const pid = str(field(p, 'id'));
          if (pid) ids.push(pid);
        }
      }
    }
    if (typ === 'mål') for (const fo of list(file.data['fokusområden'])) {
      const fid = str(field(fo, 'id'));
      if (fid) ids.push(fid);
    }
    shadows.ids.push({ path: file.path, typ, ids });
  }
  return shadows;
}

/** Node keys that files with errors (or files under a policy or plan with errors) would have defined. */
export function shadowKeys(shadows: Shadows, documentIdFor: (path: string) => string | null): Set<string> {
  const keys = new Set<string>();
  for (const entry of shadows.ids) {
    if (entry.typ === 'policy' || entry.typ === 'plan' || entry.typ === 'organisation') {
      const [own, ...inline] = entry.ids;
      if (own) keys.add(own);
      for (const id of inline) keys.add(`${own}:${id}`);
      continue;
    }
    const doc = documentIdFor(entry.path);
    for (const id of entry.ids) keys.add(doc === null ? id : `${doc}:${id}`);
  }
  return keys;
}
