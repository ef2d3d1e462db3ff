// isPlainTextWithPunctuation (src/files/characters.ts) lets readPlanText skip the character checks and the body's NFC,
// and normalizeData the NFC check of each text, for plain text with typographic punctuation (an en dash, quotes, …).
// That is sound only if no such character is unusual or a direction control, spaceStructure replaces none, and NFC
// changes no text made of them: this checks every punctuation character, every pair of them with each other and with
// every plain character, seeded texts, and every file of the example plan and the fixtures it lets through.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prng } from '../../bench/generate-plan.js';
import { findUnusualCharacters, firstNotNfc, isPlainText, isPlainTextWithPunctuation, spaceStructure, stripBidiControls, toNfc } from '../../src/files/characters.js';
import { MessageSink } from '../../src/messages/report.js';
import { reportCharacters } from '../../src/parse/characters-check.js';
import { splitFrontmatter } from '../../src/parse/frontmatter.js';

const chars = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));
const plain = chars(0, 0x2ff).filter(isPlainText);
const punctuation = [...chars(0x2010, 0x2027), ...chars(0x2030, 0x205e)];

/** What reportCharacters says about `text`, its frontmatter being all of it. */
function said(text: string): string[] {
  const sink = new MessageSink();
  reportCharacters(text, 'f.md', sink, 0, text.length);
  return sink.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`);
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? markdownFiles(full) : name.endsWith('.md') ? [full] : [];
  });
}

describe('plain text with typographic punctuation has nothing for the character checks', () => {
  it('is plain text and U+2010-U+2027, U+2030-U+205E, nothing else', () => {
    const all = chars(0, 0xffff).filter(isPlainTextWithPunctuation);
    expect(all).toEqual([...plain, ...punctuation]);
    expect(isPlainTextWithPunctuation('Vård – omsorg, “citat” och ‘citat’ … ‰ • †')).toBe(true);
    for (const c of ['\u00a0', '\u00ad', '\u200b', '\u200e', '\u2028', '\u202f', '\u205f', '\u2066', '\u20ac', '\u0301']) expect(isPlainTextWithPunctuation(`a${c}b`)).toBe(false);
  });

  it('no punctuation character is unusual or a direction control, and spaceStructure keeps every one', () => {
    for (const c of punctuation) {
      expect([c, findUnusualCharacters(`a${c}b`)]).toEqual([c, []]);
      expect([c, stripBidiControls(`a${c}b`)]).toEqual([c, `a${c}b`]);
      expect([c, spaceStructure(`${c} : ${c}\u00a0`)]).toEqual([c, `${c} : ${c} `]);
      expect([c, said(`x: ${c}`)]).toEqual([c, []]);
    }
  });

  it('NFC changes no pair of punctuation characters, nor a punctuation character before or after any plain one', () => {
    for (const a of punctuation) {
      for (const b of [...punctuation, ...plain]) {
        if (`${a}${b}`.normalize('NFC') !== `${a}${b}` || `${b}${a}`.normalize('NFC') !== `${b}${a}`) expect([a, b]).toBe('NFC-stable');
      }
    }
  });

  it('seeded random texts: the full checks say nothing and NFC changes nothing', () => {
    const rng = prng(31);
    const pool = [...plain, ...punctuation, ...punctuation];
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: rng.int(1, 60) }, () => rng.pick(pool)).join('');
      expect(isPlainTextWithPunctuation(text)).toBe(true);
      expect(said(text)).toEqual([]);
      expect(firstNotNfc(text)).toBeUndefined();
      expect(toNfc(text)).toBe(text);
    }
  });

  it('every example and fixture file it lets through: the character checks say nothing and the body is NFC', () => {
    let through = 0;
    for (const file of [...markdownFiles('plans'), ...markdownFiles('test/fixtures')]) {
      const text = readFileSync(file, 'utf8');
      if (!isPlainTextWithPunctuation(text)) continue;
      through++;
      expect([file, said(text)]).toEqual([file, []]);
      const split = splitFrontmatter(text);
      if (split.kind === 'frontmatter') expect(toNfc(split.body)).toBe(split.body);
    }
    expect(through).toBeGreaterThan(100);
  });
});
