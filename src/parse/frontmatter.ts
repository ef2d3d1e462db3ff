// Splits a markdown file into its YAML frontmatter and body, the way remark-frontmatter reads `---` fences.

export type FrontmatterSplit =
  | { kind: 'frontmatter'; yaml: string; yamlLine: number; body: string; bodyLine: number }
  | { kind: 'unclosed'; yamlLine: number }
  | { kind: 'none'; body: string };

const FENCE = /^---[ \t]*$/;

/** The frontmatter block of `text` (LF line endings) if line 1 opens one; lines are 1-based. */
export function splitFrontmatter(text: string): FrontmatterSplit {
  const firstEnd = text.indexOf('\n');
  const firstLine = firstEnd === -1 ? text : text.slice(0, firstEnd);
  if (!FENCE.test(firstLine)) return { kind: 'none', body: text };
  if (firstEnd === -1) return { kind: 'unclosed', yamlLine: 2 };
  let start = firstEnd + 1;
  let line = 2;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const current = end === -1 ? text.slice(start) : text.slice(start, end);
    if (FENCE.test(current)) {
      const yaml = text.slice(firstEnd + 1, start);
      const body = end === -1 ? '' : text.slice(end + 1);
      return { kind: 'frontmatter', yaml, yamlLine: 2, body, bodyLine: line + 1 };
    }
    if (end === -1) break;
    start = end + 1;
    line++;
  }
  return { kind: 'unclosed', yamlLine: 2 };
}

/** True when text without a frontmatter block still looks like it was meant to have one (a `typ:` line near the top). */
export function looksLikeFrontmatterWithoutFence(text: string): { line: number } | undefined {
  const lines = text.split('\n', 12);
  for (let i = 0; i < lines.length; i++) {
    if (/^typ\s*:/.test(lines[i]!)) return { line: i + 1 };
  }
  return undefined;
}
