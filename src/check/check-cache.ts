// The check cache: what reading and validating each plan file gave (its messages, its data and the positions of its
// keys and values), kept between runs of `sparbar check` so that a file whose bytes have not changed is not parsed
// again. As ESLint's --cache (.eslintcache) keeps lint results by file and content, and Prettier and Babel keep
// theirs under node_modules/.cache (find-cache-dir's convention), one file per plans folder in
// `<package>/node_modules/.cache/sparbar/`, where <package> is the nearest folder above the plans folder with a
// package.json; outside a package there is no cache. SPARBAR_CACHE_DIR names another folder; SPARBAR_CACHE=0 (or
// `sparbar check --no-cache`) turns it off.
//
// An entry is used only when the file's path and bytes are the same and the cache was written by the same code:
// its key is Spårbar's version, Node's, and a digest of every module the per-file steps run (found by following the
// imports from read-plan-file.js and validate-file.js, and the versions of the packages they import). A cache file
// that is unreadable, truncated, altered (its digest is checked), foreign or written by other code is ignored and
// replaced; every problem with the cache is silent, and the check is the same without it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { readSealedFile, writeSealedFile } from '../files/sealed-file.js';
import { MessageSink, type Place, type Reporter, type ReportExtra } from '../messages/report.js';
import { walkPositions, type PositionNode } from '../parse/locate.js';
import type { ReadPlanFile } from '../parse/read-plan-file.js';
import { positionsOf, type ParsedYaml } from '../parse/yaml-frontmatter.js';
import type { ValidFile } from '../validate/validate-file.js';

/** The per-file outcome checkPlans uses: nothing (not a plan file), a file that failed validation, or a valid one. */
export interface FileOutcome {
  read: ReadPlanFile | undefined;
  valid: ValidFile | undefined;
}

/** One call of MessageSink.report, as recorded while a file was read and validated. */
export type RecordedReport = readonly [by: Reporter, reason: string, place: Place, extra: ReportExtra];

/** A read file as stored: its parsed frontmatter without the yaml document, and the positions of its nodes instead. */
interface StoredRead {
  path: string;
  data: ReadPlanFile['data'];
  body: string;
  bodyLine: number;
  broken?: ReadPlanFile['broken'];
  schemaErrorKeys?: ReadPlanFile['schemaErrorKeys'];
  parsed: { data: unknown; firstLine: number; lineStarts: readonly number[]; text: string; positions: PositionNode | null };
}

interface Entry {
  /** sha256 of the file's bytes. */
  digest: string;
  reports: readonly RecordedReport[];
  read?: StoredRead;
  valid?: { typ: ValidFile['typ']; value: ValidFile['value'] };
}

const MAGIC = 'sparbar-check-cache 1\n';

/** The environment variables the cache reads. */
export interface CacheEnv {
  SPARBAR_CACHE?: string;
  SPARBAR_CACHE_DIR?: string;
}

/**
 * Where the cache of the plans folder `root` is kept: `SPARBAR_CACHE_DIR` when set, otherwise
 * `node_modules/.cache/sparbar` in the nearest folder above `root` (itself included) that has a package.json;
 * undefined when the cache is off (`SPARBAR_CACHE` is 0, false, off or nej) or there is no such folder.
 */
export function cacheFolder(root: string, env: CacheEnv = process.env): string | undefined {
  if (/^(?:0|false|off|nej|no)$/i.test(env.SPARBAR_CACHE?.trim() ?? '')) return undefined;
  if (env.SPARBAR_CACHE_DIR) return path.resolve(env.SPARBAR_CACHE_DIR);
  let dir = path.resolve(root);
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'node_modules', '.cache', 'sparbar');
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The cache of one plans folder: entries by file path, read from its cache file, written back by save(). */
export class CheckCache {
  private readonly old: Map<string, Entry>;
  private readonly fresh = new Map<string, Entry>();
  private changed = false;
  /** Files whose entry was used, and files read and validated again (for tests and the bench). */
  hits = 0;
  misses = 0;

  private constructor(
    private readonly file: string | undefined,
    private readonly key: string,
    old: Map<string, Entry>,
  ) {
    this.old = old;
  }

  /**
   * The cache of the plans folder `root` in `folder` (see cacheFolder), with what an earlier run stored when its file
   * is sound and was written by the same code (`key`, see codeKey). Never throws.
   */
  static open(root: string, folder: string | undefined, key: string = codeKey()): CheckCache {
    const file = folder === undefined ? undefined : path.join(folder, `check-${digestOf(path.resolve(root)).slice(0, 16)}.bin`);
    return new CheckCache(file, key, file === undefined ? new Map() : readEntries(file, key));
  }

  /**
   * The outcome stored for the file at `filePath` with these bytes, its recorded reports replayed into `sink`; undefined
   * when there is none. An entry stored or used earlier in this run (a file checked twice in one run: `sparbar build`
   * checks the work tree and the adopted revision, whose files are mostly the same bytes) gives its own copy of the
   * data, so that no two checks share an object.
   */
  use(filePath: string, digest: string, sink: MessageSink): FileOutcome | undefined {
    const earlier = this.fresh.get(filePath);
    const entry = earlier?.digest === digest ? earlier : this.old.get(filePath);
    if (entry === undefined || entry.digest !== digest) return undefined;
    let outcome: FileOutcome;
    try {
      outcome = revive(entry, entry === earlier);
    } catch {
      return undefined;
    }
    for (const [by, reason, place, extra] of entry.reports) sink.report(by, reason, place, extra);
    if (entry !== earlier) this.fresh.set(filePath, entry);
    this.hits++;
    return outcome;
  }

  /** Stores what reading and validating the file gave (with the positions of its frontmatter's nodes). */
  store(filePath: string, digest: string, reports: readonly RecordedReport[], outcome: FileOutcome): void {
    this.misses++;
    this.changed = true;
    const entry: Entry = { digest, reports };
    if (outcome.read) {
      const parsed = outcome.read.parsed;
      entry.read = {
        path: outcome.read.path,
        data: outcome.read.data,
        body: outcome.read.body,
        bodyLine: outcome.read.bodyLine,
        ...(outcome.read.broken ? { broken: outcome.read.broken } : {}),
        ...(outcome.read.schemaErrorKeys ? { schemaErrorKeys: outcome.read.schemaErrorKeys } : {}),
        parsed: { data: parsed.data, firstLine: parsed.firstLine, lineStarts: [...parsed.lineStarts], text: parsed.text, positions: positionsOf(parsed) },
      };
    }
    if (outcome.valid) entry.valid = { typ: outcome.valid.typ, value: outcome.valid.value };
    this.fresh.set(filePath, entry);
  }

  /** Writes the cache file when anything changed (entries of files no longer there are dropped); never throws. */
  save(): void {
    if (this.file === undefined) return;
    if (!this.changed && this.fresh.size === this.old.size) return;
    try {
      writeSealedFile(this.file, MAGIC, serialize({ key: this.key, entries: this.fresh }));
    } catch {
      // A cache that cannot be written is no cache; the check itself is done.
    }
  }
}

/** A sink that passes every report on to `target` and remembers it, so that the check cache can replay it. */
export class RecordingSink extends MessageSink {
  readonly reports: RecordedReport[] = [];

  constructor(private readonly target: MessageSink) {
    super(target.settings);
  }

  override report(...args: Parameters<MessageSink['report']>): ReturnType<MessageSink['report']> {
    const [by, reason, place, extra = {}] = args;
    this.reports.push([typeof by === 'string' ? by : { id: by.id, severity: by.severity }, reason, place, extra]);
    return this.target.report(by, reason, place, extra);
  }
}

/** sha256 of `bytes` (or text) as hex. */
export function digestOf(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function readEntries(file: string, key: string): Map<string, Entry> {
  const payload = readSealedFile(file, MAGIC);
  if (payload === undefined) return new Map();
  try {
    const stored = deserialize(payload) as { key?: unknown; entries?: unknown };
    if (stored === null || typeof stored !== 'object' || stored.key !== key || !(stored.entries instanceof Map)) return new Map();
    return stored.entries as Map<string, Entry>;
  } catch {
    return new Map();
  }
}

/**
 * The outcome an entry stands for, its parsed frontmatter walked through the stored positions; with `copy`, its data
 * and value are copied (together, so that what they share stays shared, as in an entry read from the cache file).
 * Throws on a malformed entry.
 */
function revive(stored: Entry, copy = false): FileOutcome {
  const entry = copy && stored.read ? { ...stored, ...copied(stored.read, stored.valid) } : stored;
  if (typeof entry.digest !== 'string' || !Array.isArray(entry.reports)) throw new Error('malformed');
  for (const r of entry.reports) {
    if (!Array.isArray(r) || typeof r[1] !== 'string' || typeof r[2]?.file !== 'string') throw new Error('malformed');
  }
  if (entry.read === undefined) {
    if (entry.valid !== undefined) throw new Error('malformed');
    return { read: undefined, valid: undefined };
  }
  const s = entry.read;
  const p = s.parsed;
  if (typeof s.path !== 'string' || typeof s.body !== 'string' || !Array.isArray(p.lineStarts) || typeof p.text !== 'string') throw new Error('malformed');
  const root = p.positions;
  const parsed: ParsedYaml = { data: p.data, firstLine: p.firstLine, lineStarts: p.lineStarts, text: p.text, walk: (yamlPath) => walkPositions(root, yamlPath) };
  const read: ReadPlanFile = { path: s.path, parsed, data: s.data, body: s.body, bodyLine: s.bodyLine, ...(s.broken ? { broken: s.broken } : {}), ...(s.schemaErrorKeys ? { schemaErrorKeys: s.schemaErrorKeys } : {}) };
  return { read, valid: entry.valid ? ({ typ: entry.valid.typ, file: read, value: entry.valid.value } as ValidFile) : undefined };
}

/** `read` and `valid` with their data, parsed data and value copied by structuredClone, in one call. */
function copied(read: StoredRead, valid: Entry['valid']): Pick<Entry, 'read' | 'valid'> {
  const { data, parsed, value } = structuredClone({ data: read.data, parsed: read.parsed.data, value: valid?.value });
  return { read: { ...read, data, parsed: { ...read.parsed, data: parsed } }, ...(valid && value ? { valid: { ...valid, value } } : {}) };
}

let computedKey: string | undefined;

/** The code digest the bundles of `sparbar check` and `sparbar build` were built with (src/cli/build-bundles.ts); undefined elsewhere. */
declare const SPARBAR_CODE_DIGEST: string | undefined;

/**
 * What makes a stored result valid: Node's version and the digest of the code the per-file steps run (codeDigest),
 * so that a cache written by other code, a development build included, is never used. Computed once per process;
 * in the bundle of `sparbar check` the digest is the one codeDigest gave over the same modules when the bundle was
 * built, so the bundled and the unbundled command share a cache and the bundle reads no module files to key it.
 */
export function codeKey(): string {
  if (computedKey !== undefined) return computedKey;
  const code = typeof SPARBAR_CODE_DIGEST === 'string' ? SPARBAR_CODE_DIGEST : codeDigest();
  computedKey = createHash('sha256').update(`node ${process.version}\n${code}\n`).digest('hex');
  return computedKey;
}

/**
 * A sha256 (hex) of Spårbar's version and the code the per-file steps run: every module reached by relative imports
 * from this module, read-plan-file.js and validate-file.js, and the name and version of each package they import.
 * `modules` names other modules to start from instead (relative to src/, as `site/markdown.js`; the text cache).
 */
export function codeDigest(modules: readonly string[] = ['check/check-cache.js', 'parse/read-plan-file.js', 'validate/validate-file.js']): string {
  const here = fileURLToPath(import.meta.url);
  const start = modules.map((m) => path.join(path.dirname(here), '..', m)).map((f) => (existsSync(f) ? f : f.replace(/\.js$/, '.ts')));
  const hash = createHash('sha256').update(`sparbar ${sparbarVersion(here)}\n`);
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    let text: string;
    try {
      // Compiled (lib/…/x.js), or run from the TypeScript sources (tests): the import names x.js, the file is x.ts.
      text = readFileSync(existsSync(file) || !file.endsWith('.js') ? file : `${file.slice(0, -3)}.ts`, 'utf8');
    } catch {
      hash.update(`missing ${file}\n`);
      continue;
    }
    hash.update(`${path.relative(path.dirname(here), file)}\n${text}\n`);
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) queue.push(path.resolve(path.dirname(file), spec));
      else if (!spec.startsWith('node:')) for (const p of packageVersions(spec, path.dirname(file))) packages.add(p);
    }
  }
  for (const p of [...packages].sort()) hash.update(`package ${p}\n`);
  return hash.digest('hex');
}

/**
 * `name@version` of the package that `specifier` names, found as Node finds it (node_modules upward from `dir`), and
 * of every package it depends on (`name@?` for one that is not there), sorted. The whole tree counts: a patch release
 * of a package two levels down (mdast-util-to-hast under remark-rehype) changes the output as much as one of the
 * packages imported directly.
 */
export function packageVersions(specifier: string, dir: string): string[] {
  const packages = new Set<string>();
  addPackage(packages, specifier, dir);
  return [...packages].sort();
}

function addPackage(packages: Set<string>, specifier: string, dir: string, seen = new Set<string>()): void {
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
  for (let at = dir; ; at = path.dirname(at)) {
    const folder = path.join(at, 'node_modules', name);
    const pkg = packageJsonIn(path.join(folder, 'package.json'), name);
    if (pkg !== undefined) {
      const id = `${name}@${pkg.version}`;
      if (seen.has(`${id} ${folder}`)) return;
      seen.add(`${id} ${folder}`);
      packages.add(id);
      for (const dependency of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }).sort()) addPackage(packages, dependency, folder, seen);
      return;
    }
    if (path.dirname(at) === at) {
      packages.add(`${name}@?`);
      return;
    }
  }
}

interface PackageJson {
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** The package.json at `file` when it is the package `name`'s. */
function packageJsonIn(file: string, name: string): PackageJson | undefined {
  try {
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown; dependencies?: unknown; optionalDependencies?: unknown };
    if (pkg.name !== name || typeof pkg.version !== 'string') return undefined;
    const record = (v: unknown) => (v !== null && typeof v === 'object' ? (v as Record<string, string>) : {});
    return { version: pkg.version, dependencies: record(pkg.dependencies), optionalDependencies: record(pkg.optionalDependencies) };
  } catch {
    return undefined;
  }
}

/** Spårbar's version: the package.json named sparbar above this module. */
function sparbarVersion(from: string): string {
  for (let at = path.dirname(from); ; at = path.dirname(at)) {
    const version = versionIn(path.join(at, 'package.json'), 'sparbar');
    if (version !== undefined) return version;
    if (path.dirname(at) === at) return '?';
  }
}

function versionIn(file: string, name: string): string | undefined {
  return packageJsonIn(file, name)?.version;
}
