// Astro configuration of the published site. The site reads only the traceability graph of a plans folder.
// Environment: SPARBAR_PLANS (plans folder, default "plans"), SPARBAR_OUT (output folder, default "dist"),
// SPARBAR_BASE (base path when the site is published under a sub-path, default "/"). Sets ASTRO_TELEMETRY_DISABLED.
import { fileURLToPath } from 'node:url';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'astro/config';

const base = process.env.SPARBAR_BASE || '/';

// No usage data leaves a public body's build by default: Astro's telemetry is off for every astro command run
// with this configuration (build, dev, preview), as `sparbar build` also sets it. Astro reads the variable when
// it records an event, after loading this file.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

/**
 * Import aliases of the site's files: `@src/site/format.js` is src/site/format.ts, `@site/lib/routes` is
 * site/lib/routes.ts. Here rather than in tsconfig.json's paths (which Astro also reads) because the package
 * ships this file and not tsconfig.json; tsconfig.site.json repeats them for the type checker (a test keeps the
 * two the same). Only the site uses them: code in src/ is compiled to lib/ and imports relatively.
 */
export const ALIASES = {
  '@src/': fileURLToPath(new URL('./src/', import.meta.url)),
  '@site/': fileURLToPath(new URL('./site/', import.meta.url)),
};

/**
 * Offline search for a plain `astro build`: Pagefind indexes the built pages (their `data-pagefind-body`).
 * `sparbar build` sets SPARBAR_SEARCH=0 and writes the index from the graph instead (src/site/search-index.ts).
 */
function pagefindSearch() {
  return {
    name: 'sparbar-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        // Astro leaves its content-layer stubs (content-assets.mjs, content-modules.mjs) in an out dir
        // outside the project; the site has no module of its own at the top.
        for (const name of readdirSync(site)) if (name.endsWith('.mjs')) rmSync(path.join(site, name));
        if (process.env.SPARBAR_SEARCH === '0') return;
        const pagefind = await import('pagefind');
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'sv' });
          if (!index) throw new Error(errors.join('; '));
          const added = await index.addDirectory({ path: site });
          if (added.errors.length > 0) throw new Error(added.errors.join('; '));
          const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
          if (written.errors.length > 0) throw new Error(written.errors.join('; '));
          logger.info(`Sökindex: ${added.page_count} sidor`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: process.env.SPARBAR_OUT || 'dist',
  base,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  scopedStyleStrategy: 'class',
  integrations: [pagefindSearch()],
  vite: { resolve: { alias: Object.entries(ALIASES).map(([prefix, dir]) => ({ find: new RegExp(`^${prefix}`), replacement: dir })) } },
});
