// Reads one plan file: bytes, text, frontmatter, YAML. Every problem becomes a message; nothing is thrown.
import { readFileSync } from 'node:fs';
import type { DiscoveredFile } from '../files/discover.js';
import { decodeText } from '../files/decode.js';
import type { MessageSink } from '../messages/report.js';
import { closest } from '../util/suggest.js';
import { looksLikeFrontmatterWithoutFence, splitFrontmatter } from './frontmatter.js';
import { locate, parseFrontmatterYaml, type ParsedYaml } from './yaml-frontmatter.js';

export interface ReadPlanFile {
  path: string;
  parsed: ParsedYaml;
  /** The frontmatter data: a plain object with a string `typ`. */
  data: Record<string, unknown> & { typ: string };
  body: string;
  bodyLine: number;
}

/** The frontmatter and body of a plan file, or undefined when it is not (or not yet) one; problems go to `sink`. */
export function readPlanFile(file: DiscoveredFile, sink: MessageSink): ReadPlanFile | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file.absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'okänt fel';
    sink.report('unreadable-file', `Filen gick inte att läsa (${code}). Kontrollera att den finns och går att läsa.`, { file: file.path, line: 1, column: 1 });
    return undefined;
  }
  return parsePlanText(bytes, file.path, sink);
}

/** Same as readPlanFile, from bytes already in memory. */
export function parsePlanText(bytes: Uint8Array, path: string, sink: MessageSink): ReadPlanFile | undefined {
  const place = { file: path, line: 1, column: 1 };
  const text = decodeText(bytes, path, sink);
  if (text === undefined) return undefined;
  if (text.trim() === '') {
    sink.report('empty-file', 'Filen är tom. Ta bort den, eller skriv frontmatter med typ, id och titel.', place);
    return undefined;
  }
  const split = splitFrontmatter(text);
  if (split.kind === 'unclosed') {
    sink.report('frontmatter-unclosed', 'Frontmatter börjar med --- på rad 1 men avslutas aldrig. Lägg till en rad med bara --- efter sista nyckeln.', place);
    return undefined;
  }
  if (split.kind === 'none') {
    const hint = looksLikeFrontmatterWithoutFence(text);
    if (hint) {
      sink.report(
        'frontmatter-missing',
        'Filen har nycklar som typ: men inget frontmatter-block. Skriv --- på första raden och en rad --- efter sista nyckeln.',
        { file: path, line: hint.line, column: 1 },
      );
    } else {
      sink.report('not-a-plan-file', 'Filen har inget frontmatter-block och ingår inte i planen. Lägg till frontmatter med typ om den ska ingå.', place);
    }
    return undefined;
  }
  const { parsed, problems } = parseFrontmatterYaml(split.yaml, split.yamlLine);
  for (const problem of problems) {
    sink.report(
      problem.kind === 'duplicate-key' ? 'duplicate-key' : 'yaml-syntax',
      problem.kind === 'duplicate-key' ? problem.message : `Frontmatter är inte giltig YAML: ${problem.message}.`,
      { file: path, ...problem.point },
    );
  }
  if (problems.length > 0) return undefined;
  const data = parsed.data;
  if (data === null || data === undefined) {
    sink.report('not-a-plan-file', 'Frontmatter är tomt och filen ingår inte i planen. Lägg till typ, id och titel om den ska ingå.', place);
    return undefined;
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    sink.report('wrong-type', 'Frontmatter ska vara nycklar med värden (nyckel: värde), inte en lista eller en ensam text.', {
      file: path,
      line: split.yamlLine,
      column: 1,
    });
    return undefined;
  }
  const record = data as Record<string, unknown>;
  if (!Object.hasOwn(record, 'typ')) {
    const misspelt = Object.keys(record).find((k) => k !== 'typ' && closest(k, ['typ']) === 'typ');
    if (misspelt !== undefined) {
      sink.report('unknown-key', `Okänd nyckel "${misspelt}". Menade du "typ"? Utan typ ingår filen inte i planen.`, { file: path, ...locate(parsed, [misspelt], 'key') }, { expected: ['typ'] });
    } else if (Object.hasOwn(record, 'id') && Object.hasOwn(record, 'titel')) {
      sink.report('missing-key', 'Nyckeln "typ" saknas, men filen har id och titel. Lägg till typ (t.ex. typ: aktivitet) så att den ingår i planen.', {
        file: path,
        ...locate(parsed, ['id'], 'key'),
      });
    } else {
      sink.report('not-a-plan-file', 'Filen saknar typ och ingår inte i planen. Lägg till typ (t.ex. typ: aktivitet) om den ska ingå.', place);
    }
    return undefined;
  }
  if (typeof record['typ'] !== 'string') {
    sink.report('wrong-type', '"typ" ska vara en text, t.ex. typ: aktivitet.', { file: path, ...locate(parsed, ['typ']) });
    return undefined;
  }
  return { path, parsed, data: record as ReadPlanFile['data'], body: split.body, bodyLine: split.bodyLine };
}
