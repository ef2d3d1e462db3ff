// The indicator chart: target and outcome per year as an inline SVG, drawn at build time (no script).
// Target is a dashed line with hollow diamonds, outcome a solid line with filled circles, so the two differ
// in shape and line style, not only in colour. The numbers are always also in a table next to the chart.
import { quantities, quantity, type Unit } from '../words/units.js';
import { formatNumber } from './format.js';

export interface ChartPoint {
  year: number;
  target: number | null;
  actual: number | null;
  /** The year's earlier targets, oldest first, when the plan revised it (drawn and labelled as old → new). */
  earlierTargets?: readonly number[];
  /** The reference series' value that year (a national mean), when the indicator has one. */
  reference?: number | null;
}

export interface ChartOptions {
  /** Unique on the page: prefixes the ids of the title and description. */
  id: string;
  /** Accessible name, for example the indicator's title. */
  title: string;
  unit?: Unit | undefined;
  /** Fixed ends of the value axis (for a 1–4 scale); otherwise the axis runs from zero to the data. */
  min?: number;
  max?: number;
  /** The drawing's size in SVG units (default 420 × 250); the page scales it to its column, text with it. */
  width?: number;
  height?: number;
  /** The reference series' name (`Riket (medelvärde)`): drawn as a dotted line with hollow squares, in the legend's second row. */
  referenceLabel?: string;
}

const PAD = { top: 48, right: 34, bottom: 34, left: 50 };
const COLOR_TARGET = '#505a5f';
const COLOR_ACTUAL = '#1d5ea8';
const COLOR_REFERENCE = '#6f3c8f';

const r2 = (n: number) => String(Math.round(n * 100) / 100);

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** About five round tick values covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo === hi) {
    const pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
    lo -= pad;
    hi += pad;
  }
  const raw = (hi - lo) / Math.max(1, count - 1);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const start = Math.floor(lo / step + 1e-9) * step;
  const ticks: number[] = [];
  for (let v = start; v <= hi + step * 1e-9; v += step) ticks.push(Math.round(v / step) * step);
  if (ticks[ticks.length - 1]! < hi - 1e-9) ticks.push(ticks[ticks.length - 1]! + step);
  return ticks.map((t) => Math.round(t * 1e9) / 1e9);
}

/** The SVG text of the chart, or an empty string when there is no value at all. */
export function indicatorChartSvg(points: readonly ChartPoint[], options: ChartOptions): string {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const revised = sorted.filter((p) => p.target !== null && Number.isFinite(p.target) && (p.earlierTargets?.length ?? 0) > 0);
  const withReference = options.referenceLabel !== undefined && sorted.some((p) => p.reference !== undefined && p.reference !== null);
  const values = sorted.flatMap((p) => [p.target, p.actual, ...(withReference ? [p.reference ?? null] : []), ...(p.earlierTargets ?? [])]).filter((v): v is number => v !== null && Number.isFinite(v));
  if (sorted.length === 0 || values.length === 0) return '';
  // The value axis starts at zero (or at the scale's lowest step), so that a point's height above the axis is the
  // value itself and a small change is not drawn as a large one.
  const lo = Math.min(options.min ?? 0, ...values);
  let hi = Math.max(options.min ?? 0, ...values);
  if (options.max !== undefined) hi = Math.max(hi, options.max);
  const ticks = options.min !== undefined && options.max !== undefined && Number.isInteger(options.min) && Number.isInteger(options.max) && options.max - options.min <= 10
    ? Array.from({ length: options.max - options.min + 1 }, (_, i) => options.min! + i)
    : niceTicks(lo, hi);
  const yMin = Math.min(ticks[0]!, lo);
  const yMax = Math.max(ticks[ticks.length - 1]!, hi);
  const WIDTH = options.width ?? 420;
  const HEIGHT = options.height ?? 250;
  const plotW = WIDTH - PAD.left - PAD.right;
  // A reference series takes a second row of the legend above the plot.
  const top = PAD.top + (withReference ? 20 : 0);
  const plotH = HEIGHT - top - PAD.bottom;
  const years = sorted.map((p) => p.year);
  const firstYear = years[0]!;
  const lastYear = years[years.length - 1]!;
  const x = (year: number) => PAD.left + (lastYear === firstYear ? plotW / 2 : ((year - firstYear) / (lastYear - firstYear)) * plotW);
  const y = (v: number) => top + plotH - ((v - yMin) / (yMax - yMin || 1)) * plotH;

  const id = esc(options.id);
  const parts: string[] = [];
  parts.push(
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">${esc(options.title)}</title>`,
    `<desc id="${id}-desc">${esc(describe(sorted, options.unit, withReference ? options.referenceLabel : undefined))}</desc>`,
  );
  // Grid and value axis.
  for (const t of ticks) {
    const ty = r2(y(t));
    parts.push(`<line x1="${PAD.left}" y1="${ty}" x2="${WIDTH - PAD.right}" y2="${ty}" stroke="#d8dde0" stroke-width="1"/>`);
    parts.push(`<text x="${PAD.left - 8}" y="${r2(y(t) + 5)}" text-anchor="end" font-size="14" fill="#0b0c0c">${esc(formatNumber(t))}</text>`);
  }
  parts.push(`<line x1="${PAD.left}" y1="${top + plotH}" x2="${WIDTH - PAD.right}" y2="${top + plotH}" stroke="#0b0c0c" stroke-width="1"/>`);
  // Year axis.
  for (const year of years) {
    parts.push(`<text x="${r2(x(year))}" y="${HEIGHT - 10}" text-anchor="middle" font-size="14" fill="#0b0c0c">${year}</text>`);
  }
  // Series: lines broken where a value is missing.
  const line = (key: 'target' | 'actual' | 'reference', color: string, dash: string) => {
    let segment: string[] = [];
    const flush = () => {
      if (segment.length > 1) parts.push(`<polyline points="${segment.join(' ')}" fill="none" stroke="${color}" stroke-width="2.5"${dash}/>`);
      segment = [];
    };
    for (const p of sorted) {
      const v = p[key] ?? null;
      if (v === null || !Number.isFinite(v)) flush();
      else segment.push(`${r2(x(p.year))},${r2(y(v))}`);
    }
    flush();
  };
  if (withReference) line('reference', COLOR_REFERENCE, ' stroke-dasharray="2 4" stroke-linecap="round"');
  line('target', COLOR_TARGET, ' stroke-dasharray="6 4"');
  line('actual', COLOR_ACTUAL, '');
  for (const p of sorted) {
    if (withReference && p.reference !== undefined && p.reference !== null && Number.isFinite(p.reference)) {
      parts.push(`<rect x="${r2(x(p.year) - 4.5)}" y="${r2(y(p.reference) - 4.5)}" width="9" height="9" fill="#fff" stroke="${COLOR_REFERENCE}" stroke-width="2"/>`);
    }
    if (p.target !== null && Number.isFinite(p.target)) {
      const cx = x(p.year);
      const cy = y(p.target);
      parts.push(`<path d="M${r2(cx)} ${r2(cy - 6)}L${r2(cx + 6)} ${r2(cy)}L${r2(cx)} ${r2(cy + 6)}L${r2(cx - 6)} ${r2(cy)}Z" fill="#fff" stroke="${COLOR_TARGET}" stroke-width="2"/>`);
    }
    if (p.actual !== null && Number.isFinite(p.actual)) {
      parts.push(`<circle cx="${r2(x(p.year))}" cy="${r2(y(p.actual))}" r="4.5" fill="${COLOR_ACTUAL}"/>`);
    }
  }
  // A revised target: each earlier value as a small cross joined to the current target by a dotted line; its label
  // says old → new in numbers.
  for (const p of revised) {
    const cx = x(p.year);
    for (const v of p.earlierTargets!) {
      parts.push(`<line x1="${r2(cx)}" y1="${r2(y(v))}" x2="${r2(cx)}" y2="${r2(y(p.target!))}" stroke="${COLOR_TARGET}" stroke-width="1.5" stroke-dasharray="2 3"/>`);
      parts.push(`<path d="M${r2(cx - 4)} ${r2(y(v) - 4)}L${r2(cx + 4)} ${r2(y(v) + 4)}M${r2(cx - 4)} ${r2(y(v) + 4)}L${r2(cx + 4)} ${r2(y(v) - 4)}" stroke="${COLOR_TARGET}" stroke-width="2"/>`);
    }
  }
  // The latest outcome and the last target are labelled with their values, above their point or below it when the
  // other series is higher in that year; a white halo keeps the text readable over the lines.
  const withActual = sorted.filter((p) => p.actual !== null && Number.isFinite(p.actual));
  const withTarget = sorted.filter((p) => p.target !== null && Number.isFinite(p.target));
  const latestActual = withActual[withActual.length - 1];
  const lastTarget = withTarget[withTarget.length - 1];
  const label = (year: number, value: number, other: number | null, color: string, belowOnTie: boolean, earlier: readonly number[] = []) => {
    const below = other !== null && (other > value || (other === value && belowOnTie));
    const ty = y(value) + (below ? 22 : -12);
    const text = [...earlier.map((v) => formatNumber(v)), quantity(value, options.unit)].join(' → ');
    // A long label at the last year ends at its point, so that it stays inside the drawing.
    const anchor = earlier.length > 0 && year === lastYear ? `x="${r2(x(year) + 8)}" text-anchor="end"` : `x="${r2(x(year))}" text-anchor="middle"`;
    parts.push(`<text ${anchor} y="${r2(ty)}" font-size="14" font-weight="bold" fill="${color}" stroke="#fff" stroke-width="4" paint-order="stroke">${esc(text)}</text>`);
  };
  if (latestActual) label(latestActual.year, latestActual.actual!, latestActual.target, COLOR_ACTUAL, false);
  if (lastTarget) label(lastTarget.year, lastTarget.target!, lastTarget.actual, COLOR_TARGET, true, lastTarget.earlierTargets);
  for (const p of revised) if (p !== lastTarget) label(p.year, p.target!, p.actual, COLOR_TARGET, true, p.earlierTargets);
  // Legend: line style and marker as well as colour.
  parts.push(
    `<g font-size="14" fill="#0b0c0c">`,
    `<line x1="${PAD.left}" y1="16" x2="${PAD.left + 28}" y2="16" stroke="${COLOR_ACTUAL}" stroke-width="2.5"/>`,
    `<circle cx="${PAD.left + 14}" cy="16" r="4.5" fill="${COLOR_ACTUAL}"/>`,
    `<text x="${PAD.left + 36}" y="21">Utfall</text>`,
    `<line x1="${PAD.left + 110}" y1="16" x2="${PAD.left + 138}" y2="16" stroke="${COLOR_TARGET}" stroke-width="2.5" stroke-dasharray="6 4"/>`,
    `<path d="M${PAD.left + 124} 10L${PAD.left + 130} 16L${PAD.left + 124} 22L${PAD.left + 118} 16Z" fill="#fff" stroke="${COLOR_TARGET}" stroke-width="2"/>`,
    `<text x="${PAD.left + 146}" y="21">Målvärde</text>`,
    ...(withReference
      ? [
          `<line x1="${PAD.left}" y1="38" x2="${PAD.left + 28}" y2="38" stroke="${COLOR_REFERENCE}" stroke-width="2.5" stroke-dasharray="2 4" stroke-linecap="round"/>`,
          `<rect x="${PAD.left + 9.5}" y="33.5" width="9" height="9" fill="#fff" stroke="${COLOR_REFERENCE}" stroke-width="2"/>`,
          `<text x="${PAD.left + 36}" y="43">${esc(options.referenceLabel!)}</text>`,
        ]
      : []),
    `</g>`,
  );
  parts.push('</svg>');
  return parts.join('');
}

/** A short text alternative; the full numbers are in the table beside the chart. */
function describe(points: readonly ChartPoint[], unit: Unit | undefined, referenceLabel?: string): string {
  const first = points[0]!.year;
  const last = points[points.length - 1]!.year;
  const withActual = points.filter((p) => p.actual !== null);
  const latest = withActual[withActual.length - 1];
  const latestText = latest ? ` Senaste utfall ${latest.year}: ${quantity(latest.actual!, unit)}${latest.target !== null ? ` mot målvärdet ${quantity(latest.target, unit)}` : ''}.` : ' Inget utfall ännu.';
  const revisedText = points
    .filter((p) => p.target !== null && (p.earlierTargets?.length ?? 0) > 0)
    .map((p) => ` ${revisionSentence(p.year, p.earlierTargets!, p.target!, unit)}`)
    .join('');
  const withReference = referenceLabel !== undefined ? points.filter((p) => p.reference !== undefined && p.reference !== null) : [];
  const latestReference = withReference[withReference.length - 1];
  const referenceText = latestReference ? ` ${referenceLabel} ${latestReference.year}: ${quantity(latestReference.reference!, unit)}.` : '';
  return `Linjediagram med målvärde${latestReference ? ', utfall och jämförelse' : ' och utfall'} per år ${first === last ? first : `${first}–${last}`}.${latestText}${referenceText}${revisedText} Alla värden finns i tabellen.`;
}

/**
 * A revised target in words: `Målvärdet för 2027 har höjts från 90 % till 95 %.` (`sänkts` when lowered); revised
 * more than once, `har ändrats från 85 % via 90 % till 95 %`.
 */
export function revisionSentence(year: number, earlier: readonly number[], current: number, unit: Unit | undefined): string {
  const last = earlier[earlier.length - 1]!;
  const verb = earlier.length > 1 ? 'ändrats' : current > last ? 'höjts' : 'sänkts';
  const via = earlier.slice(1).map((v) => ` via ${quantity(v, unit)}`).join('');
  return `Målvärdet för ${year} har ${verb} från ${quantity(earlier[0]!, unit)}${via} till ${quantity(current, unit)}.`;
}

/**
 * A sparkline: an indicator's outcomes over the years as a small inline SVG (96 × 24 units, no script), the value
 * axis from zero (or the scale's lowest step) so that the line's height is the value itself, the latest outcome
 * as a dot. Hidden from screen readers (`aria-hidden`): `sparklineText` gives the same series in words, to be
 * shown next to it. An empty string with fewer than two outcomes, where there is no trend to draw.
 */
export function sparklineSvg(points: readonly ChartPoint[], options: { min?: number; max?: number } = {}): string {
  const series = [...points].sort((a, b) => a.year - b.year).filter((p) => p.actual !== null && Number.isFinite(p.actual));
  if (series.length < 2) return '';
  const values = series.map((p) => p.actual!);
  const lo = Math.min(options.min ?? 0, ...values);
  const hi = Math.max(options.max ?? Number.NEGATIVE_INFINITY, options.min ?? 0, ...values);
  const W = 96;
  const H = 24;
  const first = series[0]!.year;
  const last = series[series.length - 1]!.year;
  const x = (year: number) => 3 + ((year - first) / (last - first)) * (W - 6);
  const y = (v: number) => H - 3 - ((v - lo) / (hi - lo || 1)) * (H - 6);
  const line = series.map((p) => `${r2(x(p.year))},${r2(y(p.actual!))}`).join(' ');
  const end = series[series.length - 1]!;
  return [
    `<svg class="sparkline" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">`,
    `<line x1="0" y1="${r2(y(lo))}" x2="${W}" y2="${r2(y(lo))}" stroke="#6f777b" stroke-width="1"/>`,
    `<polyline points="${line}" fill="none" stroke="${COLOR_ACTUAL}" stroke-width="2"/>`,
    `<circle cx="${r2(x(end.year))}" cy="${r2(y(end.actual!))}" r="2.5" fill="${COLOR_ACTUAL}"/>`,
    '</svg>',
  ].join('');
}

/** The sparkline's text equivalent: `Utfall 2023–2026: 41, 52, 61 och 82 %`; empty when there is no sparkline. */
export function sparklineText(points: readonly ChartPoint[], unit: Unit | undefined): string {
  const series = [...points].sort((a, b) => a.year - b.year).filter((p) => p.actual !== null && Number.isFinite(p.actual));
  if (series.length < 2) return '';
  return `Utfall ${series[0]!.year}–${series[series.length - 1]!.year}: ${quantities(series.map((p) => p.actual!), unit)}`;
}
