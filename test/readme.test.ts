import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/rules/index.js';
import { MessageSink } from '../src/messages/report.js';
import { parsePlanText } from '../src/parse/read-plan-file.js';
import { validateFile } from '../src/validate/validate-file.js';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  const examples = [...readme.matchAll(/```yaml\n(---\ntyp: [^\n]+\n[\s\S]*?)```/g)].map((m) => m[1]!);

  it('has an example of every file type', () => {
    const types = examples.map((e) => /typ: (\S+)/.exec(e)![1]);
    expect(new Set(types)).toEqual(new Set(['organisation', 'policy', 'styrprincip', 'plan', 'mål', 'fokusområde', 'aktivitet', 'indikator', 'uppföljning']));
  });

  it.each(examples.map((e) => [/typ: (\S+)/.exec(e)![1], e]))('the %s example is valid frontmatter', (_typ, text) => {
    const sink = new MessageSink();
    const read = parsePlanText(new TextEncoder().encode(text!), 'README.md', sink);
    const valid = read ? validateFile(read, sink) : undefined;
    expect(sink.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`)).toEqual([]);
    expect(valid).toBeDefined();
  });

  it('documents every rule id', () => {
    for (const rule of RULES) expect(readme, rule.id).toContain(`| \`${rule.id}\` | ${rule.severity} |`);
  });
});
