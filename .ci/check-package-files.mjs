// What `npm pack` put in Spårbar's tarball: everything an installed sparbar needs to check and build (the
// compiled command line, the schemas, the Astro site and its sources), nothing of the repository's own
// (tests, the example plan, benchmarks). Run as `node .ci/check-package-files.mjs <tarball>`.
import { execFileSync } from 'node:child_process';

const tarball = process.argv[2];
if (!tarball) {
  console.error('Användning: node .ci/check-package-files.mjs <tarball>');
  process.exit(2);
}
const files = new Set(execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean).map((f) => f.replace(/^package\//, '')));
const required = ['package.json', 'README.md', 'LICENSE', 'astro.config.mjs', 'lib/src/cli/main.js', 'lib/src/cli/check-bundle.cjs', 'lib/src/cli/check-bundle.v8-cache', 'lib/src/cli/build-bundle.cjs', 'lib/src/cli/build-bundle.v8-cache', 'lib/site-render/render.mjs', 'lib/site-render/render.js', 'lib/site-render/render.v8-cache', 'lib/src/site/renderer-script.js', 'lib/src/index.js', 'schemas/graph.schema.json', 'schemas/plan-file.schema.json', 'site/pages/index.astro', 'src/site/model.ts', 'lib/site-render/stamp.json', 'lib/site-render/server/entry.mjs', 'lib/src/site/render-precompiled.js'];
const forbidden = [/^test\//, /^plans\//, /^bench\//, /^lib\/bench\//, /^\.ci\//, /^node_modules\//, /^dist\//, /^\.astro\//];
const missing = required.filter((f) => !files.has(f));
const unwanted = [...files].filter((f) => forbidden.some((re) => re.test(f)));
if (missing.length > 0 || unwanted.length > 0) {
  if (missing.length > 0) console.error(`Saknas i paketet: ${missing.join(', ')}`);
  if (unwanted.length > 0) console.error(`Hör inte hemma i paketet: ${unwanted.slice(0, 20).join(', ')}${unwanted.length > 20 ? ' …' : ''}`);
  process.exit(1);
}
console.log(`${files.size} filer i ${tarball.split('/').pop()}`);
