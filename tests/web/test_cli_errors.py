"""The console script answers bad situations with a sentence and exit status 2, never a traceback."""
import os
import subprocess
import sys


def _chidao(*args, data_dir):
    env = {**os.environ, "CHIDAO_DATA_DIR": str(data_dir), "DATABASE_URL": ""}
    return subprocess.run([sys.executable, "-m", "chidao.cli", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_a_database_that_was_never_migrated(tmp_path):
    done = _chidao("tasks", "--json", data_dir=tmp_path)
    assert done.returncode == 2
    assert "chidao migrate" in done.stderr and "Traceback" not in done.stderr


def test_a_bad_period(tmp_path):
    _chidao("migrate", "-v0", data_dir=tmp_path)
    done = _chidao("completeness", "2013-H7", data_dir=tmp_path)
    assert done.returncode == 2
    assert "Kỳ báo cáo không hợp lệ" in done.stderr and "Invalid period" in done.stderr
    assert "Traceback" not in done.stderr
