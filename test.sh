#!/usr/bin/env bash
# Install what the tests need and run the whole suite: on SQLite, then on PostgreSQL when DATABASE_URL names one.
# Never downloads a browser: the browser tests drive Debian's /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/venv.sh
ensure_venv test,compile

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || missing+=(fonts-liberation2)
command -v msgfmt >/dev/null || missing+=(gettext)
# LibreOffice turns the provincial report into PDF; Calc re-saves an Excel template in one test.
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui libreoffice-calc-nogui)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
missing+=($(reader_build_packages))  # mypyc compiles the document reader
if [ ${#missing[@]} -gt 0 ]; then
  echo "== cài gói Debian / installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "== biên dịch bộ đọc / compiling the reader (mypyc; skipped when up to date)"
.venv/bin/python scripts/compile_reader.py --required

export CHIDAO_DATA_DIR="$(mktemp -d)"
trap 'rm -rf "$CHIDAO_DATA_DIR"' EXIT
export DJANGO_ALLOW_ASYNC_UNSAFE=true  # Playwright's sync API runs an event loop beside live_server

echo "== kiểm tra / checks: ruff, migrations, translations"
.venv/bin/ruff check chidao tests bench scripts
DATABASE_URL= .venv/bin/chidao makemigrations --check --dry-run >/dev/null
scripts/check-translations.sh

pg_url="${DATABASE_URL:-}"
echo "== SQLite"
DATABASE_URL= .venv/bin/python -m pytest "$@"
if [[ "$pg_url" == postgres* ]]; then
  echo "== PostgreSQL ($pg_url)"
  DATABASE_URL="$pg_url" .venv/bin/python -m pytest "$@"
else
  echo "== PostgreSQL: bỏ qua vì DATABASE_URL không trỏ tới PostgreSQL / skipped: DATABASE_URL is not a postgres URL"
fi
