// Decides which policy or plan each file belongs to: the one whose file lies in the nearest folder at or above it.
import type { MessageSink } from '../messages/report.js';
import { locate } from '../parse/locate.js';
import type { ValidFile } from '../validate/validate-file.js';
import type { ShadowDocument } from './shadows.js';

export type DocumentFile = Extract<ValidFile, { typ: 'policy' | 'plan' }>;

export interface DocumentScopes {
  /** The document file (policy or plan) that governs a folder, by folder path; a shadow when that file has errors. */
  byFolder: Map<string, DocumentFile | ShadowDocument>;
  /** The document that a file at `path` belongs to, if any. */
  documentFor(path: string): DocumentFile | ShadowDocument | undefined;
}

/** True for a policy or plan file that has errors of its own. */
export function isShadow(doc: DocumentFile | ShadowDocument | undefined): doc is ShadowDocument {
  return doc !== undefined && 'path' in doc;
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** Maps folders to the policy or plan file in them; a second document in one folder is reported and ignored. */
export function scopeDocuments(files: readonly ValidFile[], shadows: readonly ShadowDocument[], sink: MessageSink): DocumentScopes {
  const byFolder = new Map<string, DocumentFile | ShadowDocument>();
  for (const shadow of shadows) if (!byFolder.has(folderOf(shadow.path))) byFolder.set(folderOf(shadow.path), shadow);
  for (const file of files) {
    if (file.typ !== 'policy' && file.typ !== 'plan') continue;
    const folder = folderOf(file.file.path);
    const existing = byFolder.get(folder);
    if (existing) {
      const existingPath = isShadow(existing) ? existing.path : existing.file.path;
      sink.report(
        'multiple-documents',
        `Mappen har redan ${existing.typ === 'policy' ? 'policyn' : 'planen'} ${existingPath}. Lägg varje policy och plan i en egen mapp.`,
        { file: file.file.path, ...locate(file.file.parsed, ['typ']) },
      );
      continue;
    }
    byFolder.set(folder, file);
  }
  const cache = new Map<string, DocumentFile | ShadowDocument | undefined>();
  const lookup = (folder: string): DocumentFile | ShadowDocument | undefined => {
    if (cache.has(folder)) return cache.get(folder);
    const found = byFolder.get(folder) ?? (folder === '' ? undefined : lookup(folderOf(folder)));
    cache.set(folder, found);
    return found;
  };
  return { byFolder, documentFor: (path) => lookup(folderOf(path)) };
}
