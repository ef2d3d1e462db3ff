// Text as the site publishes it: without the direction controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
// U+061C) that `sparbar check` reports as bidi-control. A plan that lowers the rule still never shows a title in an
// order other than the one it is written in: every string of the graph and the configuration handed to the site is
// stripped once (titles, headings, texts, the search index, open data in CSV and JSON), and each markdown text is
// stripped before it is parsed (src/site/markdown.ts). Stripping rather than isolating with <bdi>: Swedish plan text
// needs none of them, and a CSV cell or a <title> has no markup to isolate with.
import { stripBidiControls } from '../files/characters.js';

/**
 * `value` with every string in it (at any depth, in arrays and plain objects; keys too) stripped of direction
 * controls. Returns `value` itself when nothing had any, else a copy; never changes `value`.
 */
export function withoutBidiControls<T>(value: T): T {
  return strip(value) as T;
}

function strip(value: unknown): unknown {
  if (typeof value === 'string') return stripBidiControls(value);
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const next = strip(value[i]);
      if (next !== value[i]) (copy ??= value.slice())[i] = next;
    }
    return copy ?? value;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    let copy: Record<string, unknown> | undefined;
    const entries = Object.entries(value);
    for (const [key, item] of entries) {
      const k = stripBidiControls(key);
      const next = strip(item);
      if (next !== item || k !== key) {
        copy ??= Object.fromEntries(entries);
        if (k !== key) delete copy[key];
        copy[k] = next;
      }
    }
    return copy ?? value;
  }
  return value;
}
