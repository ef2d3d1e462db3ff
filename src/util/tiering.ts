// When V8 optimises the functions of Spårbar's bundles. V8 runs a function's bytecode first and hands it to its
// optimising compiler (TurboFan) once the function has used up an interrupt budget of bytecode run, and keeps no
// optimised code between runs: every `sparbar build` compiles its hot functions anew, on the same two cores that
// check, parse and render. In a CPU profile of the whole machine during a build of the 1,000-file bench plan, TurboFan
// took 19 % of all samples; `--trace-opt` counted 334 optimisations in `sparbar build` alone, some of the same function
// three times over (yaml's resolveBlockMap and parseDocument, after deoptimising), many for functions that ran a few
// hundred times in all. A larger budget leaves those in bytecode and still optimises what runs long.
import v8 from 'node:v8';

/**
 * V8's `--interrupt-budget` for the bundles: bytes of bytecode a function runs between two looks at whether to
 * optimise it (V8 11.3 in Node 20: default 67,584, `node --v8-options`). Chosen by measurement, interleaved builds on
 * this 2-core machine against the default: 1,000-file plan 4.22 → 3.56 s, 5,000 files 15.2 → 13.9 s, the example's
 * build 0.94 → 0.82 s (README, session 18).
 */
export const INTERRUPT_BUDGET = 800_000;

let tuned = false;

/**
 * Sets V8's interrupt budget (INTERRUPT_BUDGET) for this process, once; later calls do nothing. Only on V8 11 (Node
 * 20), where the budget was measured: later V8 versions tier up through Maglev first, and a flag they no longer had
 * would print an error on every command. Nor when Node was started with its own `--interrupt-budget` (on the command
 * line or in NODE_OPTIONS): the user's value stands.
 *
 * Call it before compiling a script with a code cache: V8 refuses a cache made under other flags (it keeps a hash of
 * every flag in the cache), so the caches are made (build-bundles.ts, renderer-script.ts) and taken (load-bundle.ts,
 * renderer-script.ts) with the budget set, and a cache taken before the call is still used after it. Node's own
 * modules loaded after the call (child_process, worker_threads and some 20 more in a build) are compiled without
 * Node's built-in cache for the same reason: about 5 ms per process. Node warns that changing V8's flags at run time
 * may have unpredictable effects; this flag only decides when a function is optimised, never what it computes, and
 * V8 reads it whenever it resets a function's budget.
 */
export function tuneTiering(): void {
  if (tuned) return;
  tuned = true;
  if (!process.versions.v8.startsWith('11.')) return;
  if ([...process.execArgv, process.env['NODE_OPTIONS'] ?? ''].some((arg) => arg.includes('--interrupt-budget'))) return;
  v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
