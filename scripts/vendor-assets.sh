#!/usr/bin/env bash
# Refresh the vendored browser assets from the npm registry (pinned versions; never a CDN at run time).
# Each package's files land in chidao/web/static/vendor/<name>-<version>/ with its licence.
set -euo pipefail
cd "$(dirname "$0")/.."
declare -A FILES=(
  ["htmx.org@2.0.11"]="dist/htmx.min.js LICENSE"
  ["echarts@6.1.0"]="dist/echarts.min.js LICENSE NOTICE"
)
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
for spec in "${!FILES[@]}"; do
  name="${spec%@*}"; version="${spec##*@}"
  (cd "$work" && npm pack --silent "$spec" >/dev/null && mkdir -p "$name" && tar xzf "${name//\//-}-$version.tgz" -C "$name")
  dest="chidao/web/static/vendor/${name%.org}-$version"
  mkdir -p "$dest"
  for file in ${FILES[$spec]}; do cp "$work/$name/package/$file" "$dest/"; done
  echo "vendored $spec → $dest"
done
