"""Every model, test and analysis compiles with dbt-databricks, offline, and parses as Databricks SQL.

dbt-databricks 1.11 needs an older dbt-adapters than dbt-spark 1.11, so it has an
environment of its own (`make install-test` makes `.venv-databricks`); its Python runs
databricks_compile.py, which compiles with the connection never opened.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from compiled_sql import unparsable_and_unknown
from conftest import PROJECT_ROOT, copy_project, native_models

DATABRICKS_PYTHON = Path(os.environ.get("PQL_DATABRICKS_PYTHON", PROJECT_ROOT / ".venv-databricks" / "bin" / "python"))
# Functions sqlglot does not model but Databricks has; anything else unknown is a portability bug.
# raise_error() stops a query with a message: int_inputs_gate's refusal.
KNOWN_DATABRICKS_FUNCTIONS: set[str] = {"raise_error"}
# Placeholders: the compile never connects, but the databricks output needs every variable.
CONNECTION = {
    "DATABRICKS_HOST": "dbc-offline.cloud.databricks.com",
    "DATABRICKS_HTTP_PATH": "/sql/1.0/warehouses/offline",
    "DATABRICKS_TOKEN": "offline",
    "DATABRICKS_CATALOG": "main",
}


def _compile(base: Path, selector: str) -> dict:
    """Compiled SQL and config by unique id under "nodes" (seeds have no SQL and are left out),
    and under "seed_loader" the macro `dbt seed` loads rows with."""
    if not DATABRICKS_PYTHON.exists():
        pytest.fail(f"No Databricks environment at {DATABRICKS_PYTHON}: run `make install-test`, or set "
                    "PQL_DATABRICKS_PYTHON to a Python with dbt-databricks 1.11")
    project_dir = copy_project(base / "project")
    output = base / "compiled.json"
    completed = subprocess.run(
        [str(DATABRICKS_PYTHON), str(Path(__file__).with_name("databricks_compile.py")), str(project_dir), str(output),
         selector],
        env={**os.environ, **CONNECTION, "PQL_TARGET": "databricks", "DO_NOT_TRACK": "1"},
        capture_output=True, text=True, timeout=600,
    )
    assert completed.returncode == 0, completed.stdout[-6000:] + completed.stderr[-3000:]
    return json.loads(output.read_text())


@pytest.fixture(scope="module")
def compiled_project(tmp_path_factory) -> dict:
    return _compile(tmp_path_factory.mktemp("databricks"), "everything")


@pytest.fixture(scope="module")
def compiled(compiled_project) -> dict[str, dict]:
    return compiled_project["nodes"]


def test_seeds_load_with_dbt_databricks_own_loader_not_the_spark_one(compiled_project):
    """The project's spark__load_csv_rows would shadow dbt-databricks' (dispatch searches the
    project first); its databricks__load_csv_rows hands the rows back to dbt-databricks."""
    assert compiled_project["seed_loader"] == (
        "macro.pql_scoring.databricks__load_csv_rows calls macro.dbt_databricks.databricks__load_csv_rows")


def test_the_intraday_job_compiles_and_parses_as_databricks(tmp_path: Path):
    compiled = _compile(tmp_path, "intraday")["nodes"]
    assert "changed_lately" in compiled["model.pql_scoring.int_scored_accounts"]["sql"]
    assert compiled["model.pql_scoring.pql_alerts"]["config"]["incremental_strategy"] == "merge"
    failures, unknown_functions = unparsable_and_unknown(
        {unique_id: node["sql"] for unique_id, node in compiled.items()}, "databricks", KNOWN_DATABRICKS_FUNCTIONS)
    assert not failures, "\n".join(failures)
    assert not unknown_functions, f"functions Databricks may not have: {unknown_functions}"


def test_every_model_test_and_analysis_compiles(compiled: dict[str, dict]):
    kinds = {unique_id.split(".")[0] for unique_id in compiled}
    assert {"model", "test", "analysis"} <= kinds
    project_models = native_models()
    assert {unique_id.split(".")[-1] for unique_id in compiled if unique_id.startswith("model.")} == project_models


def test_every_compiled_statement_parses_as_databricks(compiled: dict[str, dict]):
    failures, unknown_functions = unparsable_and_unknown(
        {unique_id: node["sql"] for unique_id, node in compiled.items()}, "databricks", KNOWN_DATABRICKS_FUNCTIONS)
    assert not failures, "\n".join(failures)
    assert not unknown_functions, f"functions Databricks may not have: {unknown_functions}"


def test_days_are_replaced_in_delta_tables_clustered_by_day(compiled: dict[str, dict]):
    config = compiled["model.pql_scoring.int_events_aggregated_daily"]["config"]
    assert config["materialized"] == "incremental"
    assert config["file_format"] == "delta"
    assert config["incremental_strategy"] == "delete+insert"
    assert config["unique_key"] == "activity_date"
    assert config["liquid_clustered_by"] == ["activity_date", "account_id"]
