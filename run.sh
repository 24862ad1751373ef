#!/usr/bin/env bash
# Install (first time), migrate, load the Lai Châu demo and serve the web app on 127.0.0.1:${PORT:-8000}.
# Run it again: it reuses the virtual environment and the database, and loses no data.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/venv.sh
ensure_venv ""

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
