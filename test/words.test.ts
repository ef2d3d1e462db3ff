// The interface's Swedish words: counted nouns, adjectives that agree with the noun's gender and the count,
// number words, lists, node types' names and articles.
import { describe, expect, it } from 'vitest';
import { ADJECTIVES, NOUNS, agree, capitalise, counted, countedWith, definite, joinSwedish, numberWord } from '../src/words/agreement.js';
import { NODE_WORDS, TYPE_LABEL, countedAdjective, withArticle } from '../src/words/nodes.js';
import { UI, t } from '../src/words/ui.js';

describe('agreement', () => {
  it('counts a noun in the singular for one and the plural otherwise, zero too', () => {
    expect([0, 1, 2].map((n) => counted(n, NODE_WORDS.aktivitet))).toEqual(['0 aktiviteter', '1 aktivitet', '2 aktiviteter']);
    expect(counted(3, NODE_WORDS.mål)).toBe('3 mål');
    expect(counted(1, NOUNS.uppföljning)).toBe('1 uppföljning');
  });

  it('makes an adjective agree with the count and the gender of the noun: 1 klar, 5 klara, 1 uppfyllt mål, 3 uppfyllda mål', () => {
    expect(countedWith(1, ADJECTIVES.klar)).toBe('1 klar');
    expect(countedWith(5, ADJECTIVES.klar)).toBe('5 klara');
    expect(countedWith(1, ADJECTIVES.uppfylld, NODE_WORDS.mål)).toBe('1 uppfyllt mål');
    expect(countedWith(3, ADJECTIVES.uppfylld, NODE_WORDS.mål)).toBe('3 uppfyllda mål');
    expect(countedWith(1, ADJECTIVES.försenad, NODE_WORDS.aktivitet)).toBe('1 försenad aktivitet');
    expect(countedWith(1, ADJECTIVES.ny, NODE_WORDS.fokusområde)).toBe('1 nytt fokusområde');
    expect(agree(ADJECTIVES.försenad, 0)).toBe('försenade');
  });

  it('writes small numbers as words, lists with och, and capitals first', () => {
    expect([0, 1, 2, 10, 11].map(numberWord)).toEqual(['ingen', 'en', 'två', 'tio', '11']);
    expect([[], ['a'], ['a', 'b'], ['a', 'b', 'c']].map(joinSwedish)).toEqual(['', 'a', 'a och b', 'a, b och c']);
    expect(capitalise('ändrad')).toBe('Ändrad');
  });
});

describe('node words', () => {
  it('give each type its article and its agreeing adjectives', () => {
    expect(['område', 'mål', 'aktivitet', 'policy', 'uppföljning'].map((t) => withArticle(t as 'mål'))).toEqual(['ett område', 'ett mål', 'en aktivitet', 'en policy', 'en uppföljning']);
    expect(countedAdjective('ny', 'mål', 1)).toBe('nytt mål');
    expect(countedAdjective('borttagen', 'aktivitet', 1)).toBe('borttagen aktivitet');
    expect(countedAdjective('ändrad', 'fokusområde', 2)).toBe('ändrade fokusområden');
    expect(TYPE_LABEL.plan).toBe('Strategisk plan');
  });
});

describe('definite forms', () => {
  it('give each node type its definite singular, as "hör inte längre till målet" needs', () => {
    const forms = Object.fromEntries(Object.entries(NODE_WORDS).map(([type, noun]) => [type, definite(noun)]));
    expect(forms).toEqual({
      organisation: 'organisationen',
      policy: 'policyn',
      område: 'området',
      styrprincip: 'styrprincipen',
      underpunkt: 'delpunkten',
      effektmål: 'effektmålet',
      framgångsfaktor: 'den kritiska framgångsfaktorn',
      plan: 'planen',
      mål: 'målet',
      fokusområde: 'fokusområdet',
      aktivitet: 'aktiviteten',
      indikator: 'indikatorn',
    });
  });
});

describe('interface strings', () => {
  it('are all written, and t() gives them by key', () => {
    expect(Object.entries(UI).filter(([, v]) => v.trim() === '')).toEqual([]);
    expect(t('skipLink.label')).toBe('Hoppa till innehållet');
  });
});
