"""Shared start of the benchmarks that need Django: the repository on sys.path, a throw-away data folder
(SQLite) unless DATABASE_URL names another database, settings loaded."""
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def django_setup() -> None:
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("CHIDAO_DATA_DIR", tempfile.mkdtemp(prefix="chidao-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chidao.settings")
    import django

    django.setup()
