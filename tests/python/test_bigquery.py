"""BigQuery, executed: the whole project built through dbt-bigquery against a BigQuery emulator on
loopback, its marts equal DuckDB's row for row, and the daily run's guards stopping it as on DuckDB.

The emulator is crucible-emulator, in an environment of its own (`make install-test` makes
`.venv-bigquery`: it pins a DuckDB the project's does not). It translates BigQuery's SQL to DuckDB,
so this proves what dbt-bigquery sends and what BigQuery's front end refuses (types, reserved words,
constructs), not BigQuery's semantics or cost. It runs no scripting, so the incremental path
(`insert_overwrite`) stays with the offline compile (test_bigquery_compile.py); docs/testing.md
says why the emulators that script do not run here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from conftest import PROJECT_ROOT, DbtProject, failed_nodes, new_project
from generate_sample_data import generate

EMULATOR = Path(os.environ.get("PQL_BIGQUERY_EMULATOR", PROJECT_ROOT / ".venv-bigquery" / "bin" / "crucible"))
PROJECT = "pql-emulated"
SCORE_DATE = "2026-03-31"
WORLD_VARS = {"pql_score_date": SCORE_DATE, "pql_read_dispositions": True}
# The profile a user writes, pointed at the emulator: nothing leaves the machine.
PROFILE = """pql_scoring:
  target: bigquery
  outputs:
    bigquery:
      type: bigquery
      method: oauth-secrets
      token: emulated
      project: {project}
      dataset: analytics
      location: US
      threads: 2
      api_endpoint: {endpoint}
"""
# The emulator has no PARSE_JSON; BigQuery wants a literal JSON path, which the emulator does not.
# So the test copy reads a property with a path built from the key (keys hold no quote).
EMULATED_PROPERTY_TEXT = (
    "json_value(safe.parse_json({{ json_text }})[{{ key }}])",
    "safe.json_value({{ json_text }}, concat('$.\"', {{ key }}, '\"'))",
)
BIGQUERY_TYPES = {"VARCHAR": "STRING", "TIMESTAMP": "TIMESTAMP", "INTEGER": "INT64", "BIGINT": "INT64",
                  "BOOLEAN": "BOOL", "DOUBLE": "FLOAT64", "DATE": "DATE", "JSON": "STRING", "DECIMAL": "NUMERIC"}
# The marts compared with DuckDB's, each as the columns that must agree.
COMPARED = {
    "pql_scores": "account_id, product_score, fit_score, intent_score, pql_score, pql_tier, treatment",
    "pql_score_contributions": "account_id, rule_id, cast(signal_value as {float}) as signal_value, capped_points",
    "pql_score_history": "account_id, cast(score_date as {text}) as score_date, pql_score, pql_tier",
    "pql_tier_changes": "account_id, cast(change_date as {text}) as change_date, from_tier, to_tier",
}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    """The emulator on a free loopback port, stopped when the module is done."""
    if not EMULATOR.exists():
        pytest.fail(f"No BigQuery emulator at {EMULATOR}: run `make install-test`, or set PQL_BIGQUERY_EMULATOR")
    port = _free_port()
    log = (tmp_path_factory.mktemp("emulator") / "emulator.log").open("w")
    process = subprocess.Popen([str(EMULATOR), "serve", "--dialect", "bigquery", "--host", "127.0.0.1",
                                "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/_crucible/health", timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail(f"the emulator did not start: {Path(log.name).read_text()[-2000:]}")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def _client(url: str):
    from google.api_core.client_options import ClientOptions
    from google.auth.credentials import AnonymousCredentials
    from google.cloud import bigquery

    return bigquery.Client(project=PROJECT, credentials=AnonymousCredentials(),
                           client_options=ClientOptions(api_endpoint=url))


def _load_raw_tables(client, database: Path, only: str | None = None, events_before: str | None = None) -> None:
    """The DuckDB world's raw tables (or the one named `only`) into the emulator's `raw` dataset, through
    CSV load jobs; with `events_before`, the events before that time alone."""
    from google.cloud import bigquery

    client.create_dataset("raw", exists_ok=True)
    with duckdb.connect(str(database)) as con:
        tables = [only] if only else [row[0] for row in con.execute(
            "select table_name from information_schema.tables where table_schema = 'raw' order by 1").fetchall()]
        for table in tables:
            columns = con.execute("select column_name, data_type from information_schema.columns "
                                  "where table_schema = 'raw' and table_name = ? order by ordinal_position",
                                  [table]).fetchall()
            schema = [bigquery.SchemaField(name, BIGQUERY_TYPES[kind.split("(")[0]]) for name, kind in columns]
            text = io.StringIO()
            writer = csv.writer(text)
            rows = f"where event_time < '{events_before}'" if table == "events" and events_before else ""
            for row in con.execute(f"select * from raw.{table} {rows}").fetchall():
                writer.writerow(["" if value is None else value.isoformat(sep=" ") if hasattr(value, "isoformat")
                                 else value for value in row])
            job = client.load_table_from_file(
                io.BytesIO(text.getvalue().encode()), f"{PROJECT}.raw.{table}",
                job_config=bigquery.LoadJobConfig(schema=schema, source_format="CSV",
                                                  write_disposition="WRITE_TRUNCATE"))
            job.result()


def _bigquery_project(base: Path, url: str) -> DbtProject:
    project = new_project(base, "bigquery")
    (project.project_dir / "profiles.yml").write_text(PROFILE.format(project=PROJECT, endpoint=url))
    macro = project.project_dir / "macros" / "cross_database" / "pql_property_text.sql"
    original, emulated = EMULATED_PROPERTY_TEXT
    assert original in macro.read_text(), "pql_property_text's BigQuery body changed: update EMULATED_PROPERTY_TEXT"
    macro.write_text(macro.read_text().replace(original, emulated))
    return project


@pytest.fixture(scope="module")
def worlds(endpoint, tmp_path_factory) -> tuple[DbtProject, DbtProject]:
    """The same 200-account world built on DuckDB and, whole (unit tests too), on the emulator."""
    base = tmp_path_factory.mktemp("bigquery")
    duck = new_project(base, "duckdb")
    generate(duck.database, accounts=200, events=None, end_date=dt.date.fromisoformat(SCORE_DATE), seed=3)
    _load_raw_tables(_client(endpoint), duck.database)
    duck.build("--selector", "everything", **WORLD_VARS)
    emulated = _bigquery_project(base, endpoint)
    result = emulated.dbt("build", "--selector", "everything", dbt_vars=WORLD_VARS)
    assert failed_nodes(result) == [] and result.success, failed_nodes(result) or result.exception
    return duck, emulated


def test_the_project_builds_on_bigquery_and_its_marts_equal_duckdbs(worlds, endpoint):
    duck, _ = worlds
    client = _client(endpoint)
    for table, columns in COMPARED.items():
        emulated = sorted(tuple(row.values()) for row in client.query(
            f"select {columns.format(float='float64', text='string')} from analytics.{table}").result())
        local = sorted(duck.query(f"select {columns.format(float='double', text='varchar')} from analytics.{table}"))
        assert emulated and emulated == local, table


def test_stale_inputs_stop_a_bigquery_run(worlds, endpoint):
    duck, emulated = worlds
    # The events stop three days before the score date: stale, and the marts stay as they were.
    _load_raw_tables(_client(endpoint), duck.database, only="events", events_before="2026-03-29")
    try:
        result = emulated.dbt("run", "--select", "int_inputs_gate", "pql_scores", dbt_vars=WORLD_VARS)
        assert not result.success
        assert any("raw events is stale" in line for line in emulated.log_lines), emulated.log_lines[-30:]
    finally:
        _load_raw_tables(_client(endpoint), duck.database, only="events")


def test_a_broken_seed_row_is_named_on_bigquery(worlds):
    _, emulated = worlds
    emulated.edit_seed("pql_tiers", "recommended,PQL,3,70,89,", "recommended,PQL,3,70,92,")
    try:
        assert emulated.dbt("seed", "--select", "pql_tiers", dbt_vars=WORLD_VARS).success
        result = emulated.dbt("run", "--select", "int_inputs_gate", "pql_scores", dbt_vars=WORLD_VARS)
        assert not result.success
        assert ("The marts are not replaced: pql_tiers row scoring_model=recommended, tier_name=Hot PQL: "
                "band overlaps tier PQL") in " ".join(failed_nodes(result)), failed_nodes(result)
    finally:
        emulated.edit_seed("pql_tiers", "recommended,PQL,3,70,92,", "recommended,PQL,3,70,89,")
        emulated.dbt("seed", "--select", "pql_tiers", dbt_vars=WORLD_VARS)
