// Incremental re-checking for `sparbar check --watch`: every file's parse and validation is cached; after a
// change only the changed files are read and validated again. When a file's frontmatter is byte for byte what it
// was (only its markdown body changed), nothing the graph checks can have changed, so the graph's messages are kept
// and only the bodies in the graph are updated. When only fields changed (same ids, titles, links and places), the
// graph's structure is kept and only the field checks and derived facts run again; when node or follow-up files
// changed their part of the structure, that part is replaced and the links it can affect resolved again; otherwise
// it is rebuilt.
import { lstatSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { comparePlanPaths, discoverFiles, type DiscoveredFile } from '../files/discover.js';
import { isPeriodMessage, requirePeriod, withPeriodMessages } from '../followup/require-period.js';
import { UNFILLED_MARKER } from '../graph/follow-ups.js';
import type { Graph } from '../graph/types.js';
import { MessageSink, severityOf, sortMessages, type CheckMessage, type RuleSettings } from '../messages/report.js';
import { splitFrontmatter } from '../parse/frontmatter.js';
import { checkDiskFile, completeFromStructure, draftFromChecks, linkFromDraft, type FileCheck } from './check-files.js';
import { replaceFile } from '../graph/replace-file.js';
import { prepareRelink, relinkStructure } from '../graph/build-graph.js';
import type { PendingLink } from '../graph/collect-nodes.js';
import type { GraphNode } from '../graph/types.js';
import type { ReadPlanFile } from '../parse/read-plan-file.js';
import type { GraphStructure } from '../graph/build-graph.js';
import { patchFileFields, structuralSignature } from '../graph/field-patch.js';
import type { ValidFile } from '../validate/validate-file.js';
import { PlansFolderError, type CheckOptions, type CheckResult } from './check-plans.js';
import { RULES } from '../rules/index.js';
import { loadRuleSettings } from '../rules/settings.js';
import { CONFIG_FILE } from '../config/config-file.js';

export interface CachedFile {
  file: DiscoveredFile;
  /** Size, modification and change time and inode when read: a file whose stamp is unchanged is not read again. */
  stamp: string;
  /** The frontmatter text, when the file has a frontmatter block. */
  frontmatter: string | undefined;
  check: FileCheck;
}

/** What one re-check changed. */
export interface SessionUpdate {
  result: CheckResult;
  /** Messages that are new since the last check. */
  added: CheckMessage[];
  /** Messages of the last check that are gone. */
  resolved: CheckMessage[];
  /** Files read and validated again. */
  reread: number;
  /** What happened to the graph (see GraphStep). */
  graphStep: GraphStep;
}

/**
 * How a re-check treated the graph. kept: nothing it checks changed (bodies only, or a broken file stayed broken in
 * the same way). patched: only fields and follow-up values changed, so the structure (nodes, links, documents) was
 * kept and the field checks and derived facts were run again on it. relinked: node or follow-up files came, went,
 * broke or changed their links, so their part of the collected nodes was replaced and the links it can affect
 * resolved again (src/graph/resolve-links.ts).
 * rebuilt: built again from the cached files (documents and organisations changed, or duplicate ids are involved).
 */
export type GraphStep = 'kept' | 'patched' | 'relinked' | 'rebuilt';

const decoder = new TextDecoder('utf-8');

function stampOf(absolutePath: string): string | undefined {
  try {
    const s = statSync(absolutePath);
    // ctime too: every write sets it, and unlike mtime nothing can set it back (touch -d, cp -p, rsync -t).
    return s.isFile() ? `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}` : undefined;
  } catch {
    return undefined;
  }
}

function frontmatterOf(bytes: Uint8Array | undefined): string | undefined {
  if (bytes === undefined) return undefined;
  let text = decoder.decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const split = splitFrontmatter(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);
  return split.kind === 'frontmatter' ? split.yaml : undefined;
}

/**
 * The identity of a message for telling new from resolved: where (file), what (rule), how severe and the words, not
 * the line. A severity changed in the configuration shows as the message resolved at the old one and new at the new.
 */
const identity = (m: CheckMessage) => `${m.file}\u0000${m.ruleId}\u0000${severityOf(m)}\u0000${m.reason}`;

/** Messages of `after` not in `before`, counting duplicates. */
function minus(after: readonly CheckMessage[], before: readonly CheckMessage[]): CheckMessage[] {
  if (after === before) return [];
  // A message kept from the last check is the same object in both lists: it cancels itself, no identity made.
  const inAfter = new Set(after);
  const kept = new Set<CheckMessage>();
  const counts = new Map<string, number>();
  for (const m of before) {
    if (inAfter.has(m)) kept.add(m);
    else counts.set(identity(m), (counts.get(identity(m)) ?? 0) + 1);
  }
  const out: CheckMessage[] = [];
  for (const m of after) {
    if (kept.has(m)) continue;
    const k = identity(m);
    const n = counts.get(k) ?? 0;
    if (n > 0) counts.set(k, n - 1);
    else out.push(m);
  }
  return out;
}

/** The first half of a re-check: the changed files read and validated again. */
export interface FilesStep {
  /** New and resolved messages about single files (encoding, YAML, schema) and the folder. */
  added: CheckMessage[];
  resolved: CheckMessage[];
  /** Files read and validated again. */
  reread: number;
  /** Paths whose result changed (read again, new or gone). */
  touched: string[];
  before: ReadonlyMap<string, CachedFile>;
}

/** A plans folder checked once, then re-checked incrementally. */
export class CheckSession {
  private readonly files = new Map<string, CachedFile>();
  /** File paths in the order checkPlans reads them; undefined after a file came or went. */
  private order: string[] | undefined;
  private folderMessages: CheckMessage[] = [];
  private fileMessages: CheckMessage[] = [];
  private graph: Graph | undefined;
  private graphMessages: CheckMessage[] = [];
  /** The graph's structure and the messages about it (collecting, then resolving links), kept for later edits. */
  private structure: { value: GraphStructure; draftMessages: CheckMessage[]; linkMessages: CheckMessage[] } | undefined;
  private realRoot = '';
  /** While files are re-read: the entries they replace (their state before this step). */
  private replaced: Map<string, CachedFile> | undefined;
  /** Cached files read through a symbolic link (their absolute path is the link's target). */
  private readonly linked = new Set<string>();
  /** Counter that keeps a file whose stamp could not be read from ever counting as unchanged. */
  private unreadable = 0;
  /** The rules' severities (the options', or sparbar.config.json's) and what was wrong in the configuration. */
  private settings: RuleSettings | undefined;
  private configMessages: CheckMessage[] = [];
  private configKey: string | undefined;

  constructor(
    readonly root: string,
    readonly options: CheckOptions = {},
  ) {}

  /** The first, full check (same result as checkPlans). Throws PlansFolderError when the folder is missing. */
  start(): CheckResult {
    return this.update().result;
  }

  /** The whole re-check: files, then the graph. */
  update(changed?: readonly string[]): SessionUpdate {
    const files = this.updateFiles(changed);
    const graph = this.updateGraph(files);
    return {
      result: graph.result,
      added: sortMessages([...files.added, ...graph.added]),
      resolved: sortMessages([...files.resolved, ...graph.resolved]),
      reread: files.reread,
      graphStep: graph.graphStep,
    };
  }

  /**
   * Reads and validates what changed. `changed` are paths relative to the plans folder (as fs.watch reports
   * them); without them, or when one of them is a folder or a link, the whole folder is listed again (files
   * whose size and time are unchanged are still not read again).
   */
  updateFiles(changed?: readonly string[]): FilesStep {
    // A changed configuration can change every message's severity: everything is checked again.
    const configTouched = changed === undefined || changed.some((p) => p.split(path.sep).join('/').replace(/^\.\//, '') === CONFIG_FILE);
    if ((this.graph === undefined || configTouched) && this.loadSettings() && this.graph !== undefined) this.forget();
    const before = new Map<string, CachedFile>();
    this.replaced = before;
    const full = changed === undefined || this.graph === undefined;
    const touched = full ? this.rescan() : this.reread(changed);
    this.replaced = undefined;
    const previous = this.fileMessages;
    if (full || touched.some((p) => !before.has(p) || !this.files.has(p))) {
      const all: CheckMessage[] = [...this.folderMessages];
      for (const p of this.ordered()) all.push(...this.files.get(p)!.check.messages);
      this.fileMessages = sortMessages(all);
    } else if (touched.length > 0) {
      // Only files that were there and still are: swap their messages.
      const set = new Set(touched);
      const kept = this.fileMessages.filter((m) => !set.has(m.file));
      for (const p of touched) kept.push(...this.files.get(p)!.check.messages);
      this.fileMessages = sortMessages(kept);
    }
    return {
      added: minus(this.fileMessages, previous),
      resolved: minus(previous, this.fileMessages),
      reread: touched.filter((p) => this.files.has(p)).length,
      touched,
      before,
    };
  }

  /** Brings the graph up to date with the cache: keeps it, patches its fields, relinks it or rebuilds it. */
  updateGraph(step: FilesStep): { result: CheckResult; added: CheckMessage[]; resolved: CheckMessage[]; graphStep: GraphStep } {
    const previous = this.graphMessages;
    let graphStep: GraphStep = 'kept';
    if (this.graph !== undefined && step.touched.length > 0 && step.touched.every((p) => this.onlyBodyChanged(p, step.before.get(p)))) {
      for (const p of step.touched) {
        const now = this.files.get(p)!;
        this.patchBody(now);
        // The kept structure reads the new file from now on (a follow-up's text comes from its file).
        if (this.structure) patchFileFields(this.structure.value.draft, now.check.valid!, this.structure.value.scopes);
      }
      if (this.options.requirePeriod !== undefined) {
        const period = this.options.requirePeriod;
        this.graphMessages = sortMessages(withPeriodMessages(this.graphMessages.filter((m) => !isPeriodMessage(m)), requirePeriod(this.graph, period, RULES, this.settings, this.structure?.value.broken)));
      }
    } else if (this.graph === undefined || step.touched.length > 0) {
      let patch: 'kept' | 'patched' | 'relinked' | false = this.graph === undefined ? false : this.patchFields(step);
      if (patch === false && this.graph !== undefined && this.relink(step)) patch = 'relinked';
      if (patch === false) {
        const drafted = draftFromChecks(this.ordered().map((p) => this.files.get(p)!.check), this.settings);
        const linked = linkFromDraft(drafted.draft, this.settings);
        prepareRelink(linked.structure);
        this.structure = { value: linked.structure, draftMessages: drafted.messages, linkMessages: linked.messages };
      }
      if (patch !== 'kept') {
        const { value, draftMessages, linkMessages } = this.structure!;
        const complete = completeFromStructure(value, { ...this.options, rules: this.settings }, { previous: patch === false ? undefined : this.graph, touched: step.touched });
        this.graph = complete.graph;
        this.graphMessages = sortMessages([...draftMessages, ...linkMessages, ...complete.messages]);
        graphStep = patch === false ? 'rebuilt' : patch;
      }
    }
    return {
      result: { graph: this.graph!, messages: sortMessages([...this.fileMessages, ...this.graphMessages]), fileCount: this.files.size },
      added: minus(this.graphMessages, previous),
      resolved: minus(previous, this.graphMessages),
      graphStep,
    };
  }

  /**
   * Applies a re-read that left the structure as it was: 'kept' when no touched file adds to the graph (a broken
   * file still broken the same way), 'patched' when valid files' fields were put into the kept structure, false when
   * a file came, went or changed ids, titles, links or their places, and the structure must be relinked or rebuilt.
   */
  private patchFields(step: FilesStep): 'kept' | 'patched' | false {
    const structure = this.structure?.value;
    if (structure === undefined) return false;
    const valid: ValidFile[] = [];
    for (const p of step.touched) {
      const old = step.before.get(p);
      const now = this.files.get(p);
      if (old === undefined || now === undefined) return false;
      const signature = structuralSignature(now.check, structure.scopes);
      if (signature === undefined || signature !== structuralSignature(old.check, structure.scopes)) return false;
      if (now.check.valid) valid.push(now.check.valid);
    }
    if (valid.length === 0) return 'kept';
    // A patch that fails half-way is followed by a relink or a rebuild, which replaces every touched file's part.
    return valid.every((vf) => patchFileFields(structure.draft, vf, structure.scopes)) ? 'patched' : false;
  }

  /**
   * Replaces the touched files' nodes, links and follow-ups in the kept draft and resolves again the links the change
   * can affect (every link when a plan's policy would resolve differently); false when a touched file is a document
   * or organisation, or duplicate ids are involved, and the graph must be rebuilt.
   */
  private relink(step: FilesStep): boolean {
    const kept = this.structure;
    if (kept === undefined || step.touched.includes('.')) return false;
    const invalid: ReadPlanFile[] = [];
    for (const cached of this.files.values()) if (cached.check.invalid) invalid.push(cached.check.invalid);
    const none = (p: string): FileCheck => ({ path: p, messages: [] });
    const removed: GraphNode[] = [];
    const added = new Map<string, GraphNode>();
    const links: PendingLink[] = [];
    for (const p of step.touched) {
      const old = step.before.get(p)?.check ?? none(p);
      const now = this.files.get(p)?.check ?? none(p);
      const change = replaceFile(kept.value, old, now, invalid, kept.draftMessages);
      if (change === undefined) {
        // The draft may be half changed: nothing of it may be used again.
        this.structure = undefined;
        return false;
      }
      // A node that came with an earlier touched file and went with this one was never in the kept structure.
      for (const n of change.removed) if (added.get(n.key) === n) added.delete(n.key);
      else removed.push(n);
      for (const n of change.added) added.set(n.key, n);
      links.push(...change.links);
    }
    const sink = new MessageSink(this.settings);
    let relinked: GraphStructure | undefined;
    try {
      relinked = relinkStructure(kept.value, { removed, added: [...added.values()], links: links.filter((l) => added.get(l.from) !== undefined) }, sink, RULES);
    } catch {
      // What went wrong is reported by the full resolution below, if it goes wrong there too.
      relinked = undefined;
    }
    if (relinked === undefined) {
      const linked = linkFromDraft(kept.value, this.settings);
      prepareRelink(linked.structure);
      this.structure = { value: linked.structure, draftMessages: kept.draftMessages, linkMessages: linked.messages };
    } else {
      this.structure = { value: relinked, draftMessages: kept.draftMessages, linkMessages: sink.messages };
    }
    return true;
  }

  /** Reads the rule settings again (unless the options give them); true when they or what is wrong in them changed. */
  private loadSettings(): boolean {
    if (this.options.rules !== undefined) {
      this.settings = this.options.rules;
      return false;
    }
    const loaded = loadRuleSettings(this.root);
    const key = JSON.stringify([[...loaded.settings], loaded.messages.map((m) => [m.line, m.column, m.reason])]);
    if (key === this.configKey) return false;
    this.configKey = key;
    this.settings = loaded.settings;
    this.configMessages = loaded.messages;
    return true;
  }

  /** Drops every cached file and the graph, so that the next step reads and checks everything again. */
  private forget(): void {
    this.files.clear();
    this.linked.clear();
    this.order = undefined;
    this.graph = undefined;
    this.structure = undefined;
  }

  private ordered(): string[] {
    this.order ??= [...this.files.keys()].sort(comparePlanPaths);
    return this.order;
  }

  /** Reads a file and puts it in the cache, remembering what it replaced. */
  private store(file: DiscoveredFile, stamp: string): void {
    const old = this.files.get(file.path);
    if (old === undefined) this.order = undefined;
    if (old !== undefined && this.replaced !== undefined && !this.replaced.has(file.path)) this.replaced.set(file.path, old);
    const { bytes, ...check } = checkDiskFile(file, this.settings);
    this.files.set(file.path, { file, stamp, frontmatter: frontmatterOf(bytes), check });
    if (file.absolutePath !== path.join(this.realRoot, file.path)) this.linked.add(file.path);
    else this.linked.delete(file.path);
  }

  private remove(p: string): boolean {
    const old = this.files.get(p);
    if (old === undefined) return false;
    if (this.replaced !== undefined && !this.replaced.has(p)) this.replaced.set(p, old);
    this.order = undefined;
    this.linked.delete(p);
    return this.files.delete(p);
  }

  /** Reads the changed paths again; falls back to listing the folder when a path is a folder or a link. */
  private reread(changed: readonly string[]): string[] {
    const paths = [...new Set(changed.map((p) => p.split(path.sep).join('/').replace(/^\.\//, '')))].filter(
      (p) => p !== '' && !p.split('/').some((seg) => seg.startsWith('.') || seg === 'node_modules'),
    );
    for (const p of paths) {
      let kind: 'file' | 'gone' | 'other';
      try {
        const s = lstatSync(path.join(this.realRoot, p), { throwIfNoEntry: false });
        // Folders and symbolic links: the folder walk knows their rules.
        kind = s === undefined ? 'gone' : s.isFile() ? 'file' : 'other';
      } catch {
        kind = 'other';
      }
      if (kind === 'other') return this.rescan();
      if (kind === 'gone' && !this.files.has(p) && this.holdsFilesUnder(p)) return this.rescan();
      // A path that came or went may be what a folder message is about (a link pointing at nothing): list again.
      if ((kind === 'gone' || !this.files.has(p)) && this.folderMessages.some((m) => !this.configMessages.includes(m))) return this.rescan();
    }
    const touched: string[] = [];
    for (const p of paths) {
      if (!p.endsWith('.md')) continue;
      const absolute = path.join(this.realRoot, p);
      const stamp = stampOf(absolute);
      if (stamp === undefined) {
        if (this.remove(p)) touched.push(p);
      } else {
        // Read again even with the same size and time: the event says it changed (a save that keeps the time, as
        // `cp -p`, `touch -r` or a file system with a coarse clock do).
        this.store({ path: p, absolutePath: absolute }, stamp);
        touched.push(p);
      }
      // Links inside the folder to this file are read where they point.
      for (const other of [...this.linked]) {
        const cached = this.files.get(other);
        if (other === p || cached === undefined || cached.file.absolutePath !== absolute) continue;
        const linkStamp = stampOf(absolute);
        if (linkStamp === undefined) return this.rescan();
        if (linkStamp !== cached.stamp) {
          this.store(cached.file, linkStamp);
          touched.push(other);
        }
      }
    }
    return touched;
  }

  /** True when a cached file lies below folder `p` (so `p` was a folder that is gone). */
  private holdsFilesUnder(p: string): boolean {
    const prefix = `${p}/`;
    for (const k of this.files.keys()) if (k.startsWith(prefix)) return true;
    return false;
  }

  /** Lists the whole folder again; reads only files that are new or whose stamp changed. */
  private rescan(): string[] {
    let stat: ReturnType<typeof statSync> | undefined;
    try {
      stat = statSync(this.root);
    } catch {
      stat = undefined;
    }
    if (!stat?.isDirectory()) throw new PlansFolderError(`Planmappen "${this.root}" finns inte eller är ingen mapp.`);
    const sink = new MessageSink(this.settings);
    this.realRoot = realRootOf(this.root);
    const found = discoverFiles(this.root, sink);
    const touched: string[] = [];
    const seen = new Set<string>();
    for (const file of found) {
      seen.add(file.path);
      const stamp = stampOf(file.absolutePath) ?? `unreadable:${++this.unreadable}`;
      const cached = this.files.get(file.path);
      if (cached && cached.stamp === stamp && cached.file.absolutePath === file.absolutePath) continue;
      this.store(file, stamp);
      touched.push(file.path);
    }
    for (const p of [...this.files.keys()]) {
      if (!seen.has(p)) {
        this.remove(p);
        touched.push(p);
      }
    }
    const folder = [...this.configMessages, ...sink.messages];
    const folderChanged = minus(folder, this.folderMessages).length > 0 || minus(this.folderMessages, folder).length > 0;
    this.folderMessages = folder;
    // Folder-level messages are not about a file, but the graph may see them differently: rebuild.
    if (folderChanged && touched.length === 0) touched.push('.');
    return touched;
  }

  /** True when the file was valid before and is valid now with the very same frontmatter text. */
  private onlyBodyChanged(p: string, old: CachedFile | undefined): boolean {
    const now = this.files.get(p);
    if (!(old !== undefined && now !== undefined && old.check.valid !== undefined && now.check.valid !== undefined && old.frontmatter !== undefined && old.frontmatter === now.frontmatter)) return false;
    // A follow-up's marker "sparbar: ej ifylld" decides whether it is submitted: adding or removing it changes the graph.
    return now.check.valid.typ !== 'uppföljning' || old.check.valid.file.body.includes(UNFILLED_MARKER) === now.check.valid.file.body.includes(UNFILLED_MARKER);
  }

  /** Puts a file's new markdown body into the graph: its own node's body and its follow-up's. */
  private patchBody(cached: CachedFile): void {
    const valid = cached.check.valid!;
    const body = valid.file.body.trim();
    const graph = this.graph!;
    if (valid.typ === 'uppföljning') {
      for (const f of graph.followUps) if (f.source.file === cached.file.path) f.body = body;
      return;
    }
    for (const n of graph.nodes) if (n.source.file === cached.file.path && n.id === valid.value.id && n.type === valid.typ) n.body = body;
  }
}

function realRootOf(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return path.resolve(root);
  }
}
