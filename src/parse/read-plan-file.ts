// Reads one plan file: bytes, text, frontmatter, YAML. Every problem becomes a message; nothing is thrown.
import { readFileSync } from 'node:fs';
import type { DiscoveredFile } from '../files/discover.js';
import { isPlainTextWithPunctuation, normalizeToken, toNfc } from '../files/characters.js';
import { decodeLossy, decodeText } from '../files/decode.js';
import type { MessageSink } from '../messages/report.js';
import { closest } from '../util/suggest.js';
import { readDeclarations, type Declarations } from './declarations.js';
import { reportCharacters } from './characters-check.js';
import { bodyLimitProblem, MAX_FRONTMATTER_LINES } from './limits.js';
import { looksLikeFrontmatterWithoutFence, splitFrontmatter } from './frontmatter.js';
import { findOtherFrontmatter, yamlFrontmatterFor, type OtherFrontmatter } from './other-frontmatter.js';
import { locate, parseFrontmatterYaml, type ParsedYaml } from './yaml-frontmatter.js';

export interface ReadPlanFile {
  path: string;
  parsed: ParsedYaml;
  /** The frontmatter data: a plain object with a string `typ`. */
  data: Record<string, unknown> & { typ: string };
  body: string;
  bodyLine: number;
  /**
   * Set when the frontmatter's YAML has errors: what the file could still be read to declare (its type and id, the
   * ids inside it, the ids it links to), so that references to it are not reported as unknown. `data` then holds
   * only `typ`, `id` and `titel`; the file is not validated and adds no node.
   */
  broken?: Declarations;
  /**
   * Set by validation when the schema rejects the file: the top-level keys its problems are at ('' for the map as a
   * whole). The file adds no node; the links written under its other keys are still checked (src/graph/shadows.ts).
   */
  schemaErrorKeys?: readonly string[];
}

/**
 * The frontmatter and body of a plan file, or undefined when it is not (or not yet) one; problems go to `sink`. A plan
 * file that cannot be read as one comes back `broken`, with what it declares (see ReadPlanFile.broken).
 */
export function readPlanFile(file: DiscoveredFile, sink: MessageSink): ReadPlanFile | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file.absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'okänt fel';
    sink.report('unreadable-file', `Filen gick inte att läsa (${code}). Kontrollera att den finns och går att läsa.`, { file: file.path, line: 1, column: 1 });
    return undefined;
  }
  return readPlanText(bytes, file.path, sink);
}

/**
 * The frontmatter and body of a plan file from bytes in memory, or undefined when they are not a readable plan file
 * (a broken one included): for callers that only want files they can use (an editor, Kolada's writer). Problems go to
 * `sink` just as with readPlanText.
 */
export function parsePlanText(bytes: Uint8Array, path: string, sink: MessageSink): ReadPlanFile | undefined {
  const read = readPlanText(bytes, path, sink);
  return read?.broken ? undefined : read;
}

/** Same as readPlanFile, from bytes already in memory: a plan file that cannot be read as one comes back `broken`. */
export function readPlanText(bytes: Uint8Array, path: string, sink: MessageSink): ReadPlanFile | undefined {
  const place = { file: path, line: 1, column: 1 };
  const decoded = decodeText(bytes, path, sink);
  if (decoded === undefined) {
    // Not UTF-8 (reported): what the file declares is still read, from the text as far as it decodes.
    return declaredOnly(path, decodeLossy(bytes), 1);
  }
  const text = decoded;
  if (text.trim() === '') {
    sink.report('empty-file', 'Filen är tom. Ta bort den, eller skriv frontmatter med typ, id och titel.', place);
    return undefined;
  }
  const split = splitFrontmatter(text);
  const yamlStart = split.kind === 'none' ? 0 : text.indexOf('\n') + 1;
  // Plain text (most files, punctuation such as an en dash included) is NFC and has no unusual character: nothing to
  // report, nothing to normalise.
  const plain = isPlainTextWithPunctuation(text);
  if (!plain) reportCharacters(text, path, sink, yamlStart, split.kind === 'frontmatter' ? yamlStart + split.yaml.length : split.kind === 'unclosed' ? text.length : 0);
  if (split.kind === 'unclosed') return readUnclosed(text, path, sink);
  if (split.kind === 'none') return readWithoutFrontmatter(text, path, sink);
  // Bounded work (src/parse/limits.ts): the body as the site will render it, and frontmatter no longer than it may be.
  const bodyProblem = bodyLimitProblem(split.body);
  if (bodyProblem) sink.report('limit-exceeded', bodyProblem.message, { file: path, line: split.bodyLine + bodyProblem.line, column: bodyProblem.column });
  // Every line has at least one character (its line feed, or the last line's text): a shorter text has few enough.
  const fmLines = split.yaml.length <= MAX_FRONTMATTER_LINES ? 0 : lineCount(split.yaml);
  if (fmLines > MAX_FRONTMATTER_LINES) {
    sink.report(
      'limit-exceeded',
      `Frontmatter har ${fmLines} rader, fler än ${MAX_FRONTMATTER_LINES}, och läses inte. Ingen planfil behöver så många; flytta lång text till brödtexten under --- och dela upp listor på flera filer.`,
      { file: path, line: split.yamlLine, column: 1 },
    );
    return declaredOnly(path, split.yaml.slice(0, 4096), split.yamlLine);
  }
  const { parsed, problems } = parseFrontmatterYaml(split.yaml, split.yamlLine);
  if (problems.length > 0) {
    const declared = readDeclarations(parsed.text);
    if (!meantAsPlanFile(declared) && problems.every((p) => p.kind === 'syntax')) {
      sink.report('not-a-plan-file', notFrontmatter(split.bodyLine - 1), place);
      return undefined;
    }
    for (const problem of problems) {
      sink.report(
        problem.kind === 'duplicate-key' ? 'duplicate-key' : 'yaml-syntax',
        problem.kind === 'duplicate-key' ? problem.message : `Frontmatter är inte giltig YAML: ${problem.message}.`,
        { file: path, ...problem.point },
      );
    }
    return brokenRead(path, declared, parsed, split.body, split.bodyLine);
  }
  const data = parsed.data;
  if (data === null || data === undefined) {
    sink.report('not-a-plan-file', 'Frontmatter är tomt och filen ingår inte i planen. Lägg till typ, id och titel om den ska ingå.', place);
    return undefined;
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    const declared = readDeclarations(parsed.text);
    // A list of `- typ: …` items is a plan file written as a list, not a text that happens to sit between --- rules.
    if (!meantAsPlanFile(declared) && !/^[ \t]*(?:-[ \t]+)?typ[ \t]*:/m.test(parsed.text)) {
      sink.report('not-a-plan-file', notFrontmatter(split.bodyLine - 1), place);
      return undefined;
    }
    sink.report('wrong-type', 'Frontmatter ska vara nycklar med värden (nyckel: värde), inte en lista eller en ensam text.', {
      file: path,
      line: split.yamlLine,
      column: 1,
    });
    return brokenRead(path, declared, parsed, split.body, split.bodyLine);
  }
  const record = data as Record<string, unknown>;
  if (!Object.hasOwn(record, 'typ')) {
    const misspelt = Object.keys(record).find((k) => k !== 'typ' && closest(k, ['typ']) === 'typ');
    const declared = readDeclarations(parsed.text);
    if (misspelt !== undefined) {
      sink.report('unknown-key', `Okänd nyckel "${misspelt}". Menade du "typ"? Utan typ ingår filen inte i planen.`, { file: path, ...locate(parsed, [misspelt], 'key') }, { expected: ['typ'] });
      const typ = record[misspelt];
      return brokenRead(path, { ...declared, typ: typeof typ === 'string' ? typ : '' }, parsed, split.body, split.bodyLine);
    }
    if (Object.hasOwn(record, 'id') && Object.hasOwn(record, 'titel')) {
      sink.report('missing-key', 'Nyckeln "typ" saknas, men filen har id och titel. Lägg till typ (t.ex. typ: aktivitet) så att den ingår i planen.', {
        file: path,
        ...locate(parsed, ['id'], 'key'),
      });
      return brokenRead(path, { ...declared, typ: '' }, parsed, split.body, split.bodyLine);
    }
    sink.report('not-a-plan-file', 'Filen saknar typ och ingår inte i planen. Lägg till typ (t.ex. typ: aktivitet) om den ska ingå.', place);
    return undefined;
  }
  if (typeof record['typ'] !== 'string') {
    sink.report('wrong-type', '"typ" ska vara en text, t.ex. typ: aktivitet.', { file: path, ...locate(parsed, ['typ']) });
    return brokenRead(path, { ...readDeclarations(parsed.text), typ: '' }, parsed, split.body, split.bodyLine);
  }
  return { path, parsed, data: record as ReadPlanFile['data'], body: plain ? split.body : toNfc(split.body), bodyLine: split.bodyLine };
}

/** True when what a file declares says it is meant as a plan file: a type, or an id and a title. */
function meantAsPlanFile(declared: Declarations): boolean {
  return declared.typ !== undefined || (declared.id !== undefined && declared.titel !== undefined);
}

/** A file that cannot be read as a plan file but says what it would declare; undefined when it declares nothing (no type, no id). */
/** Lines of `text`, a last line without its line feed included. */
function lineCount(text: string): number {
  let n = text === '' || text.endsWith('\n') ? 0 : 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function brokenRead(path: string, declared: Declarations, parsed: ParsedYaml, body: string, bodyLine: number): ReadPlanFile | undefined {
  if (declared.typ === undefined && declared.id === undefined) return undefined;
  const data: ReadPlanFile['data'] = { typ: declared.typ ?? '' };
  if (declared.id !== undefined) data['id'] = declared.id;
  if (declared.titel !== undefined) data['titel'] = declared.titel;
  return { path, parsed, data, body, bodyLine, broken: declared };
}

/** What a file that cannot be read declares, read from `yaml` (the text where its frontmatter would be, from line `firstLine`). */
function declaredOnly(path: string, yaml: string, firstLine: number): ReadPlanFile | undefined {
  const declared = readDeclarations(yaml);
  if (!meantAsPlanFile(declared)) return undefined;
  return brokenRead(path, declared, parseFrontmatterYaml('', firstLine).parsed, '', firstLine);
}

/** A file whose first line is `---` and that has no second `---` line. */
function readUnclosed(text: string, path: string, sink: MessageSink): ReadPlanFile | undefined {
  const lines = text.split('\n');
  const dots = lines.findIndex((l, i) => i > 0 && /^\.\.\.[ \t]*$/.test(l));
  const yaml = lines.slice(1, dots === -1 ? undefined : dots).join('\n');
  const declared = readDeclarations(yaml);
  if (!meantAsPlanFile(declared)) {
    sink.report(
      'not-a-plan-file',
      'Filen börjar med en rad --- men har ingen rad --- till, så den har inget frontmatter och ingår inte i planen. Är --- på rad 1 en avdelare i texten kan du låta den stå.',
      { file: path, line: 1, column: 1 },
    );
    return undefined;
  }
  if (dots !== -1) {
    sink.report(
      'frontmatter-unclosed',
      `Frontmatter avslutas med ... på rad ${dots + 1} (som pandoc skriver), men Spårbar avslutar frontmatter bara med en rad ---. Byt ... på rad ${dots + 1} mot ---.`,
      { file: path, line: dots + 1, column: 1 },
    );
  } else {
    sink.report('frontmatter-unclosed', 'Frontmatter börjar med --- på rad 1 men avslutas aldrig. Lägg till en rad med bara --- efter sista nyckeln.', { file: path, line: 1, column: 1 });
  }
  return brokenRead(path, declared, parseFrontmatterYaml('', 2).parsed, '', 2);
}

/** A file that does not open with `---`: another frontmatter syntax, keys without fences, or no frontmatter at all. */
function readWithoutFrontmatter(text: string, path: string, sink: MessageSink): ReadPlanFile | undefined {
  const place = { file: path, line: 1, column: 1 };
  const other = findOtherFrontmatter(text);
  if (other) {
    const declared = other.data ? declarationsOf(other.data) : readDeclarations(other.text.replace(/^([ \t]*[^\s=#]+)[ \t]*=[ \t]*/gm, '$1: ').replace(/"([^"\n]*)"[ \t]*:/g, '$1:'));
    if (!meantAsPlanFile(declared)) {
      sink.report('not-a-plan-file', `Filen har frontmatter i ${other.syntax} men ingen typ, så den ingår inte i planen. Spårbar läser bara frontmatter i YAML mellan rader med ---.`, place);
      return undefined;
    }
    sink.report('frontmatter-not-yaml', otherSyntaxMessage(other), place, other.data && yamlFrontmatterFor(other.data) ? { expected: [`---\n${yamlFrontmatterFor(other.data)}\n---`] } : {});
    return brokenRead(path, declared, parseFrontmatterYaml('', 1).parsed, '', other.closeLine + 1);
  }
  const hint = looksLikeFrontmatterWithoutFence(text);
  if (hint) {
    sink.report('frontmatter-missing', 'Filen har nycklar som typ: men inget frontmatter-block. Skriv --- på första raden och en rad --- efter sista nyckeln.', { file: path, line: hint.line, column: 1 });
    const lines = text.split('\n');
    const end = lines.findIndex((l, i) => i >= hint.line && l.trim() === '');
    return declaredOnly(path, lines.slice(0, end === -1 ? undefined : end).join('\n'), 1);
  }
  sink.report('not-a-plan-file', 'Filen har inget frontmatter-block och ingår inte i planen. Lägg till frontmatter med typ om den ska ingå.', place);
  return undefined;
}

/** What parsed data declares, for a file in another syntax: the same fields readDeclarations reads from lines. */
function declarationsOf(data: Record<string, unknown>): Declarations {
  const str = (v: unknown) => (typeof v === 'string' ? normalizeToken(v) : undefined);
  const declared: Declarations = { inlineIds: [], lists: {} };
  const typ = str(data['typ']);
  const id = str(data['id']);
  const titel = str(data['titel']);
  if (typ !== undefined) declared.typ = typ;
  if (id !== undefined) declared.id = id;
  if (titel !== undefined) declared.titel = titel;
  const walk = (v: unknown, top: boolean): void => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, false));
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (!top && typeof o['id'] === 'string') declared.inlineIds.push(normalizeToken(o['id']));
      for (const x of Object.values(o)) walk(x, false);
    }
  };
  walk(data, true);
  for (const [key, v] of Object.entries(data)) {
    const items = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string').map(normalizeToken);
    if (items.length > 0) declared.lists[key] = items;
  }
  return declared;
}

/** What to do with frontmatter in TOML or JSON: convert it to YAML between `---` lines, with the converted text when it can be made. */
function otherSyntaxMessage(other: OtherFrontmatter): string {
  const yaml = other.data ? yamlFrontmatterFor(other.data) : undefined;
  const how =
    other.syntax === 'TOML'
      ? `Byt ${other.fence} på rad ${other.openLine} och rad ${other.closeLine} mot --- och skriv varje nyckel som nyckel: värde i stället för nyckel = värde`
      : `Skriv frontmatter som YAML mellan en rad --- överst och en rad --- efter sista nyckeln (nyckel: värde, utan klamrar och citattecken runt nycklarna)`;
  const example = yaml === undefined ? '' : ` Så här blir det (¶ är ny rad): --- ¶ ${yaml.split('\n').length <= 8 ? yaml.split('\n').join(' ¶ ') : `${yaml.split('\n').slice(0, 6).join(' ¶ ')} ¶ …`} ¶ ---.`;
  return (
    `Filen har frontmatter i ${other.syntax} (${other.syntax === 'TOML' ? 'mellan rader med +++, som Hugo skriver' : 'ett JSON-objekt'}), men Spårbar läser bara YAML mellan rader med ---, så filen kommer inte med i planen. ` +
    `${how}.${example}`
  );
}

/** The note for a file that opens with a `---` line whose text down to the next `---` (line `closing`) is not a plan file's frontmatter. */
function notFrontmatter(closing: number): string {
  return (
    `Filen börjar med --- och har en rad --- till på rad ${closing}, men det mellan dem är inte frontmatter med typ: (nycklar med värden). ` +
    'Filen ingår därför inte i planen. Är --- på rad 1 en avdelare i texten kan du låta den stå; ska filen ingå i planen, skriv typ, id och titel mellan raderna ---.'
  );
}
