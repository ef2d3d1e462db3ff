// The example plan's sparbar.config.json (its accessibility statement, which every build needs) with other keys
// added, for tests that write their own configuration into a copy of the example.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** The example's configuration with `extra` merged in at the top level, as JSON text. */
export function exampleConfig(extra: Record<string, unknown>): string {
  const example = JSON.parse(readFileSync(path.join(root, 'plans/sparbar.config.json'), 'utf8')) as Record<string, unknown>;
  return JSON.stringify({ ...example, ...extra }, null, 2);
}
