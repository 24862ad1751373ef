#!/usr/bin/env bash
# Refresh the English catalogue from the Vietnamese source strings, then compile it.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=chidao.settings
mkdir -p chidao/locale
(cd chidao && ../.venv/bin/django-admin makemessages -l en --no-obsolete --no-location >/dev/null)
find chidao -name '*.po' -path '*LC_MESSAGES*' | while read -r po; do msgfmt --check -o "${po%.po}.mo" "$po"; done
