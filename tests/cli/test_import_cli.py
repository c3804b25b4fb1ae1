"""``perfbudget import``: a summary at the end, idempotent, nothing stored from a bad file.

Each test runs the command in a subprocess against its own SQLite database (PERFBUDGET_HOME),
the way a user runs it.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

PERFBUDGET = [sys.executable, "-m", "perfbudget.cli.main"]


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["PERFBUDGET_HOME"] = str(home)
    env["COLUMNS"] = "200"
    return subprocess.run([*PERFBUDGET, *args], capture_output=True, text=True, env=env, check=False)


def count(home: Path, table: str) -> int:
    with sqlite3.connect(home / "perfbudget.sqlite3") as db:
        return db.execute(f"select count(*) from {table}").fetchone()[0]


def test_import_twice_is_one_document(tmp_path: Path, good_file: Path) -> None:
    home = tmp_path / "home"
    first = run(home, "import", str(good_file))
    assert first.returncode == 0, first.stderr
    assert "入库 1 个" in first.stdout
    copy = tmp_path / "same-content-other-name.txt"
    copy.write_bytes(good_file.read_bytes())
    second = run(home, "import", str(good_file), str(copy))
    assert second.returncode == 0
    assert "重复 2 个" in second.stdout
    assert count(home, "store_document") == 1
    assert count(home, "store_table") == 1


def test_bad_file_stores_nothing_and_exits_2(tmp_path: Path, good_file: Path) -> None:
    home = tmp_path / "home"
    binary = tmp_path / "junk.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    done = run(home, "import", str(binary), str(good_file))
    assert done.returncode == 2
    assert str(binary) in done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert count(home, "store_document") == 1  # the good one; nothing of the junk


def test_stored_documents_are_checked_without_files(tmp_path: Path, bad_sum_file: Path) -> None:
    home = tmp_path / "home"
    assert run(home, "import", str(bad_sum_file)).returncode == 0
    done = run(home, "check", "--brief")
    assert done.returncode == 1
    assert "budget.class-sum" in done.stdout
