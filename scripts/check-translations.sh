#!/usr/bin/env bash
# Fails when a compiled catalogue (.mo) is older than its .po: run `scripts/make-translations.sh` and commit.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
while IFS= read -r po; do
  mo="${po%.po}.mo"
  tmp="$(mktemp)"
  msgfmt --check -o "$tmp" "$po"
  # Compare contents, not bytes: another gettext version may lay the same catalogue out differently.
  if [ ! -f "$mo" ] || ! cmp -s <(msgunfmt "$tmp") <(msgunfmt "$mo"); then echo "bản dịch chưa biên dịch / stale catalogue: $mo" >&2; status=1; fi
  rm -f "$tmp"
done < <(find chidao -name '*.po' -path '*LC_MESSAGES*')
exit $status
