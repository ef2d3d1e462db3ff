#!/usr/bin/env bash
# The install path the README gives a municipality: pack Spårbar, install the tarball into a new plans
# repository (from the tarball and the npm cache or registry only; Spårbar is not on the registry), write the
# example of docs/din-forsta-plan.md there, and run sparbar check and sparbar build in it.
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$PWD
work=$(mktemp -d "${TMPDIR:-/tmp}/sparbar-paket-XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "-- npm pack"
npm pack --silent --pack-destination "$work" >"$work/pack.txt"
tarball="$work/$(tail -n 1 "$work/pack.txt")"
node .ci/check-package-files.mjs "$tarball"

echo "-- a new plans repository: npm install --save-dev $(basename "$tarball")"
repo="$work/planer"
mkdir "$repo"
cd "$repo"
git init -q
npm init -y >/dev/null
mkdir vendor
cp "$tarball" vendor/
npm install --save-dev --prefer-offline --no-audit --no-fund "./vendor/$(basename "$tarball")"
node "$source_dir/.ci/first-plan.mjs" "$source_dir/docs/din-forsta-plan.md" .

echo "-- npx sparbar --version, check, build"
test "$(npx --no-install sparbar --version)" = "$(node -p "require('$source_dir/package.json').version")"
npx --no-install sparbar check | tee "$work/check.txt"
grep -q '^✓ Inga problem (6 filer kontrollerade)\.$' "$work/check.txt"
# The tarball carries the bundles of check and build with V8's code caches (npm pack's prepare): the installed bin runs from them.
node --input-type=module -e "
  import { loadBundle } from './node_modules/sparbar/lib/src/cli/load-bundle.js';
  for (const command of ['check', 'build']) {
    const bundle = loadBundle(command);
    if (!bundle?.codeCacheUsed) { console.error('Paketets samlade ' + command + ' används inte' + (bundle ? ' med sin kodcache' : '') + '.'); process.exit(1); }
  }"
npx --no-install sparbar check --no-cache | cmp - "$work/check.txt"
# The tarball carries the site's code compiled by npm pack's prepare (lib/site-render), made from the sources it
# ships, so sparbar build renders the pages from it without running Astro's build.
node --input-type=module -e "
  import { precompiledSite } from './node_modules/sparbar/lib/src/site/precompiled-site.js';
  const state = precompiledSite('node_modules/sparbar');
  if (!state.fresh) { console.error('Den kompilerade webbplatsen i paketet används inte: ' + state.reason); process.exit(1); }
  // Its renderer runs from its bundle when the packages it holds are the versions installed beside it.
  if (!state.renderer.endsWith('render.mjs')) { console.error('Renderarens paket används inte: ' + state.renderer); process.exit(1); }
  // and its script with the code cache made when the package was packed.
  const { loadRendererScript } = await import('./node_modules/sparbar/lib/src/site/renderer-script.js');
  if (!loadRendererScript(state.dir).codeCacheUsed) { console.error('Renderarens kodcache används inte.'); process.exit(1); }"
npx --no-install sparbar build
test -f dist/index.html
test -f dist/asby-plan-2025-2028/aktivitet/a01/index.html
cp dist/asby-plan-2025-2028/aktivitet/a01/index.html "$work/a01-kompilerad.html"
# A site source changed after packing (an adopter editing a component) makes the compiled code stale: sparbar build
# then runs Astro's full build, whose telemetry stays off (with DEBUG its client says so instead of recording).
printf '\n' >>node_modules/sparbar/site/pages/404.astro
status=0
DEBUG=astro:telemetry npx --no-install sparbar build 2>"$work/build.err" || status=$?
grep -v 'astro:telemetry' "$work/build.err" >&2 || true
test "$status" -eq 0
grep -q 'telemetry has been disabled' "$work/build.err"
cmp "$work/a01-kompilerad.html" dist/asby-plan-2025-2028/aktivitet/a01/index.html
# Nothing but the plan, the tarball, package.json, the lockfile and what .gitignore covers is left in the repository.
untracked=$(git status --porcelain --untracked-files=all | grep -v -E '^\?\? (plans/|vendor/sparbar-[0-9.]+\.tgz$|package(-lock)?\.json$|\.gitignore$)' || true)
if [ -n "$untracked" ]; then
  echo "Filer som inte täcks av guidens .gitignore:" >&2
  echo "$untracked" >&2
  exit 1
fi
echo "-- installed from the tarball, checked and built"
