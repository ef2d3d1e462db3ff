// The open data described in DCAT-AP-SE (docs.dataportal.se/dcat/, version 3.0.1), the profile Sweden's data
// portal harvests, as RDF/XML (the syntax the portal reads, docs.dataportal.se "Skördning"): one catalogue, one
// dataset per plan, and for each dataset a distribution per downloadable file (the graph as JSON, each CSV
// file, the graph's JSON Schema). Same graph, configuration and history, same bytes: no build date is written.
import type { GraphNode } from '../graph/types.js';
import type { SiteModel } from './model.js';
import type { OpenDataFile } from './open-data.js';
import type { SiteConfig } from './site-config.js';
import { SITE_SEGMENTS } from './addresses.js';

/** The description's file name under the data folder: its address is `/data/dcat.rdf`. */
export const DCAT_FILE = 'dcat.rdf';

/** CC0 1.0, the licence DCAT-AP-SE requires on a catalogue's metadata and Spårbar's default for the data. */
export const CC0 = 'http://creativecommons.org/publicdomain/zero/1.0/';

const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dcterms: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

/** EU vocabularies DCAT-AP-SE uses: publisher type (ADMS), language, data theme, access right. */
const LOCAL_AUTHORITY = 'http://purl.org/adms/publishertype/LocalAuthority';
const SWEDISH = 'http://publications.europa.eu/resource/authority/language/SWE';
const THEME_GOVERNMENT = 'http://publications.europa.eu/resource/authority/data-theme/GOVE';
const PUBLIC = 'http://publications.europa.eu/resource/authority/access-right/PUBLIC';
const IANA = 'https://www.iana.org/assignments/media-types/';

/** A downloadable file as a distribution: its name under /data/, title, description and media type. */
export type DistributionFile = Pick<OpenDataFile, 'name' | 'title' | 'description' | 'mediaType'>;

export interface DcatInput {
  model: SiteModel;
  config: SiteConfig;
  /** The files under /data/ that the datasets offer, in the order listed. */
  files: readonly DistributionFile[];
  /** The date (ÅÅÅÅ-MM-DD) a plan last changed, from git; null when unknown (outside git, nothing committed). */
  lastChanged: (plan: GraphNode) => string | null;
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An IRI as RFC 3987 asks: characters outside URLs' own (spaces, quotes) percent-encoded. */
const iri = (address: string): string => escapeXml(encodeURI(decodeURI(address)));

/**
 * The catalogue in DCAT-AP-SE as RDF/XML. With `webbplats.adress` configured every IRI is absolute (what the
 * portal requires); without it they are paths from the site's root, which a reader resolves against the file's
 * own address. Mandatory in DCAT-AP-SE 3.0.1: catalogue title, description, publisher, licence (CC0) and
 * datasets; dataset title, description and publisher; distribution accessURL and format; agent name and type.
 */
export function dcatCatalogue({ model, config, files, lastChanged }: DcatInput): string {
  const absolute = (path: string): string => {
    const local = model.href(path);
    return config.address ? new URL(local, config.address).href : local;
  };
  const self = absolute(`${SITE_SEGMENTS.data}/${DCAT_FILE}`);
  const plans = model.plansInOrder();
  const licence = config.openData.licence;
  const lines: string[] = [];
  const text = (tag: string, value: string) => lines.push(`    <${tag} xml:lang="sv">${escapeXml(value)}</${tag}>`);
  const literal = (tag: string, value: string) => lines.push(`    <${tag}>${escapeXml(value)}</${tag}>`);
  const ref = (tag: string, to: string) => lines.push(`    <${tag} rdf:resource="${iri(to)}"/>`);
  const date = (tag: string, value: string) => lines.push(`    <${tag} rdf:datatype="${NS.xsd}date">${value}</${tag}>`);

  // Publishers: each plan's organisation, and the site's owner for the catalogue (the same agent when it is one
  // of them, as the portal asks that a publisher is described once).
  const agents = new Map<string, string>();
  const orgAgent = (org: GraphNode): string => {
    const address = absolute(model.pathOf(org.key) ?? `${SITE_SEGMENTS.organisation}/`);
    agents.set(address, org.title);
    return address;
  };
  const planPublisher = new Map<string, string>();
  for (const plan of plans) {
    const org = model.organisationsOf(plan.key)[0];
    planPublisher.set(plan.key, org ? orgAgent(org) : ownerAgent());
  }
  function ownerAgent(): string {
    for (const [address, name] of agents) if (name === config.owner) return address;
    const address = `${self}#utgivare`;
    agents.set(address, config.owner);
    return address;
  }
  const catalogPublisher = ownerAgent();

  const datasetIri = (plan: GraphNode) => `${self}#${model.docSlug(plan.key)}`;
  const modified = new Map(plans.map((p) => [p.key, lastChanged(p)] as const));
  const latest = [...modified.values()].filter((d): d is string => d !== null).sort().at(-1) ?? null;

  lines.push('<?xml version="1.0" encoding="UTF-8"?>');
  lines.push(`<rdf:RDF xmlns:rdf="${NS.rdf}" xmlns:dcat="${NS.dcat}" xmlns:dcterms="${NS.dcterms}" xmlns:foaf="${NS.foaf}">`);

  lines.push(`  <dcat:Catalog rdf:about="${iri(`${self}#katalog`)}">`);
  text('dcterms:title', config.name);
  text(
    'dcterms:description',
    `${plans.length === 1 ? 'Planen' : 'Planerna'} på webbplatsen ”${config.name}” som öppna data: mål, fokusområden, aktiviteter och indikatorer med den årliga uppföljningen, som JSON och CSV.`,
  );
  ref('dcterms:publisher', catalogPublisher);
  ref('dcterms:license', CC0);
  ref('dcterms:language', SWEDISH);
  ref('foaf:homepage', absolute(`${SITE_SEGMENTS.openData}/`));
  if (latest) date('dcterms:modified', latest);
  for (const plan of plans) ref('dcat:dataset', datasetIri(plan));
  lines.push('  </dcat:Catalog>');

  for (const plan of plans) {
    const base = datasetIri(plan);
    lines.push(`  <dcat:Dataset rdf:about="${iri(base)}">`);
    text('dcterms:title', plan.title);
    text(
      'dcterms:description',
      `${plan.title}: målen, fokusområdena, aktiviteterna och indikatorerna med status, bedömningar, målvärden och utfall från varje uppföljning, och ${model.planHasPrinciples(plan.key) ? 'styrprinciperna' : 'områdena'} i policyn som planen genomför.`,
    );
    ref('dcterms:publisher', planPublisher.get(plan.key)!);
    const adopted = (plan.fields as Record<string, unknown>)['antagen'];
    if (typeof adopted === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(adopted)) date('dcterms:issued', adopted);
    const changed = modified.get(plan.key);
    if (changed) date('dcterms:modified', changed);
    ref('dcat:landingPage', absolute(model.pathOf(plan.key) ?? ''));
    ref('dcat:theme', THEME_GOVERNMENT);
    ref('dcterms:language', SWEDISH);
    ref('dcterms:accessRights', PUBLIC);
    for (const keyword of ['strategisk plan', 'digitalisering', 'uppföljning', 'mål', 'indikatorer']) text('dcat:keyword', keyword);
    for (const file of files) ref('dcat:distribution', `${base}-${file.name}`);
    lines.push('  </dcat:Dataset>');
  }

  const shared =
    plans.length > 1
      ? (plan: GraphNode) => ` Filen gäller alla ${plans.length} planer på webbplatsen; planens rader har ${plan.key} i kolumnen plan (i JSON fältet plan).`
      : () => '';
  const schema = files.find((f) => f.mediaType === 'application/schema+json');
  for (const plan of plans) {
    for (const file of files) {
      const download = absolute(`${SITE_SEGMENTS.data}/${file.name}`);
      lines.push(`  <dcat:Distribution rdf:about="${iri(`${datasetIri(plan)}-${file.name}`)}">`);
      text('dcterms:title', file.title);
      text('dcterms:description', `${file.description}${shared(plan)}`);
      ref('dcat:accessURL', download);
      ref('dcat:downloadURL', download);
      literal('dcterms:format', file.mediaType);
      ref('dcat:mediaType', `${IANA}${file.mediaType}`);
      ref('dcterms:license', licence);
      if (schema && file.mediaType === 'application/json') ref('dcterms:conformsTo', absolute(`${SITE_SEGMENTS.data}/${schema.name}`));
      lines.push('  </dcat:Distribution>');
    }
  }

  for (const [address, name] of [...agents].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    lines.push(`  <foaf:Agent rdf:about="${iri(address)}">`);
    literal('foaf:name', name);
    ref('dcterms:type', LOCAL_AUTHORITY);
    lines.push('  </foaf:Agent>');
  }
  lines.push('</rdf:RDF>');
  return `${lines.join('\n')}\n`;
}
