// URL segments and folder names made from ids and names: lowercase ASCII letters, digits and dashes, plus
// the public address scheme of ids, which depends on the id alone (see site/README.md, "Pages and addresses").

const SPECIAL: Record<string, string> = { æ: 'ae', ø: 'o', ß: 'ss', đ: 'd', ł: 'l', þ: 'th', ð: 'd', œ: 'oe' };

/**
 * A URL segment or folder name for `text`: diacritics removed (å, ä → a; ö → o), lowercased, every run of
 * other characters turned into one dash, no dash first or last. `FO2.3` → `fo2-3`. Empty input gives
 * `fallback`. Different texts can give the same slug: for public addresses use {@link nodeAddress} and
 * {@link documentAddress}.
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

/** Node ids written the usual way: upper-case A–Z and digits in parts joined by single dots (`FO2.3`, `A01`). */
const PLAIN_NODE_ID = /^[A-Z0-9]+(?:\.[A-Z0-9]+)*$/;
/** Document and organisation ids written the usual way: lower-case a–z and digits joined by single dashes (`ekby-it-policy`). */
const PLAIN_DOCUMENT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The URL segment of a node's page (goal, focus area, action, indicator, principle, area) within its
 * document and type, from its id alone. An id written the usual way (`PLAIN_NODE_ID`) gets its readable
 * form, lower-cased with dots as dashes: `FO2.3` → `fo2-3`, `A01` → `a01`. Any other id gets
 * {@link encodedAddress}: `Å1` → `a1_c38531`, `FO-2.3` → `fo-2-3_464f2d322e33`, `m1` → `m1_6d31`.
 * Different ids always get different segments, so adding or removing a node never moves another.
 */
export function nodeAddress(id: string): string {
  return PLAIN_NODE_ID.test(id) ? id.toLowerCase().replaceAll('.', '-') : encodedAddress(id);
}

/**
 * The URL segment of a policy's, plan's or organisation's pages, from its id alone: an id written the
 * usual way (`PLAIN_DOCUMENT_ID`) and not one of the site's own top-level segments (`reserved`) is used
 * as it is (`ekby-digplan-2024-2027`); any other id gets {@link encodedAddress} (`Älvdalen` →
 * `alvdalen_c3846c7664616c656e`, `sok` → `sok_736f6b` when `sok` is reserved).
 */
export function documentAddress(id: string, reserved: ReadonlySet<string> = new Set()): string {
  return PLAIN_DOCUMENT_ID.test(id) && !reserved.has(id) ? id : encodedAddress(id);
}

/**
 * The address of an id that is not written the usual way: its {@link slugify} form (for the reader), `_`,
 * and the id's UTF-8 bytes in lower-case hex (which says exactly which id it is). No readable address has
 * `_`, and the hex differs whenever the ids differ, so it collides with no other id's address.
 */
export function encodedAddress(id: string): string {
  return `${slugify(id, 'id')}_${Buffer.from(id, 'utf8').toString('hex')}`;
}

/**
 * Unique slugs for free-text names (an owner's `ansvarig`), many at once. Keys are taken in sorted order, so
 * the result never depends on the order they were given in; the first key to want a slug gets it, later ones
 * get `-2`, `-3`, …; slugs in `reserved` are never handed out. Not for ids: their addresses depend on the id
 * alone ({@link nodeAddress}, {@link documentAddress}).
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
