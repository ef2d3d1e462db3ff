// The open data files of the site: the graph as JSON and its nodes, links, follow-ups, action status per
// period and indicator values as CSV (see csv.ts for the format and why). Same graph, same bytes.
import { anyFields } from '../graph/node-fields.js';
import { graphToJson } from '../graph/to-json.js';
import type { EdgeType } from '../graph/types.js';
import { toCsv, type CsvCell } from './csv.js';
import { statedBudgets } from '../graph/budgets.js';
import { readBudget } from './format.js';
import { TYPE_LABEL_PLURAL } from '../words/nodes.js';
import { joinSwedish } from '../words/agreement.js';
import type { SiteModel } from './model.js';

export interface OpenDataFile {
  /** File name under the data folder. */
  name: string;
  title: string;
  description: string;
  format: 'JSON' | 'CSV';
  mediaType: string;
  content: string;
}

export const EDGE_LABEL: Record<EdgeType, string> = {
  'belongs-to': 'tillhör',
  implements: 'genomför',
  replaces: 'ersätter',
  'part-of': 'ingår i',
  realises: 'förverkligar',
  'contributes-to': 'bidrar till',
  'depends-on': 'är beroende av',
  measures: 'mäter',
  'member-of': 'ingår i gruppen',
  serves: 'bidrar till effektmålet',
  'relies-on': 'förutsätter',
};

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** Every open data file, in the order the page lists them. `siteAddress` makes page links absolute. */
export function openDataFiles(model: SiteModel, siteAddress: string | null = null): OpenDataFile[] {
  const g = model.graph;
  const pageUrl = (key: string): string | null => {
    const path = model.pathOf(key);
    if (path === undefined) return null;
    const local = model.href(path);
    // The address is the site's own (with its base path), the local path starts from the host's root.
    return siteAddress ? new URL(local, siteAddress).href : local;
  };

  const nodes = toCsv(
    ['nyckel', 'typ', 'id', 'titel', 'dokument', 'plan', 'organisationer', 'webbadress', 'ansvarig', 'start', 'slut', 'målår', 'status', 'försenad', 'bedömning', 'prognos', 'period', 'budget_belopp', 'budget_enhet', 'budget_slag', 'budget_år', 'enhet', 'riktning', 'källa', 'kolada_kpi', 'diarienummer', 'källfil', 'rad', 'text'],
    g.nodes.map((n): CsvCell[] => {
      const f = anyFields(n);
      const action = n.type === 'aktivitet' ? model.latestActionState(n) : null;
      const assessed = n.type === 'mål' || n.type === 'fokusområde' || n.type === 'styrprincip' ? model.latestAssessment(n) : null;
      const budget = readBudget(f.budget);
      return [
        n.key,
        n.type,
        n.id,
        n.title,
        n.document,
        n.plan,
        n.organisations.join(', '),
        pageUrl(n.key),
        str(f.ansvarig),
        str(f.start),
        str(f.slut),
        num(f.målår),
        action?.status ?? null,
        action ? action.overdue : null,
        assessed?.assessment ?? null,
        assessed?.forecast ?? null,
        action?.period ?? assessed?.period ?? null,
        budget?.belopp ?? null,
        budget?.enhet ?? null,
        budget?.slag ?? null,
        budget?.år ?? null,
        str(f.enhet),
        str(f.riktning),
        str(f.källa),
        str(f.kolada_kpi),
        str(f.diarienummer),
        n.source.file,
        n.source.line,
        n.body,
      ];
    }),
  );

  const links = toCsv(
    ['från', 'till', 'typ', 'betydelse', 'från_typ', 'till_typ'],
    g.edges.map((e) => [e.from, e.to, e.type, EDGE_LABEL[e.type] ?? e.type, model.node(e.from)?.type ?? null, model.node(e.to)?.type ?? null]),
  );

  const followUps = toCsv(
    ['nod', 'typ', 'titel', 'period', 'bedömning', 'prognos', 'status', 'utfall', 'författare', 'datum', 'källfil', 'rad', 'kommentar'],
    g.followUps.map((f) => {
      const n = model.node(f.node);
      return [f.node, n?.type ?? null, n?.title ?? null, f.period, f.assessment, f.forecast, f.status, f.value, f.author, f.date, f.source.file, f.source.line, f.body];
    }),
  );

  const actionStatus = toCsv(
    ['aktivitet', 'titel', 'period', 'status', 'försenad'],
    g.derived.actionStatus.map((s) => [s.node, model.node(s.node)?.title ?? null, s.period, s.status, s.overdue]),
  );

  const indicatorValues = toCsv(
    ['indikator', 'titel', 'enhet', 'riktning', 'år', 'målvärde', 'utfall', 'förändring', 'trend', 'målet_nått', 'beräknad'],
    g.derived.indicators.flatMap((s) => {
      const n = model.index.nodeOf(s.node, 'indikator');
      return s.points.map((p) => [s.node, n?.title ?? null, n?.fields.enhet ?? null, n?.fields.riktning ?? null, p.year, p.target, p.actual, p.change, p.trend, p.targetMet, s.computed]);
    }),
  );

  // Money as the plans state it: one row per node, budget and year (a budget without a year is one row with no
  // year), the amount as written (a range as från and till, one amount as both), in the unit written.
  const budgets = toCsv(
    ['nod', 'typ', 'id', 'titel', 'år', 'belopp_från', 'belopp_till', 'enhet', 'slag', 'läge'],
    g.nodes.flatMap((n) =>
      statedBudgets(n.fields).flatMap((b) => b.amounts.map((a): CsvCell[] => [n.key, n.type, n.id, n.title, a.year, a.low, a.high, b.unit, b.kind, b.stage])),
    ),
  );

  const present = new Set(g.nodes.map((n) => n.type));
  const types = (Object.keys(TYPE_LABEL_PLURAL) as (keyof typeof TYPE_LABEL_PLURAL)[])
    .filter((t) => present.has(t))
    .map((t) => TYPE_LABEL_PLURAL[t].toLowerCase());
  return [
    {
      name: 'graf.json',
      title: 'Allt i en fil',
      description: `Allt i planerna i en fil för program: ${joinSwedish(types)}, hur de hänger ihop, uppföljningarna och det som räknas fram ur dem (status per period, sammanställningar, indikatorernas värden). Samma format som kommandot sparbar graph.`,
      format: 'JSON',
      mediaType: 'application/json',
      content: graphToJson(g),
    },
    { name: 'noder.csv', title: 'Planernas delar', description: `En rad för varje del (${joinSwedish(types)}) med titel, ansvarig, datum, budget, senaste status eller bedömning, webbadress och text.`, format: 'CSV', mediaType: 'text/csv', content: nodes },
    { name: 'lankar.csv', title: 'Hur delarna hänger ihop', description: 'En rad för varje samband mellan två delar, till exempel att en aktivitet bidrar till ett fokusområde, med sambandets typ och betydelse på svenska.', format: 'CSV', mediaType: 'text/csv', content: links },
    { name: 'uppfoljningar.csv', title: 'Uppföljningar', description: 'En rad per uppföljning: period, bedömning, prognos, status, utfall, författare, datum och kommentar.', format: 'CSV', mediaType: 'text/csv', content: followUps },
    { name: 'aktivitetsstatus.csv', title: 'Aktiviteternas status per period', description: 'Gällande status för varje aktivitet i varje uppföljningsperiod, även när ingen ny uppföljning skrevs, och om den är försenad.', format: 'CSV', mediaType: 'text/csv', content: actionStatus },
    { name: 'budgetar.csv', title: 'Budgetar', description: 'En rad per budget och år för aktiviteter, fokusområden och mål: beloppet som planen skriver det (ett spann som från och till), enhet (kr, tkr eller Mkr), slag (investering eller drift) och läge (begärd eller beviljad) när planen anger dem.', format: 'CSV', mediaType: 'text/csv', content: budgets },
    { name: 'indikatorvarden.csv', title: 'Indikatorernas värden', description: 'Målvärde, utfall, förändring och trend per indikator och år.', format: 'CSV', mediaType: 'text/csv', content: indicatorValues },
  ];
}
