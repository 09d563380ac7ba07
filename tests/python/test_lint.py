"""Linters pass: sqlfluff (dbt templater, DuckDB dialect) on the SQL, ruff on the Python."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import PROJECT_ROOT


def _lint_environment(database: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DBT_PROFILES_DIR": str(PROJECT_ROOT),
        "PQL_DUCKDB_PATH": str(database),
        "PQL_SCHEMA": "analytics",
        "DO_NOT_TRACK": "1",
    }


def _sqlfluff_lint(paths: list[str], database: Path) -> subprocess.CompletedProcess:
    sqlfluff = Path(sys.executable).with_name("sqlfluff")
    return subprocess.run(
        [str(sqlfluff), "lint", *paths],
        cwd=PROJECT_ROOT, env=_lint_environment(database), capture_output=True, text=True, timeout=600,
    )


@pytest.mark.fast
def test_sqlfluff_passes(tmp_path: Path):
    result = _sqlfluff_lint(["models", "tests", "analyses"], tmp_path / "lint.duckdb")
    assert result.returncode == 0, result.stdout + result.stderr


def test_sqlfluff_passes_on_the_incremental_models_once_their_tables_exist(tmp_path: Path):
    """`make lint` after a build: is_incremental() is true, so the daily run's SQL is what is linted."""
    database = tmp_path / "lint.duckdb"
    listed = subprocess.run(
        [str(Path(sys.executable).with_name("dbt")), "ls", "--quiet", "--resource-type", "model",
         "--select", "config.materialized:incremental", "--output", "json", "--output-keys", "name original_file_path"],
        cwd=PROJECT_ROOT, env=_lint_environment(database), capture_output=True, text=True, timeout=600,
    )
    assert listed.returncode == 0, listed.stdout + listed.stderr
    models = [json.loads(line) for line in listed.stdout.splitlines() if line.startswith("{")]
    assert len(models) >= 5, listed.stdout
    with duckdb.connect(str(database)) as connection:
        connection.execute("create schema analytics")
        for model in models:
            connection.execute(f'create table analytics."{model["name"]}" (placeholder integer)')

    result = _sqlfluff_lint([model["original_file_path"] for model in models], database)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.fast
def test_ruff_passes():
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run(
        [str(ruff), "check", "scripts", "tests/python"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
