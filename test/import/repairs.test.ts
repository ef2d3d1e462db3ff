// The repairs of extracted text, one rule at a time: what is joined, what is kept apart, and why.
import { describe, expect, it } from 'vitest';
import { findDate, findMoney, readStatus } from '../../src/import/facts.js';
import { joinHyphenated } from '../../src/import/hyphenation.js';
import { normaliseCharacters } from '../../src/import/normalise-characters.js';
import { readText } from '../../src/import/read-text.js';
import { removeRunningLinesUnpaged } from '../../src/import/running-lines.js';
import type { Repair } from '../../src/import/source-lines.js';
import { splitWordJoin } from '../../src/import/split-words.js';
import { Vocabulary } from '../../src/import/vocabulary.js';

const vocabulary = new Vocabulary(['Samutnyttjande av system. Digitala tjänster och e-tjänster. En plan för IT-styrning.']);

describe('hyphenation at a line end', () => {
  it('joins a word broken by the line, keeps the hyphen after an abbreviation or a short first part', () => {
    expect(joinHyphenated('verksam', 'hetsnytta', vocabulary).word).toBe('verksamhetsnytta');
    expect(joinHyphenated('IT', 'styrning', vocabulary)).toMatchObject({ word: 'IT-styrning', unsure: false });
    expect(joinHyphenated('e', 'tjänster', vocabulary)).toMatchObject({ word: 'e-tjänster', unsure: false });
    expect(joinHyphenated('e', 'arkiv', new Vocabulary([]))).toMatchObject({ word: 'e-arkiv', unsure: true });
  });
});

describe('a space inside a word', () => {
  it('joins parts whose whole word occurs elsewhere in the document', () => {
    expect(splitWordJoin('samutnyttj', 'ande', vocabulary)).toMatchObject({ unsure: false });
  });
  it('joins, as a guess, parts that cannot be words on their own', () => {
    expect(splitWordJoin('milj', 'öbelastning', vocabulary)).toMatchObject({ unsure: true });
  });
  it('keeps two real words apart', () => {
    expect(splitWordJoin('digitala', 'tjänster', vocabulary)).toBeNull();
    expect(splitWordJoin('en', 'plan', vocabulary)).toBeNull();
    expect(splitWordJoin('Kommunen', 'ska', new Vocabulary(['Kommunen ska'])) ).toBeNull();
  });
});

describe('characters', () => {
  it('spells out ligatures, makes odd spaces plain and drops soft hyphens', () => {
    expect(normaliseCharacters('ﬁnns\u00a0ﬂera\u2009e-\u00adtjänster\u200b')).toBe('finns flera e-tjänster');
    expect(normaliseCharacters('a\u030agor')).toBe('ågor');
  });
});

describe('running lines in text copied from a PDF', () => {
  it('removes "Sida 3 av 33" and a header repeated at page breaks, and keeps a number in the text', () => {
    const text = 'Ekby kommun – IT-plan\n\nFörsta sidans text.\n\nSida 1 av 2\nEkby kommun – IT-plan\n\nAndra sidans text om 12 system.\n12\n';
    const repairs: Repair[] = [];
    const lines = removeRunningLinesUnpaged(readText(text, false), repairs);
    expect(lines.map((l) => l.text)).toEqual(['Första sidans text.', 'Andra sidans text om 12 system.']);
    expect(repairs.map((r) => `${r.kind} ${r.before}`)).toEqual(['running-line Ekby kommun – IT-plan', 'page-number Sida 1 av 2', 'running-line Ekby kommun – IT-plan', 'page-number 12']);
  });
});

describe('facts as Swedish documents write them', () => {
  it('reads dates, money and status words, and nothing that is not plainly there', () => {
    expect(findDate('antagen 27 november 2023')).toBe('2023-11-27');
    expect(findDate('klart 2025-02-30')).toBeNull();
    expect(findDate('hösten 2026')).toBeNull();
    expect(findMoney('4,5\u00a0Mkr investering')).toMatchObject({ belopp: 4.5, enhet: 'Mkr', slag: 'investering' });
    expect(findMoney('12 000 kr')).toMatchObject({ belopp: 12000, enhet: 'kr' });
    expect(findMoney('5 miljoner kronor per år')).toMatchObject({ belopp: 5, enhet: 'Mkr' });
    expect(findMoney('400 tkr')?.slag).toBeUndefined();
    expect(readStatus('Pågående')).toBe('pågår');
    expect(readStatus('Genomförd')).toBe('klar');
    expect(readStatus('enligt plan')).toBeNull();
  });
});
