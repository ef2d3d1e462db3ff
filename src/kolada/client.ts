// A small client for Kolada's open API (v2): key figure values per municipality and year, with timeouts and clear errors.
import { z } from 'zod';

/** Kolada's public API; tests and mirrors pass another base URL. */
export const KOLADA_BASE_URL = 'https://api.kolada.se/v2';

const valueSchema = z.object({
  gender: z.string(),
  value: z.number().nullable(),
  status: z.string().nullable().optional(),
  count: z.number().optional(),
});
const entrySchema = z.object({
  kpi: z.string(),
  municipality: z.string(),
  period: z.union([z.number(), z.string()]),
  values: z.array(valueSchema),
});
const responseSchema = z.object({
  count: z.number().optional(),
  values: z.array(entrySchema),
  next_page: z.string().nullable().optional(),
});

export interface KoladaOptions {
  baseUrl?: string;
  /** Milliseconds before a request is given up. */
  timeoutMs?: number;
  /** At most this many pages are followed (a guard against a server that never stops). */
  maxPages?: number;
}

/** A failed fetch, with a Swedish message that says what went wrong and what to do. */
export class KoladaError extends Error {}

/** Total (gender T) values of `kpi` for `municipality`, by year; throws KoladaError with a clear message on any failure. */
export async function fetchKpiValues(kpi: string, municipality: string, options: KoladaOptions = {}): Promise<Map<number, number>> {
  const base = (options.baseUrl ?? KOLADA_BASE_URL).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  let url: string | null = `${base}/data/kpi/${encodeURIComponent(kpi)}/municipality/${encodeURIComponent(municipality)}`;
  const values = new Map<number, number>();
  for (let page = 0; url !== null; page++) {
    if (page >= (options.maxPages ?? 20)) throw new KoladaError(`Kolada gav fler än ${options.maxPages ?? 20} sidor för ${kpi}; avbryter.`);
    const body = await getJson(url, kpi, timeoutMs);
    const parsed = responseSchema.safeParse(body);
    if (!parsed.success) throw new KoladaError(`Kolada svarade för ${kpi} med data av oväntad form (${parsed.error.issues[0]?.path.join('.') || 'rot'}). Försök igen senare eller kontrollera adressen.`);
    for (const entry of parsed.data.values) {
      if (entry.kpi !== kpi || entry.municipality !== municipality) continue;
      const total = entry.values.find((v) => v.gender === 'T');
      const year = Number(entry.period);
      if (total && total.value !== null && Number.isInteger(year)) values.set(year, total.value);
    }
    url = parsed.data.next_page ?? null;
  }
  return values;
}

async function getJson(url: string, kpi: string, timeoutMs: number): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') throw new KoladaError(`Kolada svarade inte inom ${Math.round(timeoutMs / 1000)} s för ${kpi}. Försök igen senare.`);
    throw new KoladaError(`Kunde inte nå Kolada för ${kpi} (${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}). Kontrollera nätverket.`);
  }
  if (response.status === 404) throw new KoladaError(`Kolada känner inte till ${kpi} (HTTP 404). Kontrollera kolada_kpi i indikatorn.`);
  if (!response.ok) throw new KoladaError(`Kolada svarade med HTTP ${response.status} för ${kpi}. Försök igen senare.`);
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw new KoladaError(`Kolada svarade inte inom ${Math.round(timeoutMs / 1000)} s för ${kpi}. Försök igen senare.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new KoladaError(`Kolada svarade för ${kpi} med något som inte är JSON. Försök igen senare.`);
  }
}
