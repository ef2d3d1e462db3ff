// `sparbar check --watch`: checks the plan, then re-checks on every save and prints only what changed —
// new and resolved problems — first for the saved files themselves, then for the plan as a whole.
import { performance } from 'node:perf_hooks';
import { CheckSession } from '../check/check-session.js';
import { watchTree, type TreeWatcher } from '../files/watch-tree.js';
import { PlansFolderError, type CheckResult } from '../check/check-plans.js';
import { severityOf, type CheckMessage } from '../messages/report.js';
import { EXIT_OK, EXIT_PLAN_ERRORS, EXIT_USAGE } from './exit-codes.js';
import { formatHuman, joinPath } from './format/human.js';
import type { Io } from './io.js';

export interface WatchOptions {
  strict?: boolean;
  requirePeriod?: string;
  /** Milliseconds to wait after an event for more (an editor's save is often several events). */
  debounceMs?: number;
  /** Poll instead of watching the folders (also the fallback where a folder cannot be watched). */
  pollMs?: number;
}

const paint = (on: boolean, code: string, s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);
const clock = () => new Date().toTimeString().slice(0, 8);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2).replace('.', ',')} s`;

/** Watches the plans folder until `signal` aborts; resolves to 1 if the plan had errors at the end, else 0 (2 on usage errors). */
export function watchPlans(dir: string, options: WatchOptions, io: Io, signal: AbortSignal): Promise<number> {
  const session = new CheckSession(dir, options.requirePeriod === undefined ? {} : { requirePeriod: options.requirePeriod });
  // --strict shows warnings as errors on copies: the session's own messages keep their severity, so that a kept
  // warning and the same warning made again are the same message (not "åtgärdad" and "ny" on every save).
  const raise = (list: readonly CheckMessage[]): readonly CheckMessage[] =>
    options.strict ? list.map((m) => (m.fatal ? m : Object.assign(Object.create(Object.getPrototypeOf(m) as object) as CheckMessage, m, { fatal: true }))) : list;
  let last: CheckResult;
  try {
    last = session.start();
  } catch (error) {
    if (error instanceof PlansFolderError) {
      io.stderr(`sparbar: ${error.message}\n`);
      return Promise.resolve(EXIT_USAGE);
    }
    throw error;
  }
  last = { ...last, messages: [...raise(last.messages)] };
  io.stdout(formatHuman(last.messages, { color: io.color, base: dir, fileCount: last.fileCount }));
  io.stdout(`\nBevakar ${dir}: när du sparar en fil kontrolleras planen igen och bara det som ändrats skrivs ut. Avsluta med Ctrl+C.\n`);

  const line = (kind: 'ny' | 'åtgärdad', m: CheckMessage) => {
    const sign = kind === 'ny' ? paint(io.color, '31', '+ ny      ') : paint(io.color, '32', '- åtgärdad');
    const word = severityOf(m) === 'error' ? 'fel    ' : 'varning';
    return `${clock()}  ${sign}  ${word}  ${joinPath(dir, m.file)}:${m.line}:${m.column}  ${m.reason}  ${paint(io.color, '2', m.ruleId)}\n`;
  };

  const pending = new Set<string>();
  let everything = false;
  let folderMissing = false;
  /** True when a file event (not only the poll's timer) asked for this re-check. */
  let eventSeen = false;
  let timer: NodeJS.Timeout | undefined;

  const recheck = () => {
    timer = undefined;
    const changed = everything ? undefined : [...pending];
    pending.clear();
    everything = false;
    const byEvent = eventSeen;
    eventSeen = false;
    const t0 = performance.now();
    try {
      const files = session.updateFiles(changed);
      const cameBack = folderMissing;
      if (folderMissing) io.stdout(`${clock()}  Planmappen finns igen.\n`);
      folderMissing = false;
      for (const m of raise(files.resolved)) io.stdout(line('åtgärdad', m));
      for (const m of raise(files.added)) io.stdout(line('ny', m));
      const graph = session.updateGraph(files);
      for (const m of raise(graph.resolved)) io.stdout(line('åtgärdad', m));
      for (const m of raise(graph.added)) io.stdout(line('ny', m));
      last = { ...graph.result, messages: [...raise(graph.result.messages)] };
      const errors = last.messages.filter((m) => severityOf(m) === 'error').length;
      const warnings = last.messages.length - errors;
      const changedCount = files.added.length + files.resolved.length + graph.added.length + graph.resolved.length;
      const state = `${errors} fel och ${warnings} ${warnings === 1 ? 'varning' : 'varningar'} i planen`;
      // A poll that found nothing changed says nothing: a line a second would bury the ones that matter.
      if (!byEvent && !cameBack && changedCount === 0 && files.touched.length === 0) return;
      io.stdout(`${clock()}  ${changedCount === 0 ? `Inga ändrade problem (${state})` : `${state}`}, kontrollerad på ${seconds(performance.now() - t0)}.\n`);
    } catch (error) {
      // Said once while the folder is missing, not on every poll.
      if (error instanceof PlansFolderError) {
        if (!folderMissing) io.stderr(`${clock()}  ${error.message} Bevakningen fortsätter; återskapa mappen eller avsluta med Ctrl+C.\n`);
        folderMissing = true;
        return;
      }
      io.stderr(`${clock()}  Internt fel i Spårbar vid omkontrollen (${error instanceof Error ? error.message : String(error)}). Bevakningen fortsätter; rapportera gärna felet.\n`);
    }
  };
  const schedule = (file: string | null, fromPoll = false) => {
    if (!fromPoll) eventSeen = true;
    if (file === null) everything = true;
    else pending.add(file);
    if (timer) clearTimeout(timer);
    timer = setTimeout(recheck, options.debounceMs ?? 40);
  };

  let watcher: TreeWatcher | undefined;
  let poller: NodeJS.Timeout | undefined;
  const poll = (why?: string) => {
    if (why) io.stderr(`Obs: ${why}; planmappen läses om var ${options.pollMs ?? 1000} ms i stället.\n`);
    poller = setInterval(() => schedule(null, true), options.pollMs ?? 1000);
  };
  if (options.pollMs !== undefined) poll();
  else {
    try {
      watcher = watchTree(dir, (file) => schedule(file), (error) => {
        watcher = undefined;
        if (!signal.aborted) poll(`filbevakningen avbröts (${error.message})`);
      });
    } catch (error) {
      poll(`planmappen går inte att bevaka här (${(error as Error).message})`);
    }
  }

  return new Promise((resolve) => {
    const stop = () => {
      watcher?.close();
      if (poller) clearInterval(poller);
      if (timer) clearTimeout(timer);
      const errors = last.messages.some((m) => severityOf(m) === 'error');
      io.stdout(`${clock()}  Bevakningen avslutad.\n`);
      resolve(errors ? EXIT_PLAN_ERRORS : EXIT_OK);
    };
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
}
