// The printed report's running head and foot (src/site/print-css.ts): @page margin boxes with the document's
// title, its plan and "Sida N av M", and plan text that can never leave its CSS string.
import { describe, expect, it } from 'vitest';
import { cssString, printRunningHeadCss } from '../../src/site/print-css.js';

describe('cssString', () => {
  it('quotes text, escaping quotes, backslashes, line breaks and the characters that could end a style element', () => {
    expect(cssString('Uppföljning augusti 2026')).toBe('"Uppföljning augusti 2026"');
    expect(cssString('Plan "2024–2027"')).toBe('"Plan \\"2024–2027\\""');
    expect(cssString('a\\b')).toBe('"a\\\\b"');
    expect(cssString('rad ett\nrad två')).toBe('"rad ett\\a rad två"');
    expect(cssString('</style><script>')).toBe('"\\3c /style\\3e \\3c script\\3e "');
  });
});

describe('printRunningHeadCss', () => {
  const css = printRunningHeadCss('Uppföljning augusti 2026', 'Ekby kommun · Strategisk plan för digitalisering 2024–2027');

  it('puts the title at the top left, the plan at the bottom left and the page number of the count at the bottom right, for print only', () => {
    expect(css.startsWith('@media print {\n  @page {')).toBe(true);
    expect(css).toMatch(/@top-left \{ content: "Uppföljning augusti 2026";/);
    expect(css).toMatch(/@bottom-left \{ content: "Ekby kommun · Strategisk plan för digitalisering 2024–2027";/);
    expect(css).toMatch(/@bottom-right \{ content: "Sida " counter\(page\) " av " counter\(pages\);/);
  });

  it('keeps each box on one declaration block, so a title with braces or semicolons stays inside its string', () => {
    const hostile = printRunningHeadCss('a"; } body { display: none', 'b');
    expect(hostile).toContain('@top-left { content: "a\\"; } body { display: none";');
    // Outside its strings the rule has its five blocks only: @media, @page and the three boxes.
    const outside = hostile.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    expect(outside.match(/\{/g)).toHaveLength(5);
    expect(outside.match(/\}/g)).toHaveLength(5);
  });
});
