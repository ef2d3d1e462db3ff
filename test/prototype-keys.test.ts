// A key that happens to be the name of a property every JavaScript object has (constructor, toString, hasOwnProperty,
// __proto__, which vanished without a message)
// is an unknown key like any other: the schema walk looks only at the schema's own keys. It was an internal error
// ("Cannot read properties of undefined") when its value was not plain ASCII, and the node vanished with echoes.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPlans } from '../src/check/check-plans.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sparbar-proto-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('keys named like built-in properties', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])('%s: Åtgärd is unknown-key at the key, never an internal error', (key) => {
    const plan = path.join(dir, key);
    cpSync('plans', plan, { recursive: true });
    const file = path.join(plan, 'ekby/plan-2024-2027/aktiviteter/kansliavdelningen/A22.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^titel:/m, `${key}: Åtgärd\ntitel:`));
    const { messages } = checkPlans(plan);
    expect(messages.filter((m) => m.ruleId === 'internal-error')).toEqual([]);
    const unknown = messages.filter((m) => m.ruleId === 'unknown-key');
    expect(unknown.map((m) => `${m.file}:${m.line}:${m.column}`)).toEqual(['ekby/plan-2024-2027/aktiviteter/kansliavdelningen/A22.md:4:1']);
    expect(unknown[0]!.reason).toContain(`"${key}"`);
  });
});
