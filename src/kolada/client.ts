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

/**
 * The most bytes one response may have: 32 MiB. A real answer for one key figure and one municipality is a
 * few kilobytes (one value per year and gender); a page of Kolada's largest answers is well under 1 MiB.
 */
export const KOLADA_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
/** The most requests to Kolada at the same time. */
export const KOLADA_MAX_IN_FLIGHT = 6;

export interface KoladaOptions {
  baseUrl?: string;
  /** Milliseconds before a request (answer and body) is given up. */
  timeoutMs?: number;
  /** At most this many pages are followed (a guard against a server that never stops). */
  maxPages?: number;
  /** The most bytes one response may have (default KOLADA_MAX_RESPONSE_BYTES). */
  maxResponseBytes?: number;
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
    const body = await getJson(url, kpi, timeoutMs, options.maxResponseBytes ?? KOLADA_MAX_RESPONSE_BYTES);
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

async function getJson(url: string, kpi: string, timeoutMs: number, maxBytes: number): Promise<unknown> {
  const seconds = `${Math.round(timeoutMs / 100) / 10} s`.replace('.', ',');
  let response: Response;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') throw new KoladaError(`Kolada svarade inte inom ${seconds} för ${kpi}. Försök igen senare, eller ge mer tid med --timeout.`);
    throw new KoladaError(`Kunde inte nå Kolada för ${kpi} (${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}). Kontrollera nätverket.`);
  }
  if (response.status === 404) {
    await response.body?.cancel().catch(() => {});
    throw new KoladaError(`Kolada känner inte till ${kpi} (HTTP 404). Kontrollera kolada_kpi i indikatorn.`);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new KoladaError(`Kolada svarade med HTTP ${response.status} för ${kpi}. Försök igen senare.`);
  }
  const tooLarge = () =>
    new KoladaError(
      `Kolada svarade för ${kpi} med mer än ${formatBytes(maxBytes)}; ett svar för en indikator och kommun är några kB. Svaret lästes inte färdigt. Kontrollera adressen (--url) och försök igen senare.`,
    );
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += value.byteLength;
        if (received > maxBytes) {
          await reader.cancel().catch(() => {});
          throw tooLarge();
        }
        chunks.push(value);
      }
    }
  } catch (error) {
    if (error instanceof KoladaError) throw error;
    if (signal.aborted) throw new KoladaError(`Kolada skickade inte hela svaret för ${kpi} inom ${seconds} (${formatBytes(received)} mottaget). Försök igen senare, eller ge mer tid med --timeout.`);
    throw new KoladaError(`Anslutningen till Kolada bröts medan svaret för ${kpi} lästes (${formatBytes(received)} mottaget). Försök igen senare.`);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new KoladaError(`Kolada svarade för ${kpi} med något som inte är JSON. Försök igen senare.`);
  }
}

/** `1,5 MB`, `32 MB`, `812 byte`: a size for a message (MB here is MiB, as file managers show it). */
function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${String(Math.round((bytes / (1024 * 1024)) * 10) / 10).replace('.', ',')} MB`;
}

/**
 * Runs `task` over `items` with at most `limit` running at once; resolves with the results in the order of
 * `items`. A task that throws rejects the whole (tasks are expected to return their errors as values).
 */
export async function mapWithLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
