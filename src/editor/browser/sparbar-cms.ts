/// <reference lib="dom" />
// The editor page's script (admin/sparbar/editor/browser/sparbar-cms.js): loads the generated configuration,
// registers Spårbar's file format with Decap CMS (only edited values are written back, see frontmatter-edit.ts)
// and a pre-save step that starts a new follow-up from the text `uppfoljning ny` would write, then starts Decap.
import { ORIGINAL_KEY, readForForm, writeFromForm, type EditorFormat } from '../frontmatter-edit.js';

interface ImmutableMap {
  get(key: string): unknown;
  set(key: string, value: unknown): ImmutableMap;
}

interface DecapCms {
  registerCustomFormat(name: string, extension: string, format: { fromFile(content: string): unknown; toFile(data: Record<string, unknown>): string }): void;
  registerEventListener(listener: { name: string; handler: (event: { entry: ImmutableMap }) => unknown }): void;
  init(options: { config: Record<string, unknown> }): void;
}

declare const CMS: DecapCms;

type Field = Record<string, unknown> & { pattern?: [string | RegExp, string]; fields?: Field[]; field?: Field };

/** Patterns come as `[source, message]`; the schema's need the `u` flag (`\p{L}`), so they are made RegExps here. */
function withUnicodePatterns(fields: Field[] | undefined): void {
  for (const f of fields ?? []) {
    if (Array.isArray(f.pattern) && typeof f.pattern[0] === 'string') f.pattern = [new RegExp(f.pattern[0], 'u'), f.pattern[1]];
    withUnicodePatterns(f.fields);
    if (f.field) withUnicodePatterns([f.field]);
  }
}

const [config, format] = (await Promise.all([fetch('./config.json').then((r) => r.json()), fetch('./sparbar.json').then((r) => r.json())])) as [
  Record<string, unknown> & { collections: { fields?: Field[]; files?: { fields: Field[] }[] }[] },
  EditorFormat & { templates: Record<string, string> },
];
for (const c of config.collections) {
  withUnicodePatterns(c.fields);
  for (const f of c.files ?? []) withUnicodePatterns(f.fields);
}

CMS.registerCustomFormat('sparbar', 'md', {
  fromFile: (content) => readForForm(content, format),
  toFile: (data) => writeFromForm(data, format),
});
CMS.registerEventListener({
  name: 'preSave',
  handler: ({ entry }) => {
    const data = entry.get('data') as ImmutableMap;
    const template = format.templates[String(entry.get('path'))];
    return !data.get(ORIGINAL_KEY) && template !== undefined ? data.set(ORIGINAL_KEY, template) : undefined;
  },
});
CMS.init({ config });
