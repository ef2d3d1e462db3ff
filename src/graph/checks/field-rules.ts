// Checks within one node's own fields: ends after starts, values inside scales, Kolada ids present.
import type { MessageSink } from '../../messages/report.js';
import { locate } from '../../parse/yaml-frontmatter.js';
import type { Draft } from '../collect-nodes.js';

/** Reports end-before-start, scale-out-of-range and a Kolada source without a KPI id. */
export function checkNodeFields(draft: Draft, sink: MessageSink): void {
  for (const [key, node] of draft.nodes) {
    const origin = draft.origins.get(key)!;
    const f = node.fields;
    const at = (path: (string | number)[]) => ({ file: origin.file.path, ...locate(origin.file.parsed, [...origin.path, ...path]) });
    if (node.type === 'policy') {
      const g = f['giltighet'] as { från: string; till: string };
      if (g.till < g.från) sink.report('end-before-start', `Giltigheten slutar (${g.till}) före den börjar (${g.från}). Byt plats på datumen eller rätta dem.`, at(['giltighet', 'till']));
    }
    if (node.type === 'plan') {
      const p = f['period'] as { från: number; till: number };
      if (p.till < p.från) sink.report('end-before-start', `Planperioden slutar (${p.till}) före den börjar (${p.från}). Rätta årtalen.`, at(['period', 'till']));
    }
    if (node.type === 'aktivitet') {
      const start = f['start'] as string | undefined;
      const slut = f['slut'] as string | undefined;
      if (start && slut && slut < start) sink.report('end-before-start', `Aktiviteten slutar (${slut}) före den börjar (${start}). Rätta start eller slut.`, at(['slut']));
    }
    if (node.type === 'indikator') {
      if (f['källa'] === 'kolada' && f['kolada_kpi'] === undefined) {
        sink.report('missing-key', 'Källan är kolada men "kolada_kpi" saknas. Lägg till Kolada-id:t, t.ex. kolada_kpi: N00945.', at(['källa']));
      }
      const skala = f['skala'] as { min: number; max: number } | undefined;
      if (skala) {
        if (skala.max < skala.min) {
          sink.report('end-before-start', `Skalans max (${skala.max}) är mindre än min (${skala.min}). Rätta skalan.`, at(['skala', 'max']));
        } else {
          for (const field of ['målvärden', 'utfall'] as const) {
            const values = (f[field] ?? {}) as Record<string, number>;
            for (const year of Object.keys(values).sort()) {
              const v = values[year]!;
              if (v < skala.min || v > skala.max) {
                sink.report('scale-out-of-range', `${field} ${year} är ${v}, utanför skalan ${skala.min}–${skala.max}. Rätta värdet.`, at([field, year]));
              }
            }
          }
        }
      }
    }
  }
}
