// Splits a markdown file into its YAML frontmatter and body, the way remark-frontmatter reads `---` fences.

export type FrontmatterSplit =
  | { kind: 'frontmatter'; yaml: string; yamlLine: number; body: string; bodyLine: number }
  | { kind: 'unclosed'; yamlLine: number }
  | { kind: 'none'; body: string };

/** True when text[start, end) is a fence line: `---` and nothing after it but spaces and tabs (as /^---[ \t]*$/ reads a line). */
function isFence(text: string, start: number, end: number): boolean {
  if (end - start < 3 || text.charCodeAt(start) !== 0x2d || text.charCodeAt(start + 1) !== 0x2d || text.charCodeAt(start + 2) !== 0x2d) return false;
  for (let i = start + 3; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

/** The frontmatter block of `text` (LF line endings) if line 1 opens one; lines are 1-based. Lines are looked at in place, not copied. */
export function splitFrontmatter(text: string): FrontmatterSplit {
  const firstEnd = text.indexOf('\n');
  if (!isFence(text, 0, firstEnd === -1 ? text.length : firstEnd)) return { kind: 'none', body: text };
  if (firstEnd === -1) return { kind: 'unclosed', yamlLine: 2 };
  let start = firstEnd + 1;
  let line = 2;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    if (isFence(text, start, end === -1 ? text.length : end)) {
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
