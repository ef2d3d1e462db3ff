// What a command undoes when it is interrupted (Ctrl+C, SIGTERM): layers below the command line register the
// clean-up of what they have half made (buildSite: the renderer and the build's folders); the command that runs
// them turns SIGINT, SIGTERM and SIGHUP into that clean-up and an exit. Without a command listening, a signal
// ends the process as it always does.
import { constants } from 'node:os';

/** Undoes what is half made: stops child processes, removes temporary folders. */
export type InterruptCleanup = () => void | Promise<void>;

const cleanups = new Set<InterruptCleanup>();

/** Registers `cleanup` to run if the process is interrupted; call the returned function once it is not needed. */
export function onInterrupt(cleanup: InterruptCleanup): () => void {
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
  };
}

/** The signals a command stops for: Ctrl+C, `kill`, the terminal closing. */
export const INTERRUPT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type InterruptSignal = (typeof INTERRUPT_SIGNALS)[number];

/** 128 + the signal's number, the status a shell gives a process the signal ended (130 for SIGINT, 143 for SIGTERM). */
export function signalExitCode(signal: InterruptSignal): number {
  return 128 + constants.signals[signal];
}

/**
 * Until the returned function is called, each of INTERRUPT_SIGNALS runs every registered clean-up (the last
 * registered first, for at most `graceMs` ms in all), calls `said(signal)` and exits with signalExitCode(signal), as Node's own CLIs do.
 * A second signal while the clean-up runs exits at once.
 */
export function exitOnInterrupt(said: (signal: InterruptSignal) => void, graceMs = 10_000): () => void {
  let stopping = false;
  const handler = (signal: InterruptSignal) => {
    if (stopping) process.exit(signalExitCode(signal));
    stopping = true;
    // The last registered first, one after the other: an inner step (buildSite's renderer and staging folder)
    // is undone before the outer one that holds it (`rapport`'s work folder).
    const all = (async () => {
      for (const cleanup of [...cleanups].reverse()) {
        try {
          await cleanup();
        } catch {
          // The others still run.
        }
      }
    })();
    const timeout = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
    void Promise.race([all, timeout]).then(() => {
      said(signal);
      process.exit(signalExitCode(signal));
    });
  };
  for (const signal of INTERRUPT_SIGNALS) process.on(signal, handler);
  return () => {
    for (const signal of INTERRUPT_SIGNALS) process.off(signal, handler);
  };
}
