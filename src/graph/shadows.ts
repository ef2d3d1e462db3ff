// What files that failed validation would have defined, so their mistakes are reported once and not echoed elsewhere:
// the ids they declare (references to them are not unknown) and the links they write (a focus area that a broken
// action contributes to is not "without action"; a follow-up that is broken is not "missing").
import { NODE_TYPES, SCHEMA_BY_TYPE } from '../../schemas/plan-files.js';
import type { ReadPlanFile } from '../parse/read-plan-file.js';
import { locate, type Range, type YamlPath } from '../parse/locate.js';
import type { Place } from '../messages/report.js';
import { closest } from '../util/suggest.js';
import type { EdgeType, NodeType } from './types.js';
import { LINK_KEYS, type LinkKey } from './link-keys.js';

/** A policy or plan file that has errors: it still owns its folder. */
export interface ShadowDocument {
  path: string;
  typ: 'policy' | 'plan';
  id: string | null;
}

/** Links a file with errors writes, by key: the ids it names there. */
export interface ShadowLinks {
  field: string;
  targets: string[];
  /**
   * Where each target is written, when the key itself is valid in a file the schema rejected for other keys: an
   * unknown id there is reported now, not only once the file's other errors are fixed.
   */
  at?: Range[];
}

export interface Shadows {
  documents: ShadowDocument[];
  /** Files with errors, by path, with the ids they (and their inline nodes) name, the links they write and, for a follow-up, its period. */
  ids: { path: string; typ: string; ids: string[]; links: ShadowLinks[]; period?: string }[];
}

/**
 * The link keys whose links a file with errors still counts, by type of file: every link key of a node file, and a
 * plan's policy. A document's organisations and the documents it replaces are not read from a file with errors.
 */
const SHADOW_LINK_KEYS: Readonly<Record<string, Readonly<Record<string, LinkKey>>>> = {
  styrprincip: LINK_KEYS.styrprincip,
  mål: LINK_KEYS.mål,
  fokusområde: LINK_KEYS.fokusområde,
  aktivitet: LINK_KEYS.aktivitet,
  indikator: LINK_KEYS.indikator,
  plan: { policy: LINK_KEYS.plan.policy },
};

/** Types whose links resolve among organisations, policies and plans (scope null), not inside a document. */
const GLOBAL_LINKS: ReadonlySet<string> = new Set(['plan']);

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const field = (v: unknown, key: string): unknown => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== '');

const KEYS_BY_TYPE = Object.entries(SCHEMA_BY_TYPE).map(([typ, schema]) => [typ, new Set(Object.keys(schema.shape))] as const);

/**
 * The type a file with errors meant: its `typ` when that is one, the nearest type to a misspelt one, else the type
 * whose keys the file uses most (a plan has `period` and `policy`, an action `bidrar_till`); '' when no type stands out.
 */
export function meantType(typ: unknown, keys: readonly string[]): string {
  if (typeof typ === 'string' && (NODE_TYPES as readonly string[]).includes(typ)) return typ;
  if (typeof typ === 'string' && typ !== '') {
    const hit = closest(typ, NODE_TYPES);
    if (hit) return hit;
  }
  const own = keys.filter((k) => k !== 'typ' && k !== 'id' && k !== 'titel');
  let best = '';
  let bestScore = 0;
  let tie = false;
  for (const [name, allowed] of KEYS_BY_TYPE) {
    const score = own.filter((k) => allowed.has(k)).length;
    if (score > bestScore) [best, bestScore, tie] = [name, score, false];
    else if (score === bestScore && score > 0) tie = true;
  }
  return tie ? '' : best;
}

/** Ids of the effects and success factors a policy or plan lists (effektmål, framgångsfaktorer). */
function visionIds(data: Record<string, unknown>): string[] {
  return [...list(data['effektmål']), ...list(data['framgångsfaktorer'])].map((item) => str(field(item, 'id'))).filter((x): x is string => x !== undefined && x !== '');
}

/** The documents, ids and links that the invalid files meant to define, read as far as their raw data allows. */
export function collectShadows(invalid: readonly ReadPlanFile[]): Shadows {
  const shadows: Shadows = { documents: [], ids: [] };
  for (const file of invalid) {
    const typ = meantType(file.data.typ, Object.keys(file.broken ? file.broken.lists : file.data));
    const id = str(file.data['id']);
    if (typ === 'policy' || typ === 'plan') shadows.documents.push({ path: file.path, typ, id: id ?? null });
    const ids = id ? [id] : [];
    const broken = file.broken;
    const raw: Record<string, unknown> = broken ? broken.lists : file.data;
    // A misspelt link key (`bidrar_til`) still says what the file links to.
    const value = (key: string): unknown => raw[key] ?? raw[Object.keys(raw).find((k) => !Object.hasOwn(raw, key) && closest(k, [key]) === key) ?? ''];
    if (broken) {
      if (typ === 'policy' || typ === 'plan' || typ === 'mål' || typ === 'styrprincip') ids.push(...broken.inlineIds);
    } else if (typ === 'policy') {
      ids.push(...visionIds(file.data));
      for (const area of list(file.data['områden'])) {
        const areaId = str(field(area, 'id'));
        if (areaId) ids.push(areaId);
        for (const p of list(field(area, 'styrprinciper'))) {
          const pid = str(field(p, 'id'));
          if (pid) ids.push(pid);
          for (const u of list(field(p, 'underpunkter'))) {
            const uid = str(field(u, 'id'));
            if (uid) ids.push(uid);
          }
        }
      }
    } else if (typ === 'plan') {
      ids.push(...visionIds(file.data));
    } else if (typ === 'styrprincip') {
      for (const u of list(file.data['underpunkter'])) {
        const uid = str(field(u, 'id'));
        if (uid) ids.push(uid);
      }
    } else if (typ === 'mål') {
      for (const fo of list(file.data['fokusområden'])) {
        const fid = str(field(fo, 'id'));
        if (fid) ids.push(fid);
      }
    }
    const links: ShadowLinks[] = [];
    for (const key of Object.keys(SHADOW_LINK_KEYS[typ] ?? {})) {
      const written = checkedLinks(file, key);
      if (written) links.push(written);
      else {
        const targets = strings(value(key));
        if (targets.length > 0) links.push({ field: key, targets });
      }
    }
    const entry: Shadows['ids'][number] = { path: file.path, typ, ids, links };
    if (typ === 'uppföljning') {
      const avser = strings(value('avser'))[0];
      const period = strings(value('period'))[0];
      if (avser !== undefined) entry.links.push({ field: 'avser', targets: [avser] });
      if (period !== undefined) entry.period = period;
    }
    shadows.ids.push(entry);
  }
  return shadows;
}

/**
 * The links under `key` of a node file that the schema rejected for its other keys only, with where each is written;
 * undefined when the key is missing, misspelt or has errors of its own, or the file is not such a file.
 */
function checkedLinks(file: ReadPlanFile, key: string): ShadowLinks | undefined {
  const errors = file.schemaErrorKeys;
  if (errors === undefined || file.broken || GLOBAL_LINKS.has(file.data.typ) || SHADOW_LINK_KEYS[file.data.typ]?.[key] === undefined) return undefined;
  if (errors.includes(key) || errors.includes('') || !Object.hasOwn(file.data, key)) return undefined;
  const raw = file.data[key];
  const targets: string[] = [];
  const paths: YamlPath[] = [];
  if (typeof raw === 'string' && raw !== '') [targets[0], paths[0]] = [raw, [key]];
  if (Array.isArray(raw)) {
    raw.forEach((t, i) => {
      if (typeof t !== 'string' || t === '') return;
      targets.push(t);
      paths.push([key, i]);
    });
  }
  return targets.length === 0 ? undefined : { field: key, targets, at: paths.map((p) => locate(file.parsed, p)) };
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

/** A link written in a file with errors, waiting to be resolved in the document `scope` its folder belongs to. */
export interface ShadowLink {
  /** null for the links of a policy or plan file, which resolve among documents. */
  scope: string | null;
  target: string;
  /** The edge the link would make; 'follow-up' for a follow-up's `avser`. */
  edge: EdgeType | 'follow-up';
  /** The follow-up's period, for a follow-up. */
  period?: string;
  /** For a link whose key is valid in its file (see ShadowLinks.paths): how to report it when its target is unknown. */
  written?: { field: string; allowed: readonly NodeType[]; place: Place };
}

/** The links that files with errors in valid documents would write; `documentIdFor` gives the valid document a path lies in. */
export function shadowLinks(shadows: Shadows, documentIdFor: (path: string) => string | null): ShadowLink[] {
  const out: ShadowLink[] = [];
  for (const entry of shadows.ids) {
    const keys = SHADOW_LINK_KEYS[entry.typ];
    if (keys === undefined && entry.typ !== 'uppföljning') continue;
    const scope = GLOBAL_LINKS.has(entry.typ) ? null : documentIdFor(entry.path);
    if (scope === null && !GLOBAL_LINKS.has(entry.typ)) continue;
    for (const { field, targets, at } of entry.links) {
      const edge = field === 'avser' ? 'follow-up' : keys?.[field]?.edge;
      if (edge === undefined) continue;
      const allowed = keys?.[field]?.allowed;
      targets.forEach((target, i) => {
        const link: ShadowLink = { scope, target, edge, ...(edge === 'follow-up' && entry.period !== undefined ? { period: entry.period } : {}) };
        const range = at?.[i];
        if (range && allowed && scope !== null) link.written = { field, allowed, place: { file: entry.path, ...range } };
        out.push(link);
      });
    }
  }
  return out;
}

/** Links the graph leaves out because one end lies in a file with errors: what the rules about gaps must not call gaps. */
export interface BrokenLinks {
  /** True when a file with errors links to node `key` with an edge of `type`. */
  into(key: string, type: EdgeType): boolean;
  /** True when node `key` links with an edge of `type` to a node of a file with errors. */
  outOf(key: string, type: EdgeType): boolean;
  /** The periods of follow-up files with errors that follow up node `key` ('' where the period cannot be read). */
  followUps(key: string): readonly string[];
  /** True when a plan's policy cannot be told (its file has errors, or its policy does not resolve): which principles its goals realise is unknown. */
  readonly policyUnknown: boolean;
}

const NO_PERIODS: readonly string[] = Object.freeze([]);

/** Broken links from resolved shadow links (`into`, by target key) and from valid links whose target is a shadow (`outOf`, by source key). */
export function brokenLinks(into: ReadonlyMap<string, ReadonlySet<string>>, outOf: ReadonlyMap<string, ReadonlySet<string>>, policyUnknown = false): BrokenLinks {
  return {
    policyUnknown,
    into: (key, type) => into.get(key)?.has(type) === true,
    outOf: (key, type) => outOf.get(key)?.has(type) === true,
    followUps: (key) => {
      const set = into.get(key);
      if (set === undefined) return NO_PERIODS;
      return [...set].filter((s) => s.startsWith('follow-up')).map((s) => s.slice('follow-up '.length));
    },
  };
}

/** No broken links: for graphs built without files with errors. */
export const NO_BROKEN_LINKS: BrokenLinks = brokenLinks(new Map(), new Map());
