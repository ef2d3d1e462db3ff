// Explains the yaml package's errors in Swedish and moves each to where the writer made the mistake. Every error
// code the package has (its ErrorCode in src/errors.ts) has an explanation here that says what is wrong, where it
// began and how to fix it; test/yaml-errors.test.ts gives one input per code and checks each.
import type { ErrorCode, YAMLError } from 'yaml';

export interface ExplainedError {
  /** 0-based line and column within the frontmatter text. */
  line: number;
  column: number;
  message: string;
  duplicateKey: boolean;
}

type LinePos = (offset: number) => { line: number; col: number };

/** What an explanation gets: the error, the frontmatter text and its lines, and where the error points. */
interface Context {
  error: YAMLError;
  text: string;
  lines: readonly string[];
  linePos: LinePos;
  /** 0-based line and column the yaml package points at. */
  line: number;
  column: number;
  /** The package's first line of message, for telling cases of one code apart (never shown). */
  detail: string;
  /** 1-based line in the file of the frontmatter's first line: what messages call line 0. */
  firstLine: number;
}

type Explain = (c: Context) => Omit<ExplainedError, 'duplicateKey'>;

/** One explanation per error code of the yaml package (2.x). */
const EXPLAIN: Record<ErrorCode, Explain> = {
  ALIAS_PROPS: (c) => special(c, '*', 'ett alias (*namn) får inte ha & eller ! framför sig'),
  BAD_ALIAS: (c) => special(c, /^Alias/.test(c.detail) ? '*' : '&', /^Alias/.test(c.detail) ? 'ett alias (*) saknar namn' : 'ett ankare (&) saknar namn'),
  BAD_DIRECTIVE: (c) => directive(c),
  BAD_DQ_ESCAPE: (c) => {
    const escapeCode = /\\(x[0-9a-fA-F]*|u[0-9a-fA-F]*|U[0-9a-fA-F]*|.)?/.exec(c.lines[c.line]?.slice(c.column) ?? '')?.[0] ?? '\\';
    return at(
      c,
      `inom dubbla citattecken läser YAML \\ som början på en specialkod, och ${escapeCode} är ingen sådan. Skriv \\\\ för ett bakstreck, eller sätt värdet inom enkla citattecken '…' (där \\ är ett vanligt tecken)`,
    );
  },
  BAD_INDENT: (c) => badIndent(c),
  BAD_PROP_ORDER: (c) => special(c, '&', '& (ankare) och ! (tagg) ska stå efter -, inte före'),
  BAD_SCALAR_START: (c) => badStart(c),
  BLOCK_AS_IMPLICIT_KEY: (c) => colonInValue(c) ?? missingColonOrIndent(c),
  BLOCK_IN_FLOW: (c) => {
    const open = openBracketBefore(c.text, offsetOf(c));
    const where = open ? ` i ${pair(open.char)} som börjar på rad ${open.line + c.firstLine}, kolumn ${open.column + 1}` : '';
    return at(
      c,
      `en lista med - eller nycklar på egna rader kan inte stå inuti klamrar${where}. Skriv antingen allt inom klamrarna med kommatecken mellan (t.ex. [FO1.1, FO1.2] eller { från: 2024, till: 2027 }), eller utan klamrar med en rad per värde`,
    );
  },
  DUPLICATE_KEY: (c) => duplicate(c),
  IMPOSSIBLE: (c) => at(c, 'YAML-läsaren kom inte vidare här (ett fel i läsaren, inte en regel i YAML). Kontrollera raden och skriv om den enklare, t.ex. utan kommentar efter värdet'),
  KEY_OVER_1024_CHARS: (c) =>
    at(c, 'raden läses som en nyckel som är längre än 1024 tecken: troligen saknas en radbrytning, eller så står ett kolon långt in i en lång text. Bryt raden, eller sätt texten inom citattecken'),
  MISSING_CHAR: (c) => missingChar(c),
  MULTILINE_IMPLICIT_KEY: (c) => inFlow(c) ?? colonInValue(c) ?? missingColonOrIndent(c),
  MULTIPLE_ANCHORS: (c) => special(c, '&', 'ett värde har två ankare (&namn)'),
  MULTIPLE_DOCS: (c) => multipleDocuments(c),
  MULTIPLE_TAGS: (c) => special(c, '!', 'ett värde har två taggar (!namn)'),
  NON_STRING_KEY: (c) => at(c, 'en nyckel är inte en text (en lista eller { … } står där nyckeln ska stå). Skriv nyckeln som ett ord följt av kolon, t.ex. status:'),
  RESOURCE_EXHAUSTION: (c) => at(c, 'strukturen är för djupt nästlad för att läsas (listor och klamrar i hundratals nivåer). Skriv värdena utan så många nivåer'),
  TAB_AS_INDENT: (c) => tabAsIndent(c),
  TAG_RESOLVE_FAILED: (c) => special(c, '!', /^Ordered maps/.test(c.detail) ? 'en ordnad samling (!!omap) har samma nyckel två gånger' : 'värdet har en tagg (!namn) som inte går att läsa'),
  UNEXPECTED_TOKEN: (c) => unexpected(c),
  BAD_COLLECTION_TYPE: (c) => special(c, '!', 'taggen (!namn) passar inte värdet (en lista, en samling nycklar eller en text)'),
};

/** The Swedish explanation and best position of a yaml error in `text` (whose lines are `lines`). */
export function explainYamlError(error: YAMLError, text: string, lines: readonly string[], linePos: LinePos, firstLine = 2): ExplainedError {
  const pos = linePos(Math.min(error.pos[0], text.length));
  const detail = error.message.split('\n')[0] ?? error.message;
  const context: Context = { error, text, lines, linePos, line: pos.line - 1, column: pos.col - 1, detail, firstLine };
  const explain = EXPLAIN[error.code] ?? ((c: Context) => at(c, 'YAML-koden här går inte att läsa. Kontrollera raden'));
  const open = neverClosedBefore(context);
  const explained = /call stack/i.test(error.message)
    ? EXPLAIN.RESOURCE_EXHAUSTION(context)
    : open && error.code !== 'DUPLICATE_KEY' && !/quote/i.test(detail)
      ? missingBracket(context, open)
      : explain(context);
  const inside = clamp(explained, lines);
  return { ...inside, duplicateKey: error.code === 'DUPLICATE_KEY' };
}

/** A position kept inside the text: a line that exists, a column at most one past its end. */
function clamp(e: Omit<ExplainedError, 'duplicateKey'>, lines: readonly string[]): Omit<ExplainedError, 'duplicateKey'> {
  const line = Math.max(0, Math.min(e.line, lines.length - 1));
  const column = Math.max(0, Math.min(e.column, (lines[line] ?? '').length));
  return { ...e, line, column };
}

function at(c: Context, message: string, line = c.line, column = c.column): Omit<ExplainedError, 'duplicateKey'> {
  return { line, column, message };
}

function offsetOf(c: Context): number {
  return Math.min(c.error.pos[0], c.text.length);
}

const indentOf = (s: string): number => /^[ \t]*/.exec(s)![0].length;

/** The key of a `key: value` line (without quotes), if the line is one. */
function keyOf(line: string): string | undefined {
  return /^\s*(?:-\s+)?("[^"]*"|'[^']*'|[^\s:#"'{[][^:#]*?)\s*:(?:\s|$)/.exec(line)?.[1]?.replace(/^["']|["']$/g, '');
}

/** `[ … ]` or `{ … }` for an opening bracket. */
function pair(open: string): string {
  return open === '[' ? 'listan [ … ]' : 'samlingen { … }';
}

/** `& … ` and the like: characters with a meaning of their own in YAML, which plan files never need. */
function special(c: Context, char: string, what: string): Omit<ExplainedError, 'duplicateKey'> {
  const line = c.lines[c.line] ?? '';
  const key = keyOf(line);
  const value = key === undefined ? undefined : line.slice(line.indexOf(':') + 1).trim();
  const quoted = key !== undefined && value ? ` Sätt värdet inom citattecken om tecknet hör till texten: ${key}: ${JSON.stringify(value)}` : ' Sätt värdet inom citattecken om tecknet hör till texten.';
  const kind = char === '*' ? 'alias' : char === '&' ? 'ankare' : 'taggar';
  return at(c, `${what}. ${char} har en egen betydelse i YAML (${kind}), som planfiler inte använder.${quoted.replace(/\.$/, '')}`);
}

/**
 * `titel: *viktigt* projekt`: a value that begins with `*`, which YAML reads as an alias (a reference to an anchor
 * `&namn`), so the text after the alias's name cannot be read. Says so at the `*`, with the whole value quoted;
 * undefined when the value at the error does not begin with `*`.
 */
function aliasStart(c: Context): Omit<ExplainedError, 'duplicateKey'> | undefined {
  const line = c.lines[c.line] ?? '';
  const m = /(^\s*-\s+|:\s+|[[{,]\s*)(\*[^\s,[\]{}]*)[ \t]+$/.exec(line.slice(0, c.column));
  if (!m) return undefined;
  const start = m.index + m[1]!.length;
  const inFlow = openBracketBefore(c.text, offsetOf(c)) !== undefined;
  const value = line
    .slice(start)
    .replace(inFlow ? /[,\]}].*$/ : /\s+#.*$/, '')
    .trim();
  const key = inFlow ? undefined : keyOf(line);
  const quoted = key !== undefined ? `${key}: ${JSON.stringify(value)}` : JSON.stringify(value);
  return at(
    c,
    `värdet börjar med *, som i YAML inleder ett alias (en hänvisning till ett ankare &namn), inte text, så ${m[2]} lästes som ett alias och resten av värdet går inte att läsa. Sätt hela värdet inom citattecken: ${quoted}`,
    c.line,
    start,
  );
}

/** A `%YAML` or other directive at the top: frontmatter has none. */
function directive(c: Context): Omit<ExplainedError, 'duplicateKey'> {
  const line = c.lines.findIndex((l) => l.startsWith('%'));
  return at(
    c,
    `raden ${line >= 0 ? `${line + c.firstLine} ` : ''}börjar med %, som YAML läser som ett direktiv (t.ex. %YAML 1.2). Frontmatter ska inte ha direktiv: ta bort raden, eller sätt texten inom citattecken om den är ett värde`,
    line >= 0 ? line : c.line,
    0,
  );
}

/** A value that starts with a character YAML reserves: quote the value, and show the quoted form. */
function badStart(c: Context): Omit<ExplainedError, 'duplicateKey'> {
  const line = c.lines[c.line] ?? '';
  const char = line[c.column] ?? '';
  const key = keyOf(line);
  const value = line.slice(c.column).replace(/\s+#.*$/, '').trim();
  const names: Record<string, string> = { '@': '@', '`': '`', '|': '| (som inleder en text på flera rader)', '>': '> (som inleder en text på flera rader)', '%': '%' };
  const open = openBracketBefore(c.text, offsetOf(c));
  if ((char === '|' || char === '>') && open) {
    return at(c, `${char} kan inte inleda en text på flera rader inuti ${pair(open.char)} som börjar på rad ${open.line + c.firstLine}, kolumn ${open.column + 1}. Sätt värdet inom citattecken: ${JSON.stringify(value.replace(/[\]},].*$/, ''))}`);
  }
  const quoted = key !== undefined ? `${key}: ${JSON.stringify(value)}` : JSON.stringify(value);
  return at(c, `värdet börjar med ${names[char] ?? char}, som YAML inte tillåter först i en text utan citattecken. Sätt värdet inom citattecken: ${quoted}`);
}

/** The opening and every later occurrence of a key in the same map. */
function duplicate(c: Context): Omit<ExplainedError, 'duplicateKey'> {
  const line = c.lines[c.line] ?? '';
  const key = keyOf(line) ?? keyOf(line.slice(c.column));
  const indent = indentOf(line);
  let first = -1;
  if (key !== undefined) {
    for (let i = c.line - 1; i >= 0; i--) {
      const l = c.lines[i]!;
      if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
      if (indentOf(l) < indent && !/^\s*-\s/.test(line)) break;
      if (indentOf(l) === indent && keyOf(l) === key) {
        first = i;
        break;
      }
    }
  }
  const where = first >= 0 ? ` (första gången på rad ${first + c.firstLine})` : '';
  return at(c, `Nyckeln "${key ?? '?'}" står två gånger${where}. Ta bort den ena.`);
}

/** A tab where YAML wants indentation: say which block it is in and that spaces are needed. */
function tab(c: Context, line: number, inside?: { char: string; line: number; column: number }): Omit<ExplainedError, 'duplicateKey'> {
  const text = c.lines[line] ?? '';
  const column = Math.max(0, text.indexOf('\t'));
  let parent: string | undefined;
  for (let i = line - 1; i >= 0 && parent === undefined; i--) {
    const l = c.lines[i]!;
    if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
    const key = keyOf(l);
    if (key !== undefined && /:\s*([|>][-+0-9]*\s*)?(#.*)?$/.test(l)) parent = key;
    else if (indentOf(l) === 0) break;
  }
  const where = inside
    ? ` inuti ${pair(inside.char)} som börjar på rad ${inside.line + c.firstLine}, kolumn ${inside.column + 1}`
    : parent !== undefined
      ? ` under ${parent}:`
      : '';
  return at(
    c,
    `rad ${line + c.firstLine} är indragen med en tabb${where}. YAML räknar inte tabbar som indrag: dra in raden med mellanslag${inside ? ' (minst ett, fler än nyckeln före klammern)' : ', lika många som raderna bredvid'}`,
    line,
    column,
  );
}

/**
 * TAB_AS_INDENT: a tab in the line's indentation, or a tab after a key's colon before a value that YAML reads as a
 * map of its own (`titel:<tab>Rubrik: text`), where the ": " in the value is what to fix, as with a space.
 */
function tabAsIndent(c: Context): Omit<ExplainedError, 'duplicateKey'> {
  const line = c.lines[c.line] ?? '';
  if (/^[ \t]*(?:-[ \t]+)*\t/.test(line)) return tab(c, c.line);
  const colon = colonInValue(c);
  if (colon) return colon;
  const column = line.indexOf('\t');
  return at(c, `tabben på rad ${c.line + c.firstLine} läser YAML som ett indrag före en ny samling. Byt tabben mot ett mellanslag`, c.line, Math.max(0, column));
}

/** A value with ": " in it, which YAML reads as a new key: quote the whole value. */
function colonInValue(c: Context): Omit<ExplainedError, 'duplicateKey'> | undefined {
  const colonValue = /^(\s*(?:-\s+)?[^\s:#"'][^:#]*:\s+)([^"'\s[{][^#]*?:\s.*)$/.exec(c.lines[c.line] ?? '');
  if (!colonValue) return undefined;
  const key = colonValue[1]!.trim();
  return at(
    c,
    `värdet innehåller ": ", som YAML läser som en ny nyckel. Sätt hela värdet inom citattecken: ${key} ${JSON.stringify(colonValue[2]!.trim())}`,
    c.line,
    colonValue[1]!.length,
  );
}

/** A line that is neither `key: value` nor a list item where one is expected, or one indented under a line that takes no more. */
function missingColonOrIndent(c: Context): Omit<ExplainedError, 'duplicateKey'> {
  const indented = findOverIndented(c.lines, c.line);
  if (indented) {
    const above = c.lines[indented.line - 1] ?? '';
    return at(
      c,
      `rad ${indented.line + c.firstLine} är indragen som om den hörde till raden ovanför, men "${keyOf(above) ?? above.trim()}" har redan ett värde. Ta bort indraget, eller flytta raden dit den hör`,
      indented.line,
      indented.column,
    );
  }
  const line = c.lines[c.line] ?? '';
  const tabbed = tabLine(c);
  if (tabbed !== undefined) return tab(c, tabbed);
  if (line.includes('\t')) return tab(c, c.line);
  if (/^\s*-(\s|$)/.test(line)) return lineUp(c, 'punkterna i listan (raderna med -)');
  const word = line.trim();
  if (word !== '' && !word.includes(':')) {
    return at(
      c,
      `raden "${word.length > 40 ? `${word.slice(0, 40)}…` : word}" saknar kolon: YAML väntar sig nyckel: värde. Skriv nyckel: värde, eller, om raden fortsätter en text från raden ovanför, dra in den eller skriv texten med >- som förväntat_resultat i exemplen`,
      c.line,
      indentOf(line),
    );
  }
  // `bedömning:uppfyllt`: a key needs a space after its colon, or YAML reads the whole line as one word.
  const glued = /^(\s*)([\p{L}_][\p{L}\p{N}_]*):(\S.*)$/u.exec(line);
  if (glued && !/^\/\//.test(glued[3]!)) {
    return at(c, `raden saknar mellanslag efter kolonet, så YAML läser "${glued[2]}:${glued[3]!.length > 20 ? `${glued[3]!.slice(0, 20)}…` : glued[3]}" som ett ord. Skriv ${glued[2]}: ${glued[3]}`, c.line, glued[1]!.length + glued[2]!.length);
  }
  return at(c, 'raden går inte att läsa som nyckel: värde. Kontrollera kolon och indrag på raden och raden ovanför');
}

/** A `- item` or a key on two lines inside `[ … ]` or `{ … }`. */
function inFlow(c: Context): Omit<ExplainedError, 'duplicateKey'> | undefined {
  const open = openBracketBefore(c.text, offsetOf(c));
  if (!open) return undefined;
  if (!closesLater(c.text, open.offset)) return flowLeftOpen(c, open);
  if (/^-\s/.test((c.lines[c.line] ?? '').slice(c.column))) return EXPLAIN.BLOCK_IN_FLOW(c);
  return at(
    c,
    `inuti ${pair(open.char)} som börjar på rad ${open.line + c.firstLine}, kolumn ${open.column + 1} ska varje värde och varje nyckel: värde stå på en rad, med kommatecken mellan. Kontrollera att inget kommatecken eller kolon saknas`,
  );
}

/**
 * The line of a tab in the indentation that an indentation error at `c` comes from: the error's own line, or the line
 * above it when that one begins with a tab (YAML may only notice on the next line). Undefined when neither has one.
 */
function tabLine(c: Context): number | undefined {
  if (/^[ ]*\t/.test(c.lines[c.line] ?? '')) return c.line;
  for (let i = c.line - 1; i >= 0; i--) {
    const l = c.lines[i]!;
    if (l.trim() === '') continue;
    return l.startsWith('\t') ? i : undefined;
  }
  return undefined;
}

/** BAD_INDENT: a flow collection left open or under-indented, items or keys that do not line up. */
function badIndent(c: Context): Omit<ExplainedError, 'duplicateKey'> {
  if (/^Flow (sequence|map)/.test(c.detail)) {
    const open = openBracketBefore(c.text, offsetOf(c));
    if (open) return flowLeftOpen(c, open);
  }
  const tabbed = tabLine(c);
  if (tabbed !== undefined) return tab(c, tabbed);
  if (/^Flow end indicator/.test(c.detail)) {
    const char = c.lines[c.line]?.[c.column] ?? ']';
    return at(c, `${char} som stänger ${pair(char === ']' ? '[' : '{')} står längst till vänster. Dra in raden med minst ett mellanslag, eller skriv ${char} sist på raden ovanför`);
  }
  if (/sequence items/.test(c.detail)) return lineUp(c, 'punkterna i listan (raderna med -)');
  if (/mapping items/.test(c.detail)) {
    const line = c.lines[c.line] ?? '';
    if (line.includes('\t')) return tab(c, c.line);
    return colonInValue(c) ?? lineUp(c, 'nycklarna i samma samling');
  }
  if (/^Block scalar/.test(c.detail)) {
    return at(c, 'en text som börjar med | eller > ska ha alla sina rader indragna lika mycket, mer än nyckeln. Dra in raden som de andra raderna i texten');
  }
  return missingColonOrIndent(c);
}

/** Items or keys of one collection that do not start in the same column: the line and its nearest sibling above. */
function lineUp(c: Context, what: string): Omit<ExplainedError, 'duplicateKey'> {
  const line = c.lines[c.line] ?? '';
  const column = indentOf(line);
  const dash = /^\s*-(\s|$)/.test(line);
  let expected: number | undefined;
  for (let i = c.line - 1; i >= 0 && expected === undefined; i--) {
    const l = c.lines[i]!;
    if (l.trim() === '' || l.trimStart().startsWith('#')) continue;
    if (dash ? /^\s*-(\s|$)/.test(l) : keyOf(l) !== undefined && !/^\s*-\s/.test(l)) expected = indentOf(l);
  }
  const fix =
    expected !== undefined && expected !== column
      ? ` Rad ${c.line + c.firstLine} börjar i kolumn ${column + 1} men raden ovanför i kolumn ${expected + 1}: flytta den dit, eller dra in den under den nyckel den hör till`
      : '';
  return at(c, `${what} ska börja i samma kolumn.${fix}`, c.line, column);
}

/**
 * The first `[` or `{` that never closes, when it opens before the error: everything after it was read inside the
 * collection, so the error is its echo and only the missing bracket is said.
 */
function neverClosedBefore(c: Context): Bracket | undefined {
  if (!/[[{]/.test(c.text)) return undefined;
  const lost: Bracket[] = [];
  const open = openBrackets(c.text, c.text.length, undefined, undefined, lost);
  const first = [...lost, ...open].sort((a, b) => a.offset - b.offset)[0];
  return first && first.offset <= offsetOf(c) ? first : undefined;
}

/** `]` or `}` missing: where the collection opened, and the fix, with nothing derived from the text after it. */
function missingBracket(c: Context, open: Bracket): Omit<ExplainedError, 'duplicateKey'> {
  const close = open.char === '[' ? ']' : '}';
  return at(
    c,
    `${close} saknas: ${open.char} på rad ${open.line + c.firstLine}, kolumn ${open.column + 1} öppnar ${pair(open.char)} som aldrig stängs. Skriv ${close} där ${open.char === '[' ? 'listan' : 'samlingen'} slutar, eller sätt hela värdet inom citattecken om ${open.char} hör till en text`,
    open.line,
    open.column,
  );
}

/** A `[` or `{` whose collection runs on past the line: either it never closes, or its lines are not indented. */
function flowLeftOpen(c: Context, open: Bracket): Omit<ExplainedError, 'duplicateKey'> {
  const key = keyOf(c.lines[open.line] ?? '');
  const errorLine = c.lines[c.line] ?? '';
  if (errorLine.startsWith('\t') || /^[ ]*\t/.test(errorLine)) return tab(c, c.line, open);
  // Only the missing bracket: what follows it was read inside the open collection, so no fix is derived from it.
  if (!closesLater(c.text, open.offset)) return missingBracket(c, open);
  const first = firstUnindented(c, open);
  return at(
    c,
    `raderna inuti ${pair(open.char)} som börjar på rad ${open.line + c.firstLine}, kolumn ${open.column + 1} måste dras in${key !== undefined ? ` mer än nyckeln ${key}` : ''}, eftersom klammern står under den. Dra in rad ${first + c.firstLine} och raderna efter med två mellanslag, eller skriv allt på en rad`,
    first,
    0,
  );
}

/** The first line after the opening bracket's line that starts in column 1 (the writer's unindented line). */
function firstUnindented(c: Context, open: Bracket): number {
  for (let i = open.line + 1; i < c.lines.length; i++) if (/^\S/.test(c.lines[i]!)) return i;
  return c.line;
}

/** MISSING_CHAR: a quote, a comma, a colon's space, a comment's space, a bracket at the top level, a directives line. */
function missingChar(c: Context): Omit<ExplainedError, 'duplicateKey'> {
  const d = c.detail;
  if (/quote/i.test(d)) {
    const unclosed: number[] = [];
    openBrackets(c.text, c.text.length, undefined, unclosed);
    const scanned = unclosed[0] === undefined ? undefined : c.linePos(unclosed[0]);
    const open = findUnclosedQuote(c.lines, c.line) ?? (scanned ? { line: scanned.line - 1, column: scanned.col - 1 } : undefined);
    const quote = /"quote/.test(d) ? '"' : "'";
    return at(c, `citattecknet ${quote} öppnas men stängs aldrig. Avsluta värdet med samma citattecken på samma rad`, open?.line ?? c.line, open?.column ?? c.column);
  }
  if (/^Missing , or :/.test(d)) {
    const alias = aliasStart(c);
    if (alias) return alias;
  }
  if (/^Missing , /.test(d) || /^Missing , or :/.test(d)) {
    const open = openBracketBefore(c.text, offsetOf(c));
    const where = open ? ` i ${pair(open.char)} som börjar på rad ${open.line + c.firstLine}, kolumn ${open.column + 1}` : '';
    return at(c, `ett kommatecken saknas mellan två värden${where}. Skriv , mellan värdena, t.ex. [FO1.1, FO1.2]`);
  }
  if (/^Missing space after :/.test(d)) {
    return at(c, 'efter : inuti { … } behövs ett mellanslag. Skriv t.ex. { från: 2024, till: 2027 }');
  }
  if (/^Comments must be separated/.test(d)) {
    return at(c, '# inleder en kommentar bara efter ett mellanslag, men här står # direkt efter ett värde. Skriv ett mellanslag före #, eller sätt värdet inom citattecken om # hör till texten');
  }
  if (/^Tags and anchors must be separated|^Missing newline after block sequence props/.test(d)) return special(c, '&', 'efter ett ankare (&namn) eller en tagg (!namn) behövs ett mellanslag eller en ny rad');
  if (/^Implicit map keys need to be followed by map values/.test(d)) return colonInValue(c) ?? missingColonOrIndent(c);
  if (/^Sequence item without - indicator/.test(d)) return at(c, 'en rad i listan saknar - i början. Börja varje punkt i listan med - och ett mellanslag');
  if (/directives-end|directives end/i.test(d)) return directive(c);
  if (/must end with a ([\]}])/.test(d)) {
    const open = openBracketBefore(c.text, offsetOf(c));
    if (open) return flowLeftOpen(c, open);
    const close = /must end with a ([\]}])/.exec(d)![1]!;
    return at(c, `${close} saknas: en ${close === ']' ? 'lista [' : 'samling {'} stängs aldrig. Lägg till ${close} efter sista värdet`);
  }
  if (/^Block scalars with more-indented leading empty lines/.test(d)) {
    const tabbed = tabLine(c);
    if (tabbed !== undefined) return tab(c, tabbed);
    return at(c, 'texten efter | eller > börjar med tomma rader som är mer indragna än texten. Ta bort de tomma raderna överst eller deras mellanslag');
  }
  return at(c, 'ett tecken saknas här (ett kolon, ett kommatecken, ett citattecken eller en klammer). Kontrollera raden');
}

/** UNEXPECTED_TOKEN: a closing bracket without an opening one, an empty item, extra text after a value. */
function unexpected(c: Context): Omit<ExplainedError, 'duplicateKey'> {
  const d = c.detail;
  const char = c.lines[c.line]?.[c.column] ?? '';
  if (/flow-seq-end|flow-map-end/.test(d) || ((char === ']' || char === '}') && /Unexpected/.test(d) && !/, in/.test(d))) {
    const open = char === ']' ? '[' : '{';
    return at(c, `${char} på rad ${c.line + c.firstLine} stänger ingenting: det finns ingen ${open} före den. Ta bort ${char}, eller lägg till ${open} där värdena börjar`);
  }
  if (/^Unexpected , in/.test(d) || /^Unexpected empty item/.test(d)) {
    const open = openBracketBefore(c.text, offsetOf(c));
    const where = open ? ` i ${pair(open.char)} som börjar på rad ${open.line + c.firstLine}, kolumn ${open.column + 1}` : '';
    return at(c, `ett tomt värde${where}: två kommatecken i rad, eller ett kommatecken först. Ta bort det extra kommatecknet`);
  }
  if (/^Block scalar header includes extra characters|^Unexpected token in block scalar header/.test(d)) {
    return at(c, 'efter | eller > får bara - eller + (och en siffra) stå på samma rad; själva texten börjar på nästa rad, indragen. Flytta texten till nästa rad');
  }
  if (/at node end|^Missing , or :/.test(d)) {
    const alias = aliasStart(c);
    if (alias) return alias;
  }
  if (/at node end/.test(d)) {
    return at(
      c,
      'efter värdet står mer text på samma rad. Om värdet är inom citattecken ska hela värdet vara det; om det är en lista eller { … } ska inget stå efter klammern (utom en kommentar efter #)',
    );
  }
  if (/map-value-ind/.test(d)) return at(c, `rad ${c.line + c.firstLine} börjar med : utan någon nyckel framför. Skriv nyckeln före kolonet, eller ta bort kolonet`);
  if (/doc-end|doc-start/.test(d)) return multipleDocuments(c);
  if (/^Unexpected [&!*]|anchor|tag/i.test(d)) return special(c, char === '*' ? '*' : char === '!' ? '!' : '&', `${char} står där det inte får stå`);
  return at(c, `tecknet ${JSON.stringify(char)} står där YAML inte väntar sig det. Kontrollera raden; sätt värdet inom citattecken om tecknet hör till texten`);
}

/** MULTIPLE_DOCS: a `...` line (pandoc's end of frontmatter) or a second `---` inside the block. */
function multipleDocuments(c: Context): Omit<ExplainedError, 'duplicateKey'> {
  const dots = c.lines.findIndex((l) => /^\.\.\.\s*$/.test(l));
  if (dots >= 0) {
    return at(
      c,
      `frontmatter avslutas med ... på rad ${dots + c.firstLine} (som pandoc skriver), men Spårbar avslutar frontmatter bara med en rad ---, så allt fram till nästa --- lästes som YAML. Byt ... på rad ${dots + c.firstLine} mot ---`,
      dots,
      0,
    );
  }
  const dashes = c.lines.findIndex((l, i) => i > 0 && /^---/.test(l));
  return at(c, 'en rad --- eller ... mitt i frontmatter avslutar YAML-blocket för tidigt. Ta bort raden, eller låt den bara stå där frontmatter slutar', dashes >= 0 ? dashes : c.line, 0);
}

/** The opening quote of a quoted value that is never closed, searching from the top down to `before`. */
function findUnclosedQuote(lines: readonly string[], before: number): { line: number; column: number } | undefined {
  for (let i = 0; i <= Math.min(before, lines.length - 1); i++) {
    const m = /^(\s*(?:-\s+)?(?:[^"'#:]+:\s+)?)(["'])/.exec(lines[i]!);
    if (!m) continue;
    const quote = m[2]!;
    const rest = lines[i]!.slice(m[1]!.length + 1);
    const closed = quote === '"' ? /(^|[^\\])"/.test(rest) || rest.startsWith('"') : rest.includes("'");
    if (!closed) return { line: i, column: m[1]!.length };
  }
  return undefined;
}

/** The first line after `from`'s line that is indented deeper than a plain `key: value` line above it. */
function findOverIndented(lines: readonly string[], from: number): { line: number; column: number } | undefined {
  for (let i = Math.max(1, from); i < Math.min(lines.length, from + 3); i++) {
    const prev = lines[i - 1]!;
    const cur = lines[i]!;
    if (/^\s*[^\s#-][^:]*:\s*[^\s|>[{]/.test(prev) && cur.trim() !== '' && !cur.includes('\t') && indentOf(cur) > indentOf(prev)) return { line: i, column: indentOf(cur) };
  }
  return undefined;
}

/** An opening bracket of a flow collection: its character, offset and 0-based line and column. */
interface Bracket {
  char: '[' | '{';
  offset: number;
  line: number;
  column: number;
}

/**
 * The flow collections open at `offset` in YAML `text`, innermost last; the offsets of those closed on the way go to
 * `closed`. A `[` or `{` opens one where a value begins (after `key:`, `- `, at the start of a line, or inside
 * another); quoted texts and comments are skipped, and the offsets of quotes that never close go to `unclosed`. A
 * bracket left open inside one that closes (the `{` of `[{ a: 1 ]`) goes to `unclosedBrackets`.
 */
function openBrackets(text: string, offset: number, closed?: Set<number>, unclosed?: number[], unclosedBrackets?: Bracket[]): Bracket[] {
  const stack: Bracket[] = [];
  let line = 0;
  let lineStart = 0;
  let valueStart = true;
  for (let i = 0; i < Math.min(offset, text.length); i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      line++;
      lineStart = i + 1;
      valueStart = true;
      continue;
    }
    if (ch === ' ' || ch === '\t') continue;
    if (ch === '#' && (i === lineStart || /\s/.test(text[i - 1]!))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    if ((ch === '"' || ch === "'") && (valueStart || stack.length > 0)) {
      const end = skipQuoted(text, i);
      if (end >= text.length) unclosed?.push(i);
      for (let k = i; k < end; k++) if (text[k] === '\n') [line, lineStart] = [line + 1, k + 1];
      i = end;
      valueStart = false;
      continue;
    }
    if ((ch === '[' || ch === '{') && (valueStart || stack.length > 0)) {
      stack.push({ char: ch, offset: i, line, column: i - lineStart });
      valueStart = true;
      continue;
    }
    if ((ch === ']' || ch === '}') && stack.length > 0) {
      // `]` closes the nearest `[`; a `{` inside it that was never closed (`[{ id: FO1 ]`) is left open for good.
      const k = stack.map((b) => b.char).lastIndexOf(ch === ']' ? '[' : '{');
      if (k >= 0) {
        const inner = stack.splice(k + 1);
        const popped = stack.pop()!;
        unclosedBrackets?.push(...inner);
        closed?.add(popped.offset);
      }
      valueStart = false;
      continue;
    }
    if (stack.length > 0 && (ch === ',' || ch === ':')) {
      valueStart = true;
      continue;
    }
    if (stack.length === 0 && (ch === ':' || ch === '-') && /\s/.test(text[i + 1] ?? '\n')) {
      valueStart = true;
      continue;
    }
    valueStart = false;
  }
  return stack;
}

/** The innermost flow collection open at `offset`, if any. */
function openBracketBefore(text: string, offset: number): Bracket | undefined {
  const stack = openBrackets(text, offset);
  return stack[stack.length - 1];
}

/** True when the bracket at `offset` is closed somewhere later in the text. */
function closesLater(text: string, offset: number): boolean {
  const closed = new Set<number>();
  openBrackets(text, text.length, closed);
  return closed.has(offset);
}

/** The index of the quote that closes the quoted text opening at `start` (or the text's end). */
function skipQuoted(text: string, start: number): number {
  const quote = text[start]!;
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i]!;
    if (quote === '"' && ch === '\\') {
      i++;
      continue;
    }
    if (ch === quote) {
      if (quote === "'" && text[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
  }
  return text.length;
}
