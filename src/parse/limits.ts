// The limits within which Spårbar promises to read a plan file and publish its text in time linear in its size
// (issue 10). Past them `sparbar check` reports limit-exceeded at the place and the build never sees the file: the
// markdown parser (micromark) and the YAML reader slow down faster than the text grows on such input (a body of 3,000
// `>` overflowed the stack in the build; a 1 MB nested list took 50 s, one paragraph of 50,000 `[a](` 13 s, one of
// 40,000 `~a` 16 s), and no real plan comes near them. Each scan here is one pass over the text.

/** Deepest nesting of block quotes and list items in a body (CommonMark containers); deeper is limit-exceeded. */
export const MAX_NESTING = 32;
/** Most `[` (link, image and reference openers) in one paragraph, that is between two blank lines. */
export const MAX_BRACKETS_PER_PARAGRAPH = 500;
/**
 * Most runs of emphasis and strikethrough characters (`*`, `_`, `~`) in one paragraph: micromark matches each closer
 * against the openers before it, so one paragraph of them takes time growing with the square of their number (2,000
 * runs of `~a` 0.16 s, 4,000 0.48 s, 20,000 3.9 s).
 */
export const MAX_DELIMITER_RUNS_PER_PARAGRAPH = 2000;
/** Most lines of frontmatter; a longer one is not read at all (the YAML checks grow faster than the text). */
export const MAX_FRONTMATTER_LINES = 5000;

/** A limit a text goes past: where (0-based line of the text, 1-based column) and what, as a Swedish sentence. */
export interface LimitProblem {
  line: number;
  column: number;
  message: string;
}

const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** What a block quote (`>`), a list marker (`-`, `+`, `*`, a digit) or a code fence (`, ~, or a space before one) starts with. */
const CONTAINER_OR_FENCE_START = new Set(' >-+*0123456789`~');

/**
 * The first place where the markdown `body` goes past MAX_NESTING, MAX_BRACKETS_PER_PARAGRAPH or
 * MAX_DELIMITER_RUNS_PER_PARAGRAPH, or undefined. The
 * nesting is counted as CommonMark opens containers: `>` and list markers at the start of a line, and list items
 * continued by indentation on the lines after; fenced code is skipped. An approximation of the parser's own count
 * that errs towards counting more, in one pass.
 */
export function bodyLimitProblem(body: string): LimitProblem | undefined {
  if (withinLimitsAtAnyRate(body)) return undefined;
  const items: number[] = []; // content column of each open list item
  let fence: string | null = null;
  let brackets = 0;
  let delimiters = 0;
  for (let i = 0, start = 0; start <= body.length; i++) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    const line = body.slice(start, body.charCodeAt(end - 1) === 0x0d && end > start ? end - 1 : end);
    start = end + 1;
    if (fence !== null) {
      const m = FENCE.exec(line.trimStart());
      if (m && m[1]!.startsWith(fence)) fence = null;
      continue;
    }
    let indent = 0;
    while (indent < line.length && (line[indent] === ' ' || line[indent] === '\t')) indent++;
    if (indent === line.length) {
      brackets = 0;
      delimiters = 0;
      continue;
    }
    while (items.length > 0 && items[items.length - 1]! > indent) items.pop();
    let depth = items.length;
    let pos = indent;
    for (;;) {
      let p = pos;
      while (p < line.length && p - pos < 3 && line[p] === ' ') p++;
      // Most lines are prose: nothing at p can open a block quote, a list item or a fence.
      if (!CONTAINER_OR_FENCE_START.has(line[p]!)) break;
      const rest = line.slice(p);
      if (line[p] === '>') {
        depth++;
        pos = p + 1;
        if (line[pos] === ' ') pos++;
      } else {
        const marker = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/.exec(rest);
        if (!marker || THEMATIC_BREAK.test(rest)) {
          const m = FENCE.exec(rest);
          if (m) fence = m[1]!;
          break;
        }
        depth++;
        pos = p + marker[0].length;
        let spaces = 0;
        while (pos + spaces < line.length && line[pos + spaces] === ' ' && spaces < 4) spaces++;
        items.push(pos + Math.max(1, spaces));
        pos += Math.min(1, spaces);
      }
      if (depth > MAX_NESTING) {
        return {
          line: i,
          column: p + 1,
          message: `Texten är nästlad i mer än ${MAX_NESTING} nivåer här (citat med > och punktlistor i varandra). Webbplatsen visar inte så djup nästling; gör texten plattare, till exempel med rubriker i stället för listor i listor.`,
        };
      }
    }
    if (fence !== null) continue;
    for (let j = line.indexOf('['); j !== -1; j = line.indexOf('[', j + 1)) {
      if (++brackets > MAX_BRACKETS_PER_PARAGRAPH) {
        return {
          line: i,
          column: j + 1,
          message: `Stycket har fler än ${MAX_BRACKETS_PER_PARAGRAPH} hakparenteser [ (länkar och bilder) utan en tom rad emellan. Webbplatsen visar inte så många i ett stycke; dela stycket med tomma rader eller gör en lista.`,
        };
      }
    }
    for (let j = 0; j < line.length; j++) {
      const c = line[j];
      if ((c === '*' || c === '_' || c === '~') && line[j - 1] !== c && ++delimiters > MAX_DELIMITER_RUNS_PER_PARAGRAPH) {
        return {
          line: i,
          column: j + 1,
          message: `Stycket har fler än ${MAX_DELIMITER_RUNS_PER_PARAGRAPH} tecken för betoning och genomstrykning (*, _ och ~) utan en tom rad emellan. Webbplatsen visar inte så många i ett stycke; dela stycket med tomma rader.`,
        };
      }
    }
  }
  return undefined;
}

/** A `[`, or what every container opener has one of: `>`, a bullet (`-`, `+`, `*`), the digit and `.` or `)` of an ordered marker. */
const BRACKET_OR_OPENER = /[[>+*-]|\d[.)]/g;
/** An emphasis or strikethrough character. */
const DELIMITER = /[*_~]/g;

/**
 * True when `body` cannot go past any limit, whatever its structure: it has at most MAX_BRACKETS_PER_PARAGRAPH `[`
 * in all, at most MAX_NESTING characters that can open a container (each level of nesting is opened by one of
 * them, on its line or on an earlier one) and at most MAX_DELIMITER_RUNS_PER_PARAGRAPH of `*`, `_` and `~`, so the
 * line-by-line count need not run. Almost every real body is such.
 */
function withinLimitsAtAnyRate(body: string): boolean {
  let brackets = 0;
  let openers = 0;
  BRACKET_OR_OPENER.lastIndex = 0;
  // test, not exec: no match object per match. A match ends in `[` only when it is a `[` (an ordered marker ends in `.` or `)`).
  while (BRACKET_OR_OPENER.test(body)) {
    if (body.charCodeAt(BRACKET_OR_OPENER.lastIndex - 1) === 0x5b ? ++brackets > MAX_BRACKETS_PER_PARAGRAPH : ++openers > MAX_NESTING) {
      BRACKET_OR_OPENER.lastIndex = 0;
      return false;
    }
  }
  let delimiters = 0;
  DELIMITER.lastIndex = 0;
  while (DELIMITER.test(body)) {
    if (++delimiters > MAX_DELIMITER_RUNS_PER_PARAGRAPH) {
      DELIMITER.lastIndex = 0;
      return false;
    }
  }
  return true;
}
