"""Each tracker's staging compiles for Snowflake and BigQuery, offline, and parses as their SQL.

The tracker models are ephemeral: they compile into the stg_raw__ models that read them, and
the account lookup into int_events_account_checked. Snowflake's execution is proven on the
native tables by test_snowflake.py; here only the trackers' SQL is at stake.
"""

from __future__ import annotations

import json

import pytest

from compiled_sql import compile_offline, unparsable_and_unknown
from conftest import DbtProject, copy_project
from tracker_shapes import REPLACED_TABLES, SHAPE_VARS, SHAPES

TRACKERS = [shape for shape in SHAPES if shape != "native"]
STAGING = "stg_raw__events stg_raw__users stg_raw__accounts int_events_account_checked"
KNOWN_FUNCTIONS: set[str] = set()


@pytest.fixture(scope="module")
def project_dir(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("trackers") / "project")


@pytest.mark.parametrize("target", ["snowflake", "bigquery"])
@pytest.mark.parametrize("tracker", TRACKERS)
def test_tracker_staging_compiles_and_parses(tracker, target, project_dir):
    tracker_vars = {"pql_event_source": tracker, "pql_score_date": "2026-03-31", **SHAPE_VARS[tracker]}
    nodes = compile_offline(project_dir, target, "--select", STAGING, "--vars", json.dumps(tracker_vars),
                            "--target-path", f"target_{tracker}_{target}")
    compiled = {unique_id: node.compiled_code for unique_id, node in nodes.items()}
    assert {unique_id.split(".")[-1] for unique_id in compiled if unique_id.startswith("model.")} \
        == set(STAGING.split())
    # The tracker's own tables are read, inlined from its ephemeral models.
    assert f"__dbt__cte__stg_{tracker}__events" in compiled["model.pql_scoring.stg_raw__events"]
    if (tracker, target) == ("rudderstack", "bigquery"):
        # groups is a reserved word there, and RudderStack names the table _groups.
        assert "`_groups`" in compiled["model.pql_scoring.stg_raw__events"]
    failures, unknown_functions = unparsable_and_unknown(compiled, target, KNOWN_FUNCTIONS)
    assert not failures, "\n".join(failures)
    assert not unknown_functions, f"functions {target} may not have: {unknown_functions}"


def test_dbt_and_the_scripts_register_the_same_trackers(project_dir, tmp_path):
    """pql_tracker_tables (what dbt accepts and reads) and tracker_shapes.py (what the scripts write)."""
    project = DbtProject(project_dir=project_dir, database=tmp_path / "registry.duckdb")
    result = project.dbt("compile", "--inline", "{{ tojson(pql_tracker_tables()) }}",
                         "--target-path", str(tmp_path / "target"))
    assert result.success, result.exception
    assert json.loads(result.result.results[0].node.compiled_code) == REPLACED_TABLES
