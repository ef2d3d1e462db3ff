// The open data's DCAT-AP-SE description (src/site/dcat.ts), read back as RDF with a real RDF/XML parser (as
// Sweden's data portal harvests it) and checked against the profile's mandatory classes and properties
// (DCAT-AP-SE 3.0.1, docs.dataportal.se/dcat/): catalogue, dataset per plan, distributions, publishers.
import { readFileSync } from 'node:fs';
import { homedir, hostname, tmpdir } from 'node:os';
import path from 'node:path';
import type { Quad } from '@rdfjs/types';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { describe, expect, it } from 'vitest';
import { checkPlans } from '../../src/check/check-plans.js';
import { CC0, DCAT_FILE, dcatCatalogue, type DistributionFile } from '../../src/site/dcat.js';
import { SiteModel } from '../../src/site/model.js';
import { openDataFiles } from '../../src/site/open-data.js';
import { resolveSiteConfig, type SiteConfigFile } from '../../src/site/site-config.js';

const root = path.resolve(import.meta.dirname, '../..');
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const XSD = 'http://www.w3.org/2001/XMLSchema#';

function describeSite(dir: string, file: SiteConfigFile, options: { base?: string; lastChanged?: (plan: string) => string | null } = {}): { xml: string; model: SiteModel } {
  const graph = checkPlans(dir).graph;
  const model = new SiteModel(graph, { base: options.base ?? '/' });
  const config = resolveSiteConfig(file, model.organisations().map((o) => o.title));
  const files: DistributionFile[] = [
    ...openDataFiles(model, config.address),
    { name: 'graf.schema.json', title: 'JSON Schema för grafen', description: 'Formatet på graf.json.', mediaType: 'application/schema+json' },
  ];
  return { xml: dcatCatalogue({ model, config, files, lastChanged: (plan) => options.lastChanged?.(plan.key) ?? null }), model };
}

/** The triples of an RDF/XML document read from `base`. */
async function parse(xml: string, base: string): Promise<Quad[]> {
  const quads: Quad[] = [];
  const parser = new RdfXmlParser({ baseIRI: base });
  await new Promise<void>((resolve, reject) => {
    parser.on('data', (q: Quad) => quads.push(q));
    parser.on('error', reject);
    parser.on('end', () => resolve());
    parser.write(xml);
    parser.end();
  });
  return quads;
}

class Rdf {
  constructor(readonly quads: Quad[]) {}
  ofType(type: string): string[] {
    return this.quads.filter((q) => q.predicate.value === `${RDF}type` && q.object.value === type).map((q) => q.subject.value);
  }
  values(subject: string, predicate: string): Quad['object'][] {
    return this.quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object);
  }
  one(subject: string, predicate: string): Quad['object'] {
    const v = this.values(subject, predicate);
    expect(v, `${subject} ${predicate}: exactly one`).toHaveLength(1);
    return v[0]!;
  }
}

/** DCAT-AP-SE 3.0.1's mandatory classes and properties, each a failed expectation naming the subject when missing. */
function expectDcatApSe(rdf: Rdf): void {
  const catalogues = rdf.ofType(`${DCAT}Catalog`);
  expect(catalogues).toHaveLength(1);
  const catalogue = catalogues[0]!;
  const agents = new Set(rdf.ofType(`${FOAF}Agent`));
  const literalSv = (subject: string, predicate: string) => {
    const values = rdf.values(subject, predicate);
    expect(values.length, `${subject} ${predicate}`).toBeGreaterThan(0);
    for (const v of values) {
      expect(v.termType).toBe('Literal');
      expect((v as { language: string }).language).toBe('sv');
      expect(v.value.trim()).not.toBe('');
    }
  };
  // Catalogue: title, description, exactly one publisher, licence CC0 (required for the metadata), datasets.
  literalSv(catalogue, `${DCT}title`);
  literalSv(catalogue, `${DCT}description`);
  expect(agents.has(rdf.one(catalogue, `${DCT}publisher`).value)).toBe(true);
  expect(rdf.one(catalogue, `${DCT}license`).value).toBe(CC0);
  const datasets = rdf.values(catalogue, `${DCAT}dataset`).map((d) => d.value);
  expect(datasets.length).toBeGreaterThan(0);
  expect(new Set(rdf.ofType(`${DCAT}Dataset`))).toEqual(new Set(datasets));
  // Dataset: title, description, exactly one publisher that is an agent, and its distributions.
  const distributions = new Set(rdf.ofType(`${DCAT}Distribution`));
  for (const d of datasets) {
    literalSv(d, `${DCT}title`);
    literalSv(d, `${DCT}description`);
    expect(agents.has(rdf.one(d, `${DCT}publisher`).value), d).toBe(true);
    const dists = rdf.values(d, `${DCAT}distribution`);
    expect(dists.length).toBeGreaterThan(0);
    for (const dist of dists) expect(distributions.has(dist.value), dist.value).toBe(true);
  }
  // Distribution: exactly one access URL (an IRI) and exactly one format, a media type (the profile's pattern).
  for (const dist of distributions) {
    expect(rdf.one(dist, `${DCAT}accessURL`).termType).toBe('NamedNode');
    const format = rdf.one(dist, `${DCT}format`);
    expect(format.value).toMatch(/^\w+\/[-.\w]+(?:\+[-.\w]+)?(\s*;\s*\w+=\w+)?$/);
  }
  // Agent: a name and exactly one type from ADMS's publisher types.
  for (const agent of agents) {
    expect(rdf.values(agent, `${FOAF}name`).length, agent).toBeGreaterThan(0);
    expect(rdf.one(agent, `${DCT}type`).value).toMatch(/^http:\/\/purl\.org\/adms\/publishertype\//);
  }
  // No blank node for the catalogue, datasets, distributions or agents (the portal cannot harvest them).
  for (const s of [catalogue, ...datasets, ...distributions, ...agents]) expect(rdf.quads.find((q) => q.subject.value === s)!.subject.termType).toBe('NamedNode');
}

describe('the DCAT-AP-SE description of the open data', () => {
  it("describes the example: a catalogue, a dataset for its plan with the organisation as publisher, a distribution per file", async () => {
    const { xml, model } = describeSite(path.join(root, 'plans'), {}, { lastChanged: () => '2026-09-03' });
    const site = 'https://plan.ekby.example/';
    const rdf = new Rdf(await parse(xml, `${site}data/${DCAT_FILE}`));
    expectDcatApSe(rdf);
    const [dataset] = rdf.ofType(`${DCAT}Dataset`);
    expect(rdf.ofType(`${DCAT}Dataset`)).toHaveLength(model.plansInOrder().length);
    expect(rdf.one(dataset!, `${DCT}title`).value).toBe(model.plansInOrder()[0]!.title);
    const publisher = rdf.one(dataset!, `${DCT}publisher`).value;
    expect(rdf.one(publisher, `${FOAF}name`).value).toBe('Ekby kommun');
    expect(rdf.one(publisher, `${DCT}type`).value).toBe('http://purl.org/adms/publishertype/LocalAuthority');
    // The catalogue's publisher is the same agent (the site's owner is the organisation), described once.
    expect(rdf.one(rdf.ofType(`${DCAT}Catalog`)[0]!, `${DCT}publisher`).value).toBe(publisher);
    expect(rdf.ofType(`${FOAF}Agent`)).toHaveLength(1);
    // Modified: the plan's last change, as an xsd:date; the catalogue's is the latest of its datasets'.
    const modified = rdf.one(dataset!, `${DCT}modified`);
    expect([modified.value, (modified as { datatype: { value: string } }).datatype.value]).toEqual(['2026-09-03', `${XSD}date`]);
    // Distributions: the graph as JSON (conforming to its schema), each CSV file and the JSON Schema, each downloadable, CC0 by default.
    const dists = rdf.values(dataset!, `${DCAT}distribution`).map((d) => d.value);
    const byFile = new Map(dists.map((d) => [rdf.one(d, `${DCAT}downloadURL`).value.replace(`${site}data/`, ''), d]));
    expect([...byFile.keys()]).toEqual(['graf.json', 'noder.csv', 'lankar.csv', 'uppfoljningar.csv', 'aktivitetsstatus.csv', 'budgetar.csv', 'indikatorvarden.csv', 'graf.schema.json']);
    expect(rdf.one(byFile.get('graf.json')!, `${DCT}format`).value).toBe('application/json');
    expect(rdf.one(byFile.get('noder.csv')!, `${DCT}format`).value).toBe('text/csv');
    expect(rdf.one(byFile.get('graf.schema.json')!, `${DCT}format`).value).toBe('application/schema+json');
    expect(rdf.one(byFile.get('graf.json')!, `${DCT}conformsTo`).value).toBe(`${site}data/graf.schema.json`);
    for (const d of dists) expect(rdf.one(d, `${DCT}license`).value).toBe(CC0);
    // The same plans give the same bytes, with nothing of the build machine.
    expect(describeSite(path.join(root, 'plans'), {}, { lastChanged: () => '2026-09-03' }).xml).toBe(xml);
    for (const local of [root, tmpdir(), homedir(), hostname()]) expect(xml).not.toContain(local);
  });

  it('takes the licence from the configuration, keeps CC0 on the catalogue, and leaves out modified without git history', async () => {
    const { xml } = describeSite(path.join(root, 'plans'), { öppna_data: { licens: 'http://creativecommons.org/licenses/by/4.0/' } });
    const rdf = new Rdf(await parse(xml, 'https://plan.ekby.example/data/dcat.rdf'));
    expectDcatApSe(rdf);
    for (const d of rdf.ofType(`${DCAT}Distribution`)) expect(rdf.one(d, `${DCT}license`).value).toBe('http://creativecommons.org/licenses/by/4.0/');
    expect(rdf.quads.filter((q) => q.predicate.value === `${DCT}modified`)).toEqual([]);
  });

  it('gives absolute addresses with webbplats.adress and a base path, and a dataset per plan of several organisations', async () => {
    const dir = path.join(root, 'test/fixtures/site/multi');
    const config = JSON.parse(readFileSync(path.join(dir, 'sparbar.config.json'), 'utf8')) as SiteConfigFile;
    const { xml, model } = describeSite(dir, { ...config, webbplats: { ...config.webbplats, adress: 'https://www.alvdalen.example/planer/' } }, { base: '/planer/', lastChanged: (plan) => (plan.endsWith('2024') ? '2025-02-01' : null) });
    // Read from another address: every IRI is absolute, so where the file is read from does not matter.
    const quads = await parse(xml, 'https://elsewhere.example/x.rdf');
    for (const q of quads) for (const t of [q.subject, q.object]) if (t.termType === 'NamedNode') expect(t.value).toMatch(/^(https?:\/\/|mailto:)/);
    expect(quads.some((q) => q.subject.value.startsWith('https://elsewhere.example'))).toBe(false);
    const rdf = new Rdf(quads);
    expectDcatApSe(rdf);
    const plans = model.plansInOrder();
    expect(rdf.ofType(`${DCAT}Dataset`).map((d) => rdf.one(d, `${DCT}title`).value).sort()).toEqual(plans.map((p) => p.title).sort());
    // Each plan's organisation publishes its dataset; the site's owner, who is none of them, the catalogue.
    const catalogue = rdf.ofType(`${DCAT}Catalog`)[0]!;
    expect(rdf.one(rdf.one(catalogue, `${DCT}publisher`).value, `${FOAF}name`).value).toBe('Älvdalens IT-samverkan');
    for (const d of rdf.ofType(`${DCAT}Dataset`)) {
      const title = rdf.one(d, `${DCT}title`).value;
      const plan = plans.find((p) => p.title === title)!;
      expect(rdf.one(rdf.one(d, `${DCT}publisher`).value, `${FOAF}name`).value).toBe(model.organisationsOf(plan.key)[0]!.title);
      expect(rdf.one(d, `${DCAT}landingPage`).value).toBe(`https://www.alvdalen.example${model.url(plan.key)}`);
      // Files shared by every plan say how to find the plan's rows.
      for (const dist of rdf.values(d, `${DCAT}distribution`)) expect(rdf.one(dist.value, `${DCT}description`).value).toContain(`${plan.key} i kolumnen plan`);
    }
    expect(rdf.one(catalogue, `${DCT}modified`).value).toBe('2025-02-01');
  });
});
