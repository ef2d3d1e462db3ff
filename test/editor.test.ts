import { readFileSync } from 'node:fs';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkSparbar from '../src/remark/remark-sparbar.js';
import { vscodeSnippets } from '../src/schema/vscode-snippets.js';
import { MessageSink } from '../src/messages/report.js';
import { parsePlanText } from '../src/parse/read-plan-file.js';
import { validateFile } from '../src/validate/validate-file.js';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkSparbar);
const check = (file: VFile) => processor.run(processor.parse(file), file);

describe('remark plugin for editors', () => {
  it('reports a frontmatter problem as a vfile message with rule id, place and severity', async () => {
    const file = new VFile({ path: 'aktiviteter/A1.md', value: '---\ntyp: aktivitet\nid: A1\ntitel: T\nbidrar_till: [FO1]\nstatu: klar\n---\nText\n' });
    await check(file);
    expect(file.messages.map((m) => [m.ruleId, m.line, m.column, m.fatal, m.source])).toEqual([['unknown-key', 6, 1, true, 'sparbar']]);
    expect(file.messages[0]!.reason).toContain('Menade du "status"?');
  });

  it('is silent on a valid plan file and on a README without frontmatter', async () => {
    const valid = new VFile({ path: 'plan/M1.md', value: readFileSync('plans/ekby/plan-2024-2027/mal/M1.md', 'utf8') });
    const readme = new VFile({ path: 'README.md', value: '# Planerna\n' });
    await check(valid);
    await check(readme);
    expect([...valid.messages, ...readme.messages]).toEqual([]);
  });
});

describe('VS Code snippets', () => {
  it('.vscode/sparbar.code-snippets matches the schemas (run `npm run schemas` after changing them)', () => {
    expect(readFileSync('.vscode/sparbar.code-snippets', 'utf8')).toBe(vscodeSnippets());
  });

  it('every snippet, with its default placeholders, is a valid file of its typ', () => {
    const snippets = JSON.parse(vscodeSnippets()) as Record<string, { body: string[] }>;
    for (const [name, { body }] of Object.entries(snippets)) {
      // Fill placeholders with their defaults (or first choice); ids must be valid.
      const text = body
        .join('\n')
        .replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$0/g, '');
      const sink = new MessageSink();
      const read = parsePlanText(new TextEncoder().encode(text), `${name}.md`, sink);
      const valid = read ? validateFile(read, sink) : undefined;
      expect(sink.messages.map((m) => `${name}: ${m.ruleId} ${m.reason}`)).toEqual([]);
      expect(valid, name).toBeDefined();
    }
  });
});
