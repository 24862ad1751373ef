# Shared by run.sh and test.sh: create .venv and install the package (with EXTRAS) when pyproject.toml changed.
ensure_venv() {
  local extras="$1" stamp want
  if [ ! -x .venv/bin/python ]; then
    if ! python3 -m venv .venv 2>/dev/null; then
      rm -rf .venv
      echo "python3-venv thiếu; đang cài / installing python3-venv" >&2
      as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
      python3 -m venv .venv
    fi
  fi
  want="$(cat pyproject.toml | sha256sum | cut -c1-16)-${extras}"
  stamp=.venv/.chidao-installed
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    .venv/bin/python -m pip install -q --upgrade pip >/dev/null
    .venv/bin/python -m pip install -q -e ".${extras:+[$extras]}"
    echo "$want" > "$stamp"
  fi
}

# Debian packages that compiling the document reader (scripts/compile_reader.py) needs and this machine lacks:
# the C compiler the venv's Python was built with, and that Python's headers (Debian's python3-dev for Debian's).
reader_build_packages() {
  local cc
  cc="$(.venv/bin/python -c 'import sysconfig; print((sysconfig.get_config_var("CC") or "cc").split()[0])')"
  command -v "$cc" >/dev/null || echo gcc
  .venv/bin/python -c 'import os, sys, sysconfig; sys.exit(not os.path.isfile(sysconfig.get_paths()["include"] + "/Python.h"))' \
    || echo python3-dev
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}
