#!/usr/bin/env bash
# Install (first time), migrate, load the Lai Châu demo and serve the web app on 127.0.0.1:${PORT:-8000}.
# Run it again: it reuses the virtual environment and the database, and loses no data.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/venv.sh
ensure_venv compile

# The document reader is compiled by mypyc (faster, same results); it needs a C compiler and the Python headers.
build_packages=($(reader_build_packages))
if [ ${#build_packages[@]} -gt 0 ] && command -v apt-get >/dev/null && { [ "$(id -u)" = 0 ] || sudo -n true 2>/dev/null; }; then
  echo "== cài trình biên dịch C cho bộ đọc / installing a C compiler for the reader (once): ${build_packages[*]}"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    "${build_packages[@]}" >/dev/null || echo "   (không cài được / failed)"
fi
.venv/bin/python scripts/compile_reader.py || echo "   (bộ đọc chạy bằng Python thuần / the reader runs as plain Python)"

# The provincial report's PDF is made by LibreOffice; install it where we may (root or password-less sudo).
if ! command -v soffice >/dev/null; then
  if command -v apt-get >/dev/null && { [ "$(id -u)" = 0 ] || sudo -n true 2>/dev/null; }; then
    echo "== cài LibreOffice để xuất PDF / installing LibreOffice for PDF output (once)"
    as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      libreoffice-writer-nogui fonts-liberation2 >/dev/null || echo "   (không cài được; PDF sẽ không có / failed: no PDF)"
  else
    echo "== LibreOffice chưa có: báo cáo PDF không xuất được / LibreOffice missing: no PDF output" >&2
  fi
fi

export CHIDAO_DATA_DIR="${CHIDAO_DATA_DIR:-$PWD/data}"
PORT="${PORT:-8000}"
chidao() { .venv/bin/chidao "$@"; }

chidao migrate --noinput >/dev/null
chidao collectstatic --noinput >/dev/null
chidao demo

cat <<MSG

  chidao đang chạy tại / is serving at:  http://127.0.0.1:${PORT}/
  Dữ liệu / data: ${CHIDAO_DATA_DIR}   (Ctrl+C để dừng / to stop)

MSG
exec .venv/bin/gunicorn chidao.wsgi --bind "127.0.0.1:${PORT}" --workers "${WEB_WORKERS:-2}" --access-logfile -
