// The site's data: the graph of the plans folder, read once per build (module-level cache), with the
// view model, the site configuration and a cached markdown renderer. Every page imports `site()`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkPlans } from '../../src/check/check-plans.js';
import type { GraphNode } from '../../src/graph/types.js';
import { severityOf } from '../../src/messages/report.js';
import { createMarkdownRenderer } from '../../src/site/markdown.js';
import { normaliseBase, SiteModel } from '../../src/site/model.js';
import { loadSiteConfig, resolveSiteConfig, type SiteConfig } from '../../src/site/site-config.js';

export interface Site {
  model: SiteModel;
  config: SiteConfig;
  plansDir: string;
  /** Safe HTML of a node's markdown body; `minHeading` keeps the page's heading outline. */
  body(node: GraphNode, minHeading?: number, idPrefix?: string): string;
  /** Safe HTML of any markdown written in the file `sourceFile` (follow-up comments and the like). */
  markdown(text: string, sourceFile: string, minHeading?: number, idPrefix?: string): string;
}

let cached: Site | undefined;

/** The graph's JSON Schema file, if it exists (SPARBAR_SCHEMA, else schemas/graph.schema.json from here). */
export function graphSchemaPath(): string | null {
  const file = process.env.SPARBAR_SCHEMA || path.resolve('schemas/graph.schema.json');
  return existsSync(file) ? file : null;
}

export function site(): Site {
  if (cached) return cached;
  const plansDir = process.env.SPARBAR_PLANS || 'plans';
  const result = checkPlans(plansDir);
  const errors = result.messages.filter((m) => severityOf(m) === 'error');
  if (errors.length > 0) {
    const lines = errors.slice(0, 20).map((m) => `  ${m.file}:${m.line}:${m.column} ${m.reason}`);
    throw new Error(`Planen i ${plansDir} har ${errors.length} fel; webbplatsen byggs inte. Kör sparbar check ${plansDir}.\n${lines.join('\n')}`);
  }
  const model = new SiteModel(result.graph, { base: normaliseBase(process.env.SPARBAR_BASE) });
  const loaded = loadSiteConfig(plansDir, process.env.SPARBAR_CONFIG || undefined);
  if (loaded.errors.length > 0) throw new Error(`Webbplatsens konfiguration har fel:\n${loaded.errors.join('\n')}`);
  const config = resolveSiteConfig(
    loaded.config,
    model.organisations().map((o) => o.title),
  );
  const render = createMarkdownRenderer();
  const markdown = (text: string, sourceFile: string, minHeading = 2, idPrefix = 'md') =>
    render(text, { minHeading, idPrefix, resolveLink: (href) => model.resolveSourceLink(href, sourceFile) }, sourceFile);
  cached = {
    model,
    config,
    plansDir,
    markdown,
    body: (node, minHeading = 2, idPrefix = 'text') => markdown(node.body, node.source.file, minHeading, idPrefix),
  };
  return cached;
}
