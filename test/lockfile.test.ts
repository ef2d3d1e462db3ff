import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// npm 11's `npm ci` refuses a lockfile without an entry for every optional dependency, and this machine's registry
// does not serve other platforms' binaries; .ci/complete-lockfile.mjs adds them. This test says so before CI does.
describe('package-lock.json', () => {
  it('has an entry for every optional dependency (run node .ci/complete-lockfile.mjs after npm install)', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { optionalDependencies?: Record<string, string> }> };
    const missing: string[] = [];
    for (const [location, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        const nested = location === '' ? `node_modules/${name}` : `${location}/node_modules/${name}`;
        if (!lock.packages[nested] && !lock.packages[`node_modules/${name}`]) missing.push(`${location || '(root)'} → ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('matches package.json: every dependency of the root is locked', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, Record<string, string> | undefined>;
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, Record<string, Record<string, string> | undefined>> };
    for (const field of ['dependencies', 'devDependencies'] as const) {
      expect(lock.packages['']![field] ?? {}, field).toEqual(pkg[field] ?? {});
    }
  });
});
