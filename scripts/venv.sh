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

# Debian packages that compiling the document reader needs and this machine lacks (C compiler, Python headers).
reader_build_packages() {
  .venv/bin/python scripts/compile_reader.py --debian-packages
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}
