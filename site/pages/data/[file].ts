// The open data files: the graph as JSON, CSV files (see src/site/csv.ts) and the graph's JSON Schema
// when schemas/graph.schema.json exists.
import { readFileSync } from 'node:fs';
import type { APIRoute } from 'astro';
import { graphSchemaPath, site } from '../../lib/data';
import { openDataFiles } from '../../../src/site/open-data.js';

export const GRAPH_SCHEMA_FILE = 'graf.schema.json';

function schemaText(): string | null {
  const file = graphSchemaPath();
  return file ? readFileSync(file, 'utf8') : null;
}

export function getStaticPaths() {
  const s = site();
  const files = openDataFiles(s.model, s.config.address).map((f) => ({ params: { file: f.name }, props: { content: f.content, type: f.mediaType } }));
  const schema = schemaText();
  if (schema !== null) files.push({ params: { file: GRAPH_SCHEMA_FILE }, props: { content: schema, type: 'application/schema+json' } });
  return files;
}

export const GET: APIRoute = ({ props }) => {
  const { content, type } = props as { content: string; type: string };
  return new Response(content, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
};
