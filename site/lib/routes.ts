// The site's routes, in the spirit of Astro Starlight's route data: for each kind of page, its addresses (what
// getStaticPaths returns) and the typed data its pages read, in one place. A page file names its route and
// reads its data; nothing else in it knows how the addresses are made or what its props are:
//
//   import { goalRoute } from '@site/lib/routes';
//   export const getStaticPaths = goalRoute.paths;
//   const { model, node: goal } = goalRoute.data(Astro);
//
// A page without parameters reads `pageData()`. A new kind of page is a new route here (`defineRoute`).
import { readFileSync } from 'node:fs';
import type { NodeType } from '@src/graph/types.js';
import type { SiteModel, Unit } from '@src/site/model.js';
import { openDataFiles } from '@src/site/open-data.js';
import { DCAT_FILE, dcatCatalogue, type DistributionFile } from '@src/site/dcat.js';
import { pairSlug, periodPairs } from '@src/site/follow-up-addresses.js';
import type { SiteConfig } from '@src/site/site-config.js';
import { graphSchemaPath, site, type Site } from './data';
import { adoption, planLastChanged } from './history';

/** What every page reads: the site (model, configuration, markdown renderer). */
export interface PageData {
  site: Site;
  model: SiteModel;
  config: SiteConfig;
}

/** One kind of page: every page's parameters and the data the page reads. */
export interface Route<Params extends Record<string, string>, Data extends object> {
  /** Every page of the route: `export const getStaticPaths = route.paths`. */
  paths: () => { params: Params; props: Data }[];
  /** The data of the page being rendered (`route.data(Astro)`): what `paths` gave it, and the site. */
  data: (astro: { props: unknown }) => PageData & Data;
}

/** The site, for a page without parameters (the start page, the listing, search, …). */
export function pageData(): PageData {
  const s = site();
  return { site: s, model: s.model, config: s.config };
}

/** A route made from the list of its pages: each page's parameters and its data. */
export function defineRoute<Params extends Record<string, string>, Data extends object>(pages: (page: PageData) => { params: Params; data: Data }[]): Route<Params, Data> {
  return {
    paths: () => pages(pageData()).map((p) => ({ params: p.params, props: p.data })),
    // The props are what `paths` made for this page: the one place a page's props are read.
    data: (astro) => ({ ...pageData(), ...(astro.props as Data) }),
  };
}

/** One page per node of `type` that has a page: `/<document>/<type>/<id>/`, the node as `node`. */
function nodeRoute<T extends NodeType>(type: T) {
  return defineRoute(({ model }) =>
    model
      .ofType(type)
      .filter((n) => n.document !== null && model.pathOf(n.key) !== undefined)
      .map((node) => ({ params: { doc: model.docSlug(node.document!), id: model.nodeSlug(node.key) }, data: { node } })),
  );
}

/** `/<plan>/…` and `/<policy>/…`: a plan's or a policy's own page, the document as `doc`. */
export const documentRoute = defineRoute(({ model }) =>
  [...model.ofType('policy'), ...model.ofType('plan')].map((doc) => ({ params: { doc: model.docSlug(doc.key) }, data: { doc } })),
);

/** `/<plan>/<section>/`: a page of each plan's section (goals, actions, follow-up, …), the plan as `plan`. */
export const planRoute = defineRoute(({ model }) => model.ofType('plan').map((plan) => ({ params: { doc: model.docSlug(plan.key) }, data: { plan } })));

/** `/<plan>/andringar/`: "Ändringar sedan antagandet" of each plan whose adopted version is set (sparbar.config.json), as `plan`. */
export const sinceAdoptionRoute = defineRoute(({ model }) =>
  model
    .ofType('plan')
    .filter((plan) => adoption(plan.key).state !== 'not-configured')
    .map((plan) => ({ params: { doc: model.docSlug(plan.key) }, data: { plan } })),
);

/** `/<policy>/<section>/`: a page of each policy's section (areas, principles), the policy as `policy`. */
export const policyRoute = defineRoute(({ model }) => model.ofType('policy').map((policy) => ({ params: { doc: model.docSlug(policy.key) }, data: { policy } })));

/** `/<policy>/styrprincip/`: only for a policy that has principles (a policy of areas and goals has no such list). */
export const policyPrinciplesRoute = defineRoute(({ model }) =>
  model
    .ofType('policy')
    .filter((policy) => model.principlesOfPolicy(policy.key).length > 0)
    .map((policy) => ({ params: { doc: model.docSlug(policy.key) }, data: { policy } })),
);

/** `/<policy>/omrade/`: only for a policy that has areas. */
export const policyAreasRoute = defineRoute(({ model }) =>
  model
    .ofType('policy')
    .filter((policy) => model.areasOfPolicy(policy.key).length > 0)
    .map((policy) => ({ params: { doc: model.docSlug(policy.key) }, data: { policy } })),
);

export const areaRoute = nodeRoute('område');
export const principleRoute = nodeRoute('styrprincip');
export const goalRoute = nodeRoute('mål');
export const focusAreaRoute = nodeRoute('fokusområde');
export const actionRoute = nodeRoute('aktivitet');
export const indicatorRoute = nodeRoute('indikator');
export const effectRoute = nodeRoute('effektmål');
export const successFactorRoute = nodeRoute('framgångsfaktor');

/** `/organisation/<org>/`: each organisation, as `organisation`. */
export const organisationRoute = defineRoute(({ model }) =>
  model.organisations().map((organisation) => ({ params: { org: model.nodeSlug(organisation.key) }, data: { organisation } })),
);

/** `/<plan>/ansvariga/<enhet>/`: each owning unit of each plan, as `plan` and `unit`. */
export const unitRoute = defineRoute(({ model }) =>
  model.ofType('plan').flatMap((plan) => model.unitsOfPlan(plan.key).map((unit: Unit) => ({ params: { doc: model.docSlug(plan.key), enhet: unit.slug }, data: { plan, unit } }))),
);

/** `/<plan>/uppfoljning/<period>/`: each follow-up period of each plan, as `plan` and `period`. */
export const periodRoute = defineRoute(({ model }) =>
  model.ofType('plan').flatMap((plan) => model.periods(plan.key).map((period) => ({ params: { doc: model.docSlug(plan.key), period }, data: { plan, period } }))),
);

/** `/<plan>/jamforelse/<äldre>-och-<nyare>/`: each pair of a plan's periods but the latest (the comparison's own page), as `plan`, `older`, `newer`. */
export const comparisonRoute = defineRoute(({ model }) =>
  model.ofType('plan').flatMap((plan) =>
    periodPairs(model, plan.key)
      .slice(1)
      .map(([older, newer]) => ({ params: { doc: model.docSlug(plan.key), par: pairSlug(older, newer) }, data: { plan, older, newer } })),
  ),
);

/** The graph's JSON Schema among the open data files (when schemas/graph.schema.json exists). */
export const GRAPH_SCHEMA_FILE = 'graf.schema.json';

/** The downloads made for each model and configuration: the open-data page and /data/ show the same files, made once. */
const downloadsMade = new WeakMap<SiteModel, WeakMap<SiteConfig, (DistributionFile & { content: string })[]>>();

/**
 * What /data/ offers for download, in the order the open-data page lists it: the open data files and the graph's JSON
 * Schema. Made once per model and configuration (the graph as JSON and the CSV files are the largest strings of the
 * build); the list is shared, so callers do not change it.
 */
export function openDataDownloads({ model, config }: Pick<PageData, 'model' | 'config'>): readonly (DistributionFile & { content: string })[] {
  let byConfig = downloadsMade.get(model);
  if (!byConfig) downloadsMade.set(model, (byConfig = new WeakMap()));
  let made = byConfig.get(config);
  if (!made) byConfig.set(config, (made = makeOpenDataDownloads(model, config)));
  return made;
}

function makeOpenDataDownloads(model: SiteModel, config: SiteConfig): (DistributionFile & { content: string })[] {
  const files: (DistributionFile & { content: string })[] = openDataFiles(model, config.address);
  const schema = graphSchemaPath();
  if (schema !== null) {
    files.push({
      name: GRAPH_SCHEMA_FILE,
      title: 'Beskrivning av formatet',
      description: 'Beskriver formatet på graf.json (JSON Schema), så att filen kan valideras och läsas av program.',
      mediaType: 'application/schema+json',
      content: readFileSync(schema, 'utf8'),
    });
  }
  return files;
}

/** `/data/<file>`: each open data file (src/site/open-data.ts), the graph's JSON Schema and the DCAT-AP-SE description of them (src/site/dcat.ts), as `content` and its media `type`. */
export const openDataRoute = defineRoute(({ model, config }) => {
  const downloads = openDataDownloads({ model, config });
  const dcat = dcatCatalogue({ model, config, files: downloads, lastChanged: (plan) => planLastChanged(plan.key) });
  return [
    ...downloads.map((f) => ({ params: { file: f.name }, data: { content: f.content, type: f.mediaType } })),
    { params: { file: DCAT_FILE }, data: { content: dcat, type: 'application/rdf+xml' } },
  ];
});
