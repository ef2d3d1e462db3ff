// The open data files: the graph as JSON, CSV files (see src/site/csv.ts) and the graph's JSON Schema
// when schemas/graph.schema.json exists.
import type { APIRoute } from 'astro';
import { openDataRoute } from '@site/lib/routes';

export const getStaticPaths = openDataRoute.paths;

export const GET: APIRoute = (context) => {
  const { content, type } = openDataRoute.data(context);
  return new Response(content, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
};
