"""The whole project on Snowflake, for real, through dbt-snowflake and a fakesnow server on loopback.

Seeds, models, unit and data tests all run; a second daily run takes the incremental
path; the Snowflake scores must equal the DuckDB scores on the same data, row for row.

The server runs as its own process on 127.0.0.1 and is stopped when the tests end.
Test configuration only, never the models: fakesnow refuses `create temporary table
db.schema.x`, so this test's copy of the project gets a macro that makes dbt-snowflake's
scratch tables ordinary tables (FAKESNOW_WORKAROUNDS below).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
import snowflake.connector

from conftest import DbtProject, copy_project, new_project
from fixture_world import ACCOUNTS, add_fixture_world
from generate_sample_data import generate

SCORE_DATE = "2026-03-31"
DBT_VARS = f'{{"pql_score_date": "{SCORE_DATE}"}}'
UNTOUCHED_DAY = "2026-01-15"

FAKESNOW_WORKAROUNDS = """
{#- Test configuration only: fakesnow refuses CREATE TEMPORARY TABLE db.schema.x, so
    dbt-snowflake's scratch tables (unit-test inputs, incremental batches) are made
    as ordinary tables. -#}
{% macro snowflake__create_table_temporary_sql(relation, compiled_code) -%}
    create or replace table {{ relation }} as (
        {{ compiled_code }}
    );
{%- endmacro %}
"""

PROFILE = """
pql_scoring:
  target: snowflake
  outputs:
    snowflake:
      type: snowflake
      account: fakesnow
      user: fake
      password: snow
      database: pql
      schema: analytics
      warehouse: compute
      host: 127.0.0.1
      port: {port}
      protocol: http
      threads: 2
"""


@pytest.fixture(scope="module")
def fakesnow_server(tmp_path_factory) -> Iterator[dict]:
    """A fakesnow server in its own process on loopback, stopped when the module's tests end."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path_factory.mktemp("fakesnow") / "server.log"
    with log.open("w") as log_file:
        server = subprocess.Popen(
            [str(Path(sys.executable).with_name("fakesnow")), "--server", "--host", "127.0.0.1", "--port", str(port)],
            stdout=log_file, stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, f"fakesnow exited early:\n{log.read_text()}"
                assert time.monotonic() < deadline, f"fakesnow did not start:\n{log.read_text()}"
                time.sleep(0.2)
        yield {
            "user": "fake", "password": "snow", "account": "fakesnow",
            "host": "127.0.0.1", "port": port, "protocol": "http",
            "session_parameters": {"CLIENT_OUT_OF_BAND_TELEMETRY_ENABLED": False},
        }
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="module")
def duckdb_world(tmp_path_factory) -> DbtProject:
    """The sample world and the fixture accounts, scored on DuckDB."""
    project = new_project(tmp_path_factory.mktemp("duckdb"))
    generate(project.database, accounts=120, events=None, end_date=dt.date(2026, 3, 31), seed=11)
    add_fixture_world(project.database)
    project.build(pql_score_date=SCORE_DATE)
    return project


def _load_raw_tables(connection_kwargs: dict, source: Path) -> None:
    """Copy the raw tables into Snowflake, with event properties as VARIANT as Snowflake stores them."""
    with duckdb.connect(str(source)) as con:
        rows = {
            table: con.execute(f"select * from raw.{table}").fetchall()
            for table in ("accounts", "users", "events", "deals")
        }
    with snowflake.connector.connect(**connection_kwargs) as sf:
        cursor = sf.cursor()
        cursor.execute("create database if not exists pql")
        cursor.execute("use database pql")
        cursor.execute("create schema if not exists raw")
        cursor.execute("""create or replace table raw.accounts (account_id varchar, domain varchar,
            employee_count integer, industry varchar, country varchar, icp_match boolean, created_at timestamp_ntz)""")
        cursor.execute("""create or replace table raw.users (user_id varchar, account_id varchar, email varchar,
            job_title varchar, created_at timestamp_ntz)""")
        cursor.execute("""create or replace table raw.events_landing (event_id varchar, user_id varchar,
            account_id varchar, event_name varchar, event_time timestamp_ntz, properties varchar)""")
        cursor.execute("""create or replace table raw.deals (deal_id varchar, account_id varchar,
            created_at timestamp_ntz, closed_at timestamp_ntz, is_won boolean, amount number(18, 2))""")
        cursor.executemany("insert into raw.accounts values (%s, %s, %s, %s, %s, %s, %s)", rows["accounts"])
        cursor.executemany("insert into raw.deals values (%s, %s, %s, %s, %s, %s)", rows["deals"])
        cursor.executemany("insert into raw.users values (%s, %s, %s, %s, %s)", rows["users"])
        cursor.executemany("insert into raw.events_landing values (%s, %s, %s, %s, %s, %s)", rows["events"])
        cursor.execute("""create or replace table raw.events as
            select event_id, user_id, account_id, event_name, event_time, parse_json(properties) as properties
            from raw.events_landing""")


def _snowflake_query(connection_kwargs: dict, sql: str) -> list[tuple]:
    with snowflake.connector.connect(**connection_kwargs, database="pql") as sf:
        return sf.cursor().execute(sql).fetchall()


@pytest.fixture(scope="module")
def snowflake_runs(fakesnow_server: dict, duckdb_world: DbtProject, tmp_path_factory) -> list[dict]:
    """Two daily runs of `dbt build` on Snowflake, as a scheduler runs them; returns their run_results."""
    project_dir = copy_project(tmp_path_factory.mktemp("snowflake") / "project")
    (project_dir / "profiles.yml").write_text(PROFILE.format(port=fakesnow_server["port"]))
    (project_dir / "macros" / "fakesnow_workarounds.sql").write_text(FAKESNOW_WORKAROUNDS)
    _load_raw_tables(fakesnow_server, duckdb_world.database)

    dbt = str(Path(sys.executable).with_name("dbt"))
    env = {**os.environ, "PQL_TARGET": "snowflake", "DO_NOT_TRACK": "1"}
    run_results = []
    for run in range(2):
        if run == 1:
            # Mark a day outside the lookback and every scoring window: only a full rebuild would reset it.
            _snowflake_query(fakesnow_server, f"update analytics.int_events_aggregated_daily set event_count = -1 "
                                              f"where activity_date = '{UNTOUCHED_DAY}'")
        completed = subprocess.run(
            [dbt, "build", "--project-dir", str(project_dir), "--profiles-dir", str(project_dir), "--vars", DBT_VARS],
            env=env, capture_output=True, text=True, timeout=900,
        )
        assert completed.returncode == 0, completed.stdout[-6000:] + completed.stderr[-2000:]
        run_results.append(json.loads((project_dir / "target" / "run_results.json").read_text()))
    return run_results


def test_whole_project_builds_and_tests_green_twice(snowflake_runs: list[dict]):
    for run_results in snowflake_runs:
        kinds = {result["unique_id"].split(".")[0] for result in run_results["results"]}
        assert {"seed", "model", "test", "unit_test"} <= kinds
        # Exposures have nothing to run: dbt reports them as no-op.
        not_passed = {result["unique_id"].split(".")[2]: result["status"] for result in run_results["results"]
                      if result["status"] not in ("success", "pass")
                      and not result["unique_id"].startswith("exposure.")}
        # A world this small has days without events, which the missing-days check warns about, and
        # too few accounts for the health checks of the PQL rate and close rates to hold.
        assert set(not_passed.values()) <= {"warn"}
        assert set(not_passed) <= {"daily_activity_has_no_missing_days", "pql_rate_is_5_to_15_percent",
                                   "close_rate_rises_with_score_band"}


def test_second_run_takes_the_incremental_path(snowflake_runs: list[dict], fakesnow_server: dict):
    counts = _snowflake_query(fakesnow_server, f"""
        select min(event_count), max(event_count) from analytics.int_events_aggregated_daily
        where activity_date = '{UNTOUCHED_DAY}'""")
    assert counts == [(-1, -1)]
    lookback_counts = _snowflake_query(fakesnow_server, """
        select min(event_count) from analytics.int_events_aggregated_daily where activity_date = '2026-03-30'""")
    assert lookback_counts[0][0] >= 1


def test_snowflake_scores_equal_duckdb_scores_row_for_row(
    snowflake_runs: list[dict], fakesnow_server: dict, duckdb_world: DbtProject
):
    columns = ("account_id, domain, product_score, fit_score, intent_score, pql_score, pql_tier, pql_tier_rank, "
               "is_pql, treatment, sla_hours, score_reasons, scoring_model, score_date")
    snowflake_rows = _snowflake_query(
        fakesnow_server, f"select {columns} from pql.analytics.pql_scores order by account_id")
    duckdb_rows = duckdb_world.query(f"select {columns} from analytics.pql_scores order by account_id")
    assert len(duckdb_rows) == 120 + len(ACCOUNTS)
    assert [tuple(row) for row in snowflake_rows] == duckdb_rows
