"""Every model, test and analysis compiles with dbt-bigquery, offline, and parses as BigQuery SQL.

BigQuery cannot be reached from here, so the connection is never opened and the
adapter reports no existing relations (every model compiles as a first build). This covers
what the emulator (test_bigquery.py) does not: the incremental path, and what BigQuery refuses
but the emulator's DuckDB takes (a comparison with a literal null).
"""

from __future__ import annotations

import pytest
import sqlglot
from sqlglot import exp

from compiled_sql import compile_offline, unparsable_and_unknown
from conftest import copy_project, native_models

# Functions sqlglot does not model but BigQuery has; anything else unknown is a portability bug.
# ERROR() is BigQuery's debugging function, raised by int_inputs_gate inside a CASE; PARSE_JSON
# sqlglot models, but not behind the SAFE. prefix (pql_property_text).
KNOWN_BIGQUERY_FUNCTIONS: set[str] = {"error", "parse_json"}


@pytest.fixture(scope="module")
def compiled(tmp_path_factory) -> dict:
    """Compiled nodes by unique id (seeds have no SQL and are left out)."""
    project_dir = copy_project(tmp_path_factory.mktemp("bigquery") / "project")
    return compile_offline(project_dir, "bigquery", "--selector", "everything",
                           "--vars", '{"pql_score_date": "2026-03-31"}')


@pytest.fixture(scope="module")
def compiled_nodes(compiled: dict) -> dict[str, str]:
    return {unique_id: node.compiled_code for unique_id, node in compiled.items()}


def test_every_model_test_and_analysis_compiles(compiled_nodes: dict[str, str]):
    kinds = {unique_id.split(".")[0] for unique_id in compiled_nodes}
    assert {"model", "test", "analysis"} <= kinds
    project_models = native_models()
    compiled_models = {unique_id.split(".")[-1] for unique_id in compiled_nodes if unique_id.startswith("model.")}
    assert compiled_models == project_models


def test_every_compiled_statement_parses_as_bigquery(compiled_nodes: dict[str, str]):
    failures, unknown_functions = unparsable_and_unknown(compiled_nodes, "bigquery", KNOWN_BIGQUERY_FUNCTIONS)
    assert not failures, "\n".join(failures)
    assert not unknown_functions, f"functions BigQuery may not have: {unknown_functions}"


def test_no_duckdb_or_postgres_casts_reach_bigquery(compiled_nodes: dict[str, str]):
    offenders = [unique_id for unique_id, sql in compiled_nodes.items() if "::" in sql]
    assert not offenders


def test_nothing_reaches_bigquery_that_it_refuses_outright(compiled: dict, compiled_nodes: dict[str, str]):
    # "Operands of > cannot be literal NULL": BigQuery refuses a comparison with a null literal.
    compared_with_null = [
        unique_id for unique_id, sql in compiled_nodes.items()
        for statement in sqlglot.parse(sql, read="bigquery") if statement is not None
        for comparison in statement.find_all(exp.GT, exp.GTE, exp.LT, exp.LTE, exp.EQ, exp.NEQ)
        if isinstance(comparison.left, exp.Null) or isinstance(comparison.right, exp.Null)
    ]
    assert not compared_with_null
    # An empty cluster_by renders a bare CLUSTER BY.
    assert not [unique_id for unique_id, node in compiled.items() if node.config.get("cluster_by") == []]


def test_daily_aggregate_overwrites_day_partitions_clustered_by_account(compiled: dict):
    config = compiled["model.pql_scoring.int_events_aggregated_daily"].config
    assert config.get("materialized") == "incremental"
    assert config.get("incremental_strategy") == "insert_overwrite"
    assert config.get("partition_by") == {"field": "activity_date", "data_type": "date", "granularity": "day"}
    assert config.get("cluster_by") == ["account_id"]


def test_the_intraday_job_compiles_and_parses_as_bigquery(tmp_path_factory):
    project_dir = copy_project(tmp_path_factory.mktemp("bigquery_intraday") / "project")
    compiled = compile_offline(project_dir, "bigquery", "--selector", "intraday",
                               "--vars", '{"pql_score_date": "2026-03-31"}')
    nodes = {unique_id: node.compiled_code for unique_id, node in compiled.items()}
    assert "changed_lately" in nodes["model.pql_scoring.int_scored_accounts"]
    assert compiled["model.pql_scoring.pql_alerts"].config.get("incremental_strategy") == "merge"
    failures, unknown_functions = unparsable_and_unknown(nodes, "bigquery", KNOWN_BIGQUERY_FUNCTIONS)
    assert not failures, "\n".join(failures)
    assert not unknown_functions, f"functions BigQuery may not have: {unknown_functions}"
