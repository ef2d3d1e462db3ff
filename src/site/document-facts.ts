// A policy's or plan's key facts as the site writes them: what the document gives, and "uppgift saknas" for what
// it does not. Nothing is made up and no line is left with an empty value. Pure: graph data in, Swedish text out.
import { formatYears } from '../graph/derive/document-years.js';
import type { DocumentYears } from '../graph/types.js';
import { formatDate } from './format.js';

/** What the site writes where a document does not give a fact. */
export const MISSING = 'uppgift saknas';

/** A key fact: a value, or missing (shown as "uppgift saknas"). */
export interface Fact {
  label: string;
  value: string | null | undefined;
  href?: string | null;
  /** True when the document does not give it: the site writes "uppgift saknas" instead of leaving the line out. */
  missing?: boolean;
}

/** `Kommunstyrelsen` + `2024-02-14` → `Kommunstyrelsen, 14 februari 2024`; a missing part is said, never left as an empty value. */
export function adoptionText(by: string | undefined, date: string | undefined): string {
  if (by !== undefined && date !== undefined) return `${by}, ${formatDate(date)}`;
  if (by !== undefined) return `${by}, datum saknas`;
  if (date !== undefined) return `${formatDate(date)}, beslutande organ saknas`;
  return MISSING;
}

/**
 * A document's years for the site: `2024–2027`, one year once (`2001`), and where they come from when the
 * documents do not give a period (`till och med 2004, härledd ur målåren`); null when they are unknown.
 */
export function yearsText(years: DocumentYears | undefined): string | null {
  if (years === undefined) return null;
  const span = formatYears(years);
  if (years.source === 'målår') return `${span} (härledd ur målåren)`;
  return span;
}
