// VS Code snippets made from the zod schemas: one per typ, with the required keys and choices for enum values.
import { SCHEMA_BY_TYPE } from '../../schemas/plan-files.js';
import { requiredKeysAt } from '../validate/schema-walk.js';

const EXAMPLES: Record<string, string> = {
  antagen: '2026-01-01',
  start: '2026-01-01',
  slut: '2026-12-31',
  period: '2026-08',
  målår: '2027',
};

interface Def {
  type: string;
  entries?: Record<string, string>;
  innerType?: unknown;
  shape?: Record<string, unknown>;
}
const defOf = (s: unknown) => (s as { _zod: { def: Def } })._zod.def;

function placeholder(n: number, key: string, schema: unknown): string {
  let def = defOf(schema);
  while (def.type === 'optional' && def.innerType) def = defOf(def.innerType);
  if (def.type === 'enum' && def.entries) return `\${${n}|${Object.values(def.entries).join(',')}|}`;
  if (key === 'områden') return `\n  - id: \${${n}:O1}\n    titel: \${${n + 1}:Områdets namn}\n    styrprinciper:\n      - { id: \${${n + 2}:SP1}, titel: \${${n + 3}:Principen på en rad} }`;
  if (key === 'giltighet') return `{ från: \${${n}:2024-01-01}, till: \${${n + 1}:2028-12-31} }`;
  if (key === 'målvärden') return `{ \${${n}:2026}: \${${n + 1}:80} }`;
  if (def.type === 'array') return `[\${${n}:${key === 'organisationer' ? 'organisation-id' : 'id'}}]`;
  if (def.type === 'object') return `{ från: \${${n}:2024}, till: \${${n + 1}:2027} }`;
  return `\${${n}:${EXAMPLES[key] ?? key.replace(/_/g, ' ')}}`;
}

/** Optional keys that `check` warns about when missing (or, for a plan's organisation, requires one of two forms of), so the snippet offers them too. */
const RECOMMENDED: Record<string, string[]> = {
  policy: ['antagen_av', 'antagen', 'giltighet', 'områden'],
  plan: ['organisation', 'antagen_av', 'antagen', 'period'],
  aktivitet: ['ansvarig', 'start', 'slut', 'status'],
  indikator: ['mäter', 'målvärden'],
  mål: ['styrprinciper', 'förväntat_resultat', 'målår'],
};

const unwrapped = (schema: unknown): Def => {
  let def = defOf(schema);
  while (def.type === 'optional' && def.innerType) def = defOf(def.innerType);
  return def;
};

/** The snippets file (JSON text) offering a new file of each typ: type `sparbar-aktivitet` and press Tab. */
export function vscodeSnippets(): string {
  const snippets: Record<string, { scope: string; prefix: string; description: string; body: string[] }> = {};
  for (const [typ, schema] of Object.entries(SCHEMA_BY_TYPE)) {
    const shape = defOf(schema).shape ?? {};
    let n = 1;
    const lines = ['---', `typ: ${typ}`];
    const wanted = new Set([...requiredKeysAt(schema, []), ...(RECOMMENDED[typ] ?? [])]);
    // In the schema's order, so a usual fact (antagen) comes where the format lists it, not after the lists.
    for (const key of Object.keys(shape).filter((k) => wanted.has(k))) {
      if (key === 'typ') continue;
      lines.push(`${key}: ${placeholder(n, key, shape[key])}`);
      n += key === 'områden' ? 4 : key === 'målvärden' ? 2 : unwrapped(shape[key]).type === 'object' ? 2 : 1;
    }
    lines.push('---', '', '$0');
    snippets[`Spårbar: ${typ}`] = { scope: 'markdown', prefix: `sparbar-${typ}`, description: `Ny planfil av typ ${typ} med de nycklar som krävs`, body: lines };
  }
  return JSON.stringify(snippets, null, 2) + '\n';
}
