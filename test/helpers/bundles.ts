// What the tests of the command bundles (check-bundle.test.ts, build-bundle.test.ts) share: the built CLI's folder,
// a temporary folder removed afterwards, SPARBAR_CACHE_DIR restored afterwards, and the two ways to run the command
// line (the bundle's `run` and the modules' `run`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export type Run = (argv: readonly string[], io: { stdout: (s: string) => void; stderr: (s: string) => void; color: boolean }) => Promise<number>;

/** What load-bundle.js's loadBundle gives (the fields the tests read). */
export interface LoadedBundle {
  run: Run;
  codeCacheUsed: boolean;
}

/** lib/src/cli of the built package. */
export const cliDir = path.resolve(import.meta.dirname, '..', '..', 'lib', 'src', 'cli');

/** A temporary folder named `prefix`…, removed after the file's tests, which also put SPARBAR_CACHE_DIR back as it was. */
export function bundleTestFolder(prefix: string): string {
  const work = mkdtempSync(path.join(tmpdir(), prefix));
  const cacheEnv = process.env['SPARBAR_CACHE_DIR'];
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    if (cacheEnv === undefined) delete process.env['SPARBAR_CACHE_DIR'];
    else process.env['SPARBAR_CACHE_DIR'] = cacheEnv;
  });
  return work;
}

/** load-bundle.js's loadBundle and the modules' run, imported from the built package. */
export async function importRunners(): Promise<{ loadBundle: (command: string, dir?: string) => LoadedBundle | undefined; modules: Run }> {
  const { loadBundle } = (await import(path.join(cliDir, 'load-bundle.js'))) as { loadBundle: (command: string, dir?: string) => LoadedBundle | undefined };
  const modules = ((await import(path.join(cliDir, 'run.js'))) as { run: Run }).run;
  return { loadBundle, modules };
}
