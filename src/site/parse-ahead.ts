// The plan's markdown parsed before the graph exists. The renderer (site/lib/data.ts) starts while `sparbar build`
// checks the plans and has nothing to render until the graph is written: it reads the plan files' bodies itself and
// makes their syntax trees (parseMarkdown, nine tenths of a text's parsing), which markdownToSafeTree then uses for the
// same texts (text-queue.ts: the renderer takes the chunks whose texts it has). Nothing here decides what is published:
// a body read here that the graph does not have as a text is never asked for, and a text the graph has that was not
// parsed here is parsed as before.
import { readFileSync } from 'node:fs';
import type { Root as MdastRoot } from 'mdast';
import { decodeText } from '../files/decode.js';
import { discoverFiles } from '../files/discover.js';
import { stripBidiControls, toNfc } from '../files/characters.js';
import { MessageSink } from '../messages/report.js';
import { splitFrontmatter } from '../parse/frontmatter.js';
import { bodyLimitProblem } from '../parse/limits.js';
import { parseMarkdown, type ParsedAheadSource } from './markdown.js';

/** A frontmatter that declares a type (`typ:`, or `- typ:` in a file written as a list), as readPlanText tells a plan file. */
const DECLARES_TYPE = /^[ \t]*(?:-[ \t]+)?typ[ \t]*:/m;

/**
 * The bodies of the plan files in `plansDir`, parsed one file per `step()`, the last in the plans folder's order first:
 * `sparbar build` parses the texts from the first file on (textsToParse, text-queue.ts). Each tree is given out once
 * (`take`); `parsed` and `used` count texts for the renderer's figures.
 */
export class ParsedAhead implements ParsedAheadSource {
  private readonly trees = new Map<string, MdastRoot>();
  private readonly files: string[];
  private next = 0;
  /** Texts parsed here. */
  parsed = 0;
  /** Texts whose tree was taken (used by markdownToSafeTree). */
  used = 0;

  constructor(plansDir: string) {
    // Problems (an unreadable folder) are the check's to report; here a file that cannot be read is skipped.
    this.files = discoverFiles(plansDir, new MessageSink())
      .map((f) => f.absolutePath)
      .reverse();
  }

  /** Parses the next file's body (read as readPlanText reads it); false when every file has been read. */
  step(): boolean {
    const file = this.files[this.next++];
    if (file === undefined) return false;
    try {
      const text = decodeText(readFileSync(file), file, new MessageSink());
      const split = text === undefined ? undefined : splitFrontmatter(text);
      // Only a plan file's body: a markdown file without frontmatter or without a type (a README, a change log) is no
      // part of the plan, and parsing it would only cost the build time. Nor a body past the check's limits
      // (src/parse/limits.ts): the check refuses the plan, and the parser's time on such a text is what they bound.
      if (split?.kind === 'frontmatter' && DECLARES_TYPE.test(split.yaml) && split.body.trim() !== '' && bodyLimitProblem(split.body) === undefined) {
        const { text: body, tree } = parseMarkdown(toNfc(split.body).trim());
        if (!this.trees.has(body)) {
          this.trees.set(body, tree);
          this.parsed++;
        }
      }
    } catch {
      // Unreadable, or past the parser's limits: parsed (or reported) when the graph asks for it.
    }
    return true;
  }

  /** Whether a tree of `markdown` is waiting here. */
  has(markdown: string): boolean {
    return this.trees.has(stripBidiControls(markdown));
  }

  take(text: string): MdastRoot | undefined {
    const tree = this.trees.get(text);
    if (tree === undefined) return undefined;
    this.trees.delete(text);
    this.used++;
    return tree;
  }
}
