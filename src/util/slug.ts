// Stable, readable URL segments from ids and names: lowercase ASCII letters, digits and dashes.

const SPECIAL: Record<string, string> = { æ: 'ae', ø: 'o', ß: 'ss', đ: 'd', ł: 'l', þ: 'th', ð: 'd', œ: 'oe' };

/**
 * A URL segment for `text`: diacritics removed (å, ä → a; ö → o), lowercased, every run of other
 * characters turned into one dash, no dash first or last. `FO2.3` → `fo2-3`. Empty input gives `fallback`.
 */
export function slugify(text: string, fallback = 'sida'): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[æøßđłþðœ]/g, (c) => SPECIAL[c] ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? fallback : slug;
}

/**
 * Unique slugs for many keys at once. Keys are taken in sorted order, so the result never depends on the
 * order they were given in; the first key to want a slug gets it, later ones get `-2`, `-3`, …; slugs in
 * `reserved` are never handed out.
 */
export function assignSlugs(entries: readonly { key: string; text: string }[], reserved: Iterable<string> = []): Map<string, string> {
  const taken = new Set(reserved);
  const result = new Map<string, string>();
  const sorted = [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { key, text } of sorted) {
    if (result.has(key)) continue;
    const wanted = slugify(text);
    let slug = wanted;
    for (let n = 2; taken.has(slug); n++) slug = `${wanted}-${n}`;
    taken.add(slug);
    result.set(key, slug);
  }
  return result;
}
