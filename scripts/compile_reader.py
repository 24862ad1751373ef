#!/usr/bin/env python3
"""Compile the document reader with mypyc and install it for this interpreter (see chidao/documents/reader/compiled.py).

Usage:
    python scripts/compile_reader.py [--force] [--required]
    python scripts/compile_reader.py --debian-packages

Does nothing when the installed build matches the sources (unless --force). Without mypyc, a C compiler or the
Python headers it says so and exits 0: the reader then runs as plain Python, with the same results, more slowly;
with --required (./test.sh) that is an error, exit 1. A failed compilation prints the compiler's last lines and
exits 1; what was installed before stays as it was. --debian-packages prints the Debian packages compiling needs
and this machine lacks (the C compiler, the Python headers), for run.sh and test.sh to install.
"""
import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from chidao.documents.reader import compiled  # noqa: E402

SETUP = """\
from setuptools import setup
from mypyc.build import mypycify

setup(
    name={package!r},
    ext_modules=mypycify(
        ["--disable-error-code", "var-annotated", "--ignore-missing-imports", "--follow-imports", "silent",
         *{paths!r}],
        opt_level="3", group_name={package!r},
    ),
    script_args=["build_ext", "--inplace"],
)
"""


def missing_packages() -> dict:
    """{Debian package: what it gives} for what compiling with this interpreter needs and this machine lacks: the C
    compiler the interpreter was built with, and its headers (Debian's python3-dev for Debian's Python)."""
    missing = {}
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        missing["gcc"] = f"a C compiler ({compiler})"
    if not Path(sysconfig.get_paths()["include"], "Python.h").is_file():
        missing["python3-dev"] = "the Python headers (Python.h)"
    return missing


def missing_tools() -> str | None:
    """What compiling needs and this machine lacks, None if nothing."""
    if importlib.util.find_spec("mypyc") is None:
        return "mypyc (pip install mypy)"
    missing = missing_packages()
    return ", ".join(f"{what}; Debian: {package}" for package, what in missing.items()) or None


def build(workdir: Path, fingerprint: str) -> Path:
    """Copy the modules into workdir/PACKAGE, compile them there; the package directory, ready to install."""
    package = workdir / compiled.PACKAGE
    package.mkdir()
    (package / "__init__.py").write_text(
        f'"""The reader compiled by mypyc (scripts/compile_reader.py); see chidao/documents/reader/compiled.py."""\n'
        f'FINGERPRINT = "{fingerprint}"\n', encoding="utf-8")
    for name in compiled.MODULES:
        shutil.copyfile(compiled.HERE / f"{name}.py", package / f"{name}.py")
    paths = [f"{compiled.PACKAGE}/{name}.py" for name in compiled.COMPILED_MODULES]
    (workdir / "setup.py").write_text(SETUP.format(package=compiled.PACKAGE, paths=paths), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]))
    run = subprocess.run([sys.executable, "setup.py"], cwd=workdir, env=env, capture_output=True, text=True)
    if run.returncode != 0:
        tail = "\n".join((run.stdout + run.stderr).splitlines()[-30:])
        raise RuntimeError(f"mypyc failed:\n{tail}")
    for name in compiled.COMPILED_MODULES:  # the compiled module replaces its source in the installed package
        (package / f"{name}.py").unlink()
    return package


def install(package: Path, site: Path) -> None:
    """Replace the installed build by `package` (and its shared library, beside it in the build directory)."""
    target = site / compiled.PACKAGE
    staged = site / f"{compiled.PACKAGE}.new"
    shutil.rmtree(staged, ignore_errors=True)
    shutil.copytree(package, staged)
    shutil.rmtree(target, ignore_errors=True)
    for old in site.glob(f"{compiled.PACKAGE}__mypyc*"):
        old.unlink()
    for lib in package.parent.glob(f"{compiled.PACKAGE}__mypyc*"):
        shutil.copy2(lib, site / lib.name)
    staged.rename(target)


def main(argv: list) -> int:
    if "--debian-packages" in argv:
        print(" ".join(missing_packages()))
        return 0
    force = "--force" in argv
    required = "--required" in argv
    fingerprint = compiled.fingerprint()
    if not force and compiled.built_fingerprint() == fingerprint:
        print("Bộ đọc đã biên dịch, khớp mã nguồn / compiled reader up to date")
        return 0
    lacking = missing_tools()
    if lacking:
        print(f"Không biên dịch được bộ đọc (thiếu {lacking}); bộ đọc chạy bằng Python thuần, cùng kết quả, chậm hơn / "
              f"reader not compiled (missing {lacking}); it runs as plain Python: same results, slower",
              file=sys.stderr)
        return 1 if required else 0
    site = Path(sysconfig.get_paths()["platlib"])
    with tempfile.TemporaryDirectory() as tmp:
        try:
            package = build(Path(tmp), fingerprint)
        except RuntimeError as error:
            print(error, file=sys.stderr)
            return 1
        install(package, site)
    print(f"Đã biên dịch bộ đọc / reader compiled: {site / compiled.PACKAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
