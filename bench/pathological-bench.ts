// Bench section `pathological`: inputs built to make a parser slow (issue 10), at growing sizes. For each kind, the
// time `check` takes on one file (read, YAML, the limits of src/parse/limits.ts) and, for bodies check accepts, the
// time the site's markdown pipeline takes to render it. Within the limits the times should grow linearly with size
// (the ms/KB column stays flat); past them check refuses at once (limit-exceeded) and nothing is rendered.
import { performance } from 'node:perf_hooks';
import { checkFiles } from '../src/check/check-files.js';
import { MAX_BRACKETS_PER_PARAGRAPH, MAX_DELIMITER_RUNS_PER_PARAGRAPH, MAX_FRONTMATTER_LINES, MAX_NESTING } from '../src/parse/limits.js';
import { markdownToSafeTree } from '../src/site/markdown.js';
import { num, type Section } from './table.js';

export interface PathologicalBenchOptions {
  log: (line: string) => void;
}

const HEAD = '---\ntyp: aktivitet\nid: A1\ntitel: T\nbidrar_till: [FO1]\nansvarig: IT\nslut: 2025-12-31\nstatus: pågår\n---\n';

/** Repeats `unit` (joined by `separator`) until the text is at least `bytes` long. */
function grow(unit: string, separator: string, bytes: number): string {
  const count = Math.max(1, Math.ceil(bytes / (unit.length + separator.length)));
  return Array.from({ length: count }, () => unit).join(separator);
}

interface Kind {
  name: string;
  /** The file's text at about `size` (a number of keys, or bytes of body). */
  make: (size: number) => string;
  sizes: number[];
  unit: 'keys' | 'KB';
  /** The body to render, when the site would render one. */
  body?: (text: string) => string;
}

const deepList = Array.from({ length: MAX_NESTING }, (_, i) => `${'  '.repeat(i)}- nivå\n`).join('');
const keysFile = (n: number) => `---\ntyp: aktivitet\nid: A1\ntitel: T\n${Array.from({ length: n }, (_, i) => `k${i}: v`).join('\n')}\n---\nText.\n`;
const bodyOf = (text: string) => text.slice(HEAD.length);

const KINDS: Kind[] = [
  { name: `many keys (within ${num(MAX_FRONTMATTER_LINES)} lines)`, make: keysFile, sizes: [500, 1000, 2000, 4000], unit: 'keys' },
  { name: 'many keys (refused)', make: keysFile, sizes: [16_000, 40_000, 110_000], unit: 'keys' },
  { name: `deep nesting (lists ${MAX_NESTING} deep, repeated)`, make: (kb) => HEAD + grow(deepList, '\n', kb * 1024), sizes: [64, 128, 256, 512], unit: 'KB', body: bodyOf },
  { name: `deep nesting (> × size, refused)`, make: (kb) => `${HEAD + '>'.repeat(kb * 1024)} x\n`, sizes: [3, 64, 1024], unit: 'KB' },
  {
    name: `many links (${MAX_BRACKETS_PER_PARAGRAPH} "[a](" a paragraph)`,
    make: (kb) => HEAD + grow('[a]('.repeat(MAX_BRACKETS_PER_PARAGRAPH), '\n\n', kb * 1024),
    sizes: [64, 128, 256, 512],
    unit: 'KB',
    body: bodyOf,
  },
  { name: 'many links (one paragraph, refused)', make: (kb) => HEAD + '[a]('.repeat((kb * 1024) / 4), sizes: [200, 1024], unit: 'KB' },
];

/** Runs every kind at its sizes once (each run is long enough to time on its own). */
export async function benchPathological({ log }: PathologicalBenchOptions): Promise<Section> {
  const rows: string[][] = [];
  for (const kind of KINDS) {
    for (const size of kind.sizes) {
      const text = kind.make(size);
      const bytes = new TextEncoder().encode(text);
      const cpu = process.cpuUsage();
      let t = performance.now();
      const result = checkFiles([{ path: 'plan/aktiviteter/A1.md', bytes }]);
      const checkMs = performance.now() - t;
      const refused = result.messages.some((m) => m.ruleId === 'limit-exceeded');
      let renderMs: number | undefined;
      if (kind.body && !refused) {
        t = performance.now();
        markdownToSafeTree(kind.body(text));
        renderMs = performance.now() - t;
      }
      const used = process.cpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000;
      const kb = bytes.length / 1024;
      rows.push([
        kind.name,
        `${num(size)} ${kind.unit}`,
        num(kb),
        num(checkMs, 1),
        renderMs === undefined ? '–' : num(renderMs, 1),
        renderMs === undefined ? num(checkMs / kb, 2) : num((checkMs + renderMs) / kb, 2),
        num(cpuMs / kb, 2),
        refused ? 'limit-exceeded' : 'accepted',
      ]);
      log(`[bench] pathological: ${kind.name} at ${num(size)} ${kind.unit}`);
    }
  }
  return {
    title: 'pathological: inputs built to make a parser slow (one file, check and render)',
    tables: [{ columns: ['input', 'size', 'KB', 'check ms', 'render ms', 'ms/KB', 'cpu ms/KB', 'check says'], rows }],
    notes: [
      `limits (src/parse/limits.ts): nesting ${MAX_NESTING}, ${MAX_BRACKETS_PER_PARAGRAPH} "[" and ${num(MAX_DELIMITER_RUNS_PER_PARAGRAPH)} runs of * _ ~ a paragraph, ${num(MAX_FRONTMATTER_LINES)} frontmatter lines`,
      'within the limits ms/KB should stay flat as the size doubles (linear time); past them check refuses without parsing',
      'cpu ms/KB is processor time (user and system) for check and render per KB: on a busy machine it moves less than the wall-clock figure',
    ],
    ok: true,
  };
}
