"""Linters pass: sqlfluff (dbt templater, DuckDB dialect) on the SQL, ruff on the Python."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import PROJECT_ROOT


def test_sqlfluff_passes(tmp_path: Path):
    sqlfluff = Path(sys.executable).with_name("sqlfluff")
    env = {
        **os.environ,
        "DBT_PROFILES_DIR": str(PROJECT_ROOT),
        "PQL_DUCKDB_PATH": str(tmp_path / "lint.duckdb"),
        "DO_NOT_TRACK": "1",
    }
    result = subprocess.run(
        [str(sqlfluff), "lint", "models", "tests", "analyses"],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_passes():
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run(
        [str(ruff), "check", "scripts", "tests/python"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
