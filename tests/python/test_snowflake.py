"""The whole project on Snowflake, for real, through dbt-snowflake and a fakesnow server on loopback.

Seeds, models, unit and data tests all run for the day before; the intraday job runs on the
score date, and the score date's daily run takes the incremental path; the Snowflake scores and
alerts must equal the DuckDB ones on the same data, row for row.

The server runs as its own process on 127.0.0.1 and is stopped when the tests end.
Test configuration only, never the models: fakesnow refuses `create temporary table
db.schema.x` (and view), so this test's copy of the project gets macros that make
dbt-snowflake's scratch tables and views ordinary ones, and names the source of a merge's
insert values, which fakesnow cannot tell from the target's (FAKESNOW_WORKAROUNDS below); and fakesnow turns a
try_cast to TIMESTAMP into a plain cast, so the copy's safe cast names the type by its
other Snowflake name, DATETIME (FAKESNOW_SAFE_CAST below); fakesnow hands GET's key to DuckDB as
a JSON path, so the copy reads an event property by a quoted path (FAKESNOW_PROPERTY_TEXT). The
server itself reads `$name` in literals and comments as text, as Snowflake does
(fakesnow_on_loopback.py).
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

DAY_BEFORE, SCORE_DATE = "2026-03-30", "2026-03-31"
DBT_VARS = f'{{"pql_score_date": "{SCORE_DATE}"}}'
# What pql_alerts must hold alike on both engines (sla_hours and due_by last).
ALERT_COLUMNS = ("alert_id, account_id, alert_kind, alert, pql_tier, is_suppressed, fired_at, detected_by, "
                 "sla_hours, due_by")
UNTOUCHED_DAY = "2026-01-15"

FAKESNOW_WORKAROUNDS = """
{#- Test configuration only: fakesnow refuses CREATE TEMPORARY TABLE (or VIEW) db.schema.x,
    so dbt-snowflake's scratch tables and views (unit-test inputs, incremental batches, a
    merge's source) are made as ordinary ones. -#}
{% macro snowflake__create_table_temporary_sql(relation, compiled_code) -%}
    create or replace table {{ relation }} as (
        {{ compiled_code }}
    );
{%- endmacro %}

{% macro snowflake__create_view_as_with_temp_flag(relation, sql, is_temporary=False) -%}
    create or replace view {{ relation }} as (
        {{ sql }}
    );
{%- endmacro %}

{#- fakesnow cannot tell a merge's unqualified insert values from the target's columns: the
    merge pql_alerts makes (insert the new keys, leave the others) with the values named by
    their source, as Snowflake reads them anyway. -#}
{% macro snowflake__get_merge_sql(target, source_sql, unique_key, dest_columns, incremental_predicates) -%}
    merge into {{ target }} as DBT_INTERNAL_DEST
        using {{ source_sql }} as DBT_INTERNAL_SOURCE
        on DBT_INTERNAL_SOURCE.{{ unique_key }} = DBT_INTERNAL_DEST.{{ unique_key }}
    when not matched then insert ({{ get_quoted_csv(dest_columns | map(attribute="name")) }})
    values ({% for column in dest_columns %}DBT_INTERNAL_SOURCE.{{ adapter.quote(column.name) }}
        {%- if not loop.last %}, {% endif %}{% endfor %})
{%- endmacro %}
"""

# Snowflake's DATETIME is TIMESTAMP_NTZ, its default TIMESTAMP; fakesnow keeps a try_cast to it a try_cast.
FAKESNOW_SAFE_CAST = (
    "try_cast(cast({{ expression }} as varchar) as {{ data_type }})",
    "try_cast(cast({{ expression }} as varchar) as "
    "{{ 'datetime' if data_type | lower in ('timestamp', 'timestamp_ntz') else data_type }})",
)

# fakesnow hands GET's key to DuckDB as a JSON path, where `$pathname` is no key; the copy reads
# the key as the DuckDB underneath does (Snowflake's GET takes any key).
FAKESNOW_PROPERTY_TEXT = (
    "cast(get(try_parse_json({{ json_text }}), {{ key }}) as varchar)",
    "case when json_valid({{ json_text }}) then json_extract_string({{ json_text }}, '$.\"' || {{ key }} || '\"') end",
)

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
            [sys.executable, str(Path(__file__).with_name("fakesnow_on_loopback.py")),
             "--server", "--host", "127.0.0.1", "--port", str(port)],
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
    # The day before closed, the intraday job on the score date, then the score date's daily run.
    project.build_models("--selector", "everything", pql_score_date=DAY_BEFORE)
    project.build("--selector", "intraday", pql_score_date=SCORE_DATE)
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
    """Two runs of `dbt build` of every model (the tuning loop's too) on Snowflake, as a scheduler runs
    them; returns their run_results."""
    project_dir = copy_project(tmp_path_factory.mktemp("snowflake") / "project")
    (project_dir / "profiles.yml").write_text(PROFILE.format(port=fakesnow_server["port"]))
    (project_dir / "macros" / "fakesnow_workarounds.sql").write_text(FAKESNOW_WORKAROUNDS)
    for macro_file, (old, new) in {"pql_safe_cast.sql": FAKESNOW_SAFE_CAST,
                                   "pql_property_text.sql": FAKESNOW_PROPERTY_TEXT}.items():
        path = project_dir / "macros" / "cross_database" / macro_file
        assert path.read_text().count(old) == 1
        path.write_text(path.read_text().replace(old, new))
    _load_raw_tables(fakesnow_server, duckdb_world.database)

    dbt = str(Path(sys.executable).with_name("dbt"))
    env = {**os.environ, "PQL_TARGET": "snowflake", "DO_NOT_TRACK": "1"}
    run_results = []
    # The day before, then the intraday job and the daily run of the score date, as DuckDB's world.
    for selector, score_date in (("everything", DAY_BEFORE), ("intraday", SCORE_DATE), ("everything", SCORE_DATE)):
        if len(run_results) == 2:
            # Mark a day outside the lookback and every scoring window: only a full rebuild would reset it.
            _snowflake_query(fakesnow_server, f"update analytics.int_events_aggregated_daily set event_count = -1 "
                                              f"where activity_date = '{UNTOUCHED_DAY}'")
        completed = subprocess.run(
            [dbt, "build", "--selector", selector, "--project-dir", str(project_dir), "--profiles-dir",
             str(project_dir), "--vars", f'{{"pql_score_date": "{score_date}"}}'],
            env=env, capture_output=True, text=True, timeout=900,
        )
        assert completed.returncode == 0, completed.stdout[-6000:] + completed.stderr[-2000:]
        run_results.append(json.loads((project_dir / "target" / "run_results.json").read_text()))
    return run_results


def test_whole_project_builds_and_tests_green_twice(snowflake_runs: list[dict]):
    for run_results in (snowflake_runs[0], snowflake_runs[2]):
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


def test_the_intraday_job_runs_on_snowflake_and_raises_the_alerts_duckdb_does(
    snowflake_runs: list[dict], fakesnow_server: dict, duckdb_world: DbtProject
):
    intraday = snowflake_runs[1]
    assert {result["status"] for result in intraday["results"]} == {"success"}
    assert "model.pql_scoring.pql_alerts" in {result["unique_id"] for result in intraday["results"]}
    snowflake_rows = _snowflake_query(fakesnow_server, f"select {ALERT_COLUMNS} from pql.analytics.pql_alerts "
                                                       "order by alert_id")
    duckdb_rows = duckdb_world.query(f"select {ALERT_COLUMNS} from analytics.pql_alerts order by alert_id")
    assert any(row[7] == "intraday" for row in duckdb_rows), "the intraday job raised no alert to compare"
    # fakesnow adds a null number of hours to a time as the epoch, where Snowflake gives null: a
    # suppressed alert (no SLA) is due by nothing.
    snowflake_rows = [(*row[:-1], row[-1] if row[-2] is not None else None) for row in snowflake_rows]
    assert snowflake_rows == duckdb_rows


# --- the daily run's guards on Snowflake: after the runs above, the inputs are broken on purpose ---

TEXT_ROWS = {
    # Raw tables re-landed with every column as text, each with a value that does not read.
    "accounts": "('acc_thousands', 'thousands.io', '1,200', 'SaaS', 'US', 'yes', '2026-03-02 09:00:00')",
    "users": "('u_someday', 'acc_thousands', 'x@thousands.io', 'CTO', 'yesterday')",
    "deals": "('d_dollars', 'acc_thousands', '2026-03-21 10:00:00', 'tbd', 'won', '$5,000')",
}


@pytest.fixture(scope="module")
def snowflake_guards(snowflake_runs: list[dict], fakesnow_server: dict, tmp_path_factory) -> dict:
    """dbt run against stale events, a broken seed, text values and a renamed column, in that order."""
    project_dir = Path(snowflake_runs[0]["args"]["project_dir"])
    dbt = str(Path(sys.executable).with_name("dbt"))
    env = {**os.environ, "PQL_TARGET": "snowflake", "DO_NOT_TRACK": "1"}

    def run_dbt(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [dbt, *args, "--project-dir", str(project_dir), "--profiles-dir", str(project_dir), "--vars", DBT_VARS],
            env=env, capture_output=True, text=True, timeout=900,
        )

    def scores() -> list[tuple]:
        return _snowflake_query(fakesnow_server, "select * from pql.analytics.pql_scores order by account_id")

    seen: dict = {"scores_before": scores()}
    sql = lambda statement: _snowflake_query(fakesnow_server, statement)  # noqa: E731

    # A broken pipe: the last five days of events never arrived.
    sql("create or replace table raw.events_kept as select * from raw.events")
    sql("delete from raw.events where event_time >= '2026-03-27'")
    seen["stale_run"] = run_dbt("run")
    seen["stale_selected_run"] = run_dbt("run", "--select", "int_inputs_gate", "pql_scores")
    seen["scores_after_stale"] = scores()
    sql("create or replace table raw.events as select * from raw.events_kept")

    # A tier band widened into the next, loaded with dbt seed.
    tiers = project_dir / "seeds" / "pql_tiers.csv"
    good_tiers = tiers.read_text()
    tiers.write_text(good_tiers.replace("recommended,PQL,3,70,89,", "recommended,PQL,3,70,92,"))
    seen["broken_seed_seed"] = run_dbt("seed")
    seen["broken_seed_run"] = run_dbt("run", "--select", "int_inputs_gate", "pql_scores")
    seen["scores_after_broken_seed"] = scores()
    tiers.write_text(good_tiers)
    assert run_dbt("seed").returncode == 0

    # Accounts, users and deals re-landed as text, one row each whose values do not read.
    for table, row in TEXT_ROWS.items():
        columns = [name for name, *_ in sql(f"describe table raw.{table}")]
        sql(f"create or replace table raw.{table}_text as select "
            + ", ".join(f"cast({name} as varchar) as {name}" for name in columns) + f" from raw.{table}")
        sql(f"insert into raw.{table}_text values {row}")
        sql(f"create or replace table raw.{table} as select * from raw.{table}_text")
    seen["text_run"] = run_dbt("run")
    seen["text_rejected"] = set(sql(
        "select source_table, row_key, reason, outcome from pql.analytics.pql_rejected_rows "
        "where row_key in ('acc_thousands', 'u_someday', 'd_dollars')"))

    # A column renamed upstream.
    sql("alter table raw.users rename column created_at to signed_up_at")
    seen["renamed_run"] = run_dbt("run")
    return seen


def _output(completed: subprocess.CompletedProcess) -> str:
    return completed.stdout + completed.stderr


def test_stale_events_stop_dbt_run_on_snowflake_and_keep_pql_scores(snowflake_guards: dict):
    for run in ("stale_run", "stale_selected_run"):
        completed = snowflake_guards[run]
        assert completed.returncode != 0
        assert "raw events is stale: newest row at 2026-03-26" in _output(completed), _output(completed)[-4000:]
    assert snowflake_guards["scores_after_stale"] == snowflake_guards["scores_before"]


def test_a_broken_seed_stops_dbt_run_on_snowflake_naming_the_row(snowflake_guards: dict):
    assert snowflake_guards["broken_seed_seed"].returncode == 0
    completed = snowflake_guards["broken_seed_run"]
    assert completed.returncode != 0
    assert "pql_tiers row scoring_model=recommended, tier_name=Hot PQL: band overlaps tier PQL" in _output(completed)
    assert snowflake_guards["scores_after_broken_seed"] == snowflake_guards["scores_before"]


def test_text_values_on_snowflake_are_rows_with_reasons(snowflake_guards: dict):
    completed = snowflake_guards["text_run"]
    assert completed.returncode == 0, _output(completed)[-6000:]
    assert snowflake_guards["text_rejected"] == {
        ("accounts", "acc_thousands", "employee_count_not_a_number", "kept, value cleared"),
        ("users", "u_someday", "created_at_not_a_time", "kept, value cleared"),
        ("deals", "d_dollars", "closed_at_not_a_time", "kept, value cleared"),
    }


def test_a_renamed_column_on_snowflake_fails_naming_it_and_the_var(snowflake_guards: dict):
    completed = snowflake_guards["renamed_run"]
    assert completed.returncode != 0
    assert "has no column created_at" in _output(completed) and "pql_users_columns" in _output(completed)
