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
# Astro's telemetry stays off: with DEBUG its client says so instead of recording (and never posts in debug mode).
status=0
DEBUG=astro:telemetry npx --no-install sparbar build 2>"$work/build.err" || status=$?
grep -v 'astro:telemetry' "$work/build.err" >&2 || true
test "$status" -eq 0
grep -q 'telemetry has been disabled' "$work/build.err"
test -f dist/index.html
test -f dist/asby-plan-2025-2028/aktivitet/a01/index.html
# Nothing but the plan, the tarball, package.json, the lockfile and what .gitignore covers is left in the repository.
untracked=$(git status --porcelain --untracked-files=all | grep -v -E '^\?\? (plans/|vendor/sparbar-[0-9.]+\.tgz$|package(-lock)?\.json$|\.gitignore$)' || true)
if [ -n "$untracked" ]; then
  echo "Filer som inte täcks av guidens .gitignore:" >&2
  echo "$untracked" >&2
  exit 1
fi
echo "-- installed from the tarball, checked and built"
