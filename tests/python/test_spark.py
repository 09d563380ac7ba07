"""The whole project on Apache Spark, for real: dbt-spark's session method, in this process.

Spark shares no code with DuckDB, so a run equal to DuckDB's row for row is the proof
that the models mean the same thing on another engine. One Spark session serves every
test here (pytest runs a module's tests in one process). The `spark` output of
profiles.yml starts it; its catalog and Parquet tables live in a temporary folder.

Day one builds everything (seeds, models, data and unit tests); then an event arrives
late, the intraday job runs on day two, a paywall hit arrives, the intraday job runs again,
and day two's daily run runs every model again on the incremental path, replacing day
partitions. The alerts of the day equal DuckDB's.

Nothing of dbt-spark is patched: the seeds load through the project's own
spark__load_csv_rows, as they do for users, and their rows equal DuckDB's.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from dbt.cli.main import dbtRunner

from conftest import PROJECT_ROOT, DbtProject, copy_project, native_models, new_project, temporary_environment
from fixture_world import ACCOUNTS, add_fixture_world
from generate_sample_data import generate

DAYS = ("2026-03-30", "2026-03-31")
# Lands after day one's run, dated day one: inside day two's re-read days.
LATE_EVENT = ("late_1", "u_custom", "acc_custom", "pricing_page_viewed", "2026-03-30 15:00:00", "{}")
# Lands between two intraday runs of day two: a paywall hit, a hot trigger.
INTRADAY_EVENT = ("intraday_1", "u_pql", "acc_pql", "paywall_hit", "2026-03-31 10:00:00", "{}")
RAW_TABLES = ("accounts", "users", "events", "deals")
SEEDS = sorted(path.stem for path in (PROJECT_ROOT / "seeds").glob("*.csv"))
# A day no daily run re-reads: its partition's files must survive day two untouched.
UNTOUCHED_DAY = "2026-01-15"
# The marts a reverse ETL tool reads, and the history, compared with DuckDB's (run stamps left out).
COMPARED = {
    "pql_scores": ["scored_at", "events_loaded_through", "accounts_loaded_through"],
    "pql_score_contributions": [],
    "pql_score_history": ["scored_at"],
    "pql_tier_changes": [],
    "pql_alerts": ["detected_at"],
}


def java_problem(environ: Mapping[str, str]) -> str | None:
    """Why pyspark cannot start Spark with this environment's Java, or None when it can."""
    java_home = environ.get("JAVA_HOME")
    if java_home:
        java = Path(java_home, "bin", "java")
        where = f"JAVA_HOME={java_home} has no bin/java"
    else:
        found = shutil.which("java", path=environ.get("PATH", ""))
        java = Path(found) if found else None
        where = "JAVA_HOME is unset and no java is on PATH"
    if java is None or not java.exists():
        return (f"The Spark tests need Java 17 or newer to start Spark, and found none ({where}). "
                "Install a JDK (Debian, Ubuntu: apt install openjdk-17-jdk-headless) or set JAVA_HOME.")
    banner = subprocess.run([str(java), "-version"], capture_output=True, text=True).stderr
    version = re.search(r'version "(\d+)(?:\.(\d+))?', banner)
    major = int(version.group(2) if version and version.group(1) == "1" else version.group(1)) if version else 0
    if major < 17:
        return (f"The Spark tests need Java 17 or newer to start Spark; {java} is "
                f"{'Java ' + str(major) if major else 'not a Java it can read'}. "
                "Install a JDK 17 or set JAVA_HOME to one.")
    return None


def _sorted(rows) -> list[tuple]:
    """Rows in one order whatever each engine does with nulls."""
    return sorted((tuple(row) for row in rows), key=lambda row: [(value is None, value) for value in row])


@pytest.fixture(scope="module")
def java_ready() -> None:
    problem = java_problem(os.environ)
    if problem:
        pytest.fail(problem)


@pytest.fixture(scope="module")
def duckdb_days(tmp_path_factory) -> DbtProject:
    """The sample world and the fixture accounts, day one, the late event, day two: on DuckDB.
    The raw tables as they stood on day one are written beside it as Parquet, for Spark."""
    project = new_project(tmp_path_factory.mktemp("duckdb"))
    generate(project.database, accounts=120, events=None, end_date=dt.date(2026, 3, 31), seed=11)
    add_fixture_world(project.database)
    parquet_dir = raw_parquet_dir(project)
    parquet_dir.mkdir()
    for table in RAW_TABLES:
        project.query(f"copy raw.{table} to '{parquet_dir / table}.parquet' (format parquet)")
    # Models only: the data tests run on Spark and on DuckDB's own worlds elsewhere.
    project.build_models("--selector", "everything", pql_score_date=DAYS[0])
    project.query("insert into raw.events values (?, ?, ?, ?, ?, ?)", LATE_EVENT)
    for event in (None, INTRADAY_EVENT):
        if event:
            project.query("insert into raw.events values (?, ?, ?, ?, ?, ?)", event)
        project.build("--selector", "intraday", pql_score_date=DAYS[1])
    project.build_models("--selector", "everything", pql_score_date=DAYS[1])
    return project


def raw_parquet_dir(project: DbtProject) -> Path:
    return project.database.with_name("raw_day_one")


class SparkProject:
    """A copy of the project run by dbt on the profile's `spark` output, in this process."""

    def __init__(self, base: Path):
        self.project_dir = copy_project(base / "project")
        self.environment = {"PQL_TARGET": "spark", "PQL_SCHEMA": "analytics", "PQL_SPARK_DIR": str(base / "spark")}
        self.warehouse = base / "spark" / "warehouse"

    def dbt(self, *args: str, score_date: str | None = None):
        command = [*args, "--project-dir", str(self.project_dir), "--profiles-dir", str(self.project_dir)]
        if score_date:
            command += ["--vars", f'{{"pql_score_date": "{score_date}"}}']
        with temporary_environment(**self.environment):
            return dbtRunner().invoke(command)

    def invoke(self, command: str, score_date: str, selector: str = "everything") -> list:
        result = self.dbt(command, "--selector", selector, score_date=score_date)
        failed = [f"{r.node.unique_id}: {r.status} {r.message}" for r in (result.result or [])
                  if str(r.status) not in ("pass", "success")]
        assert result.success, f"dbt {command} on Spark failed:\n" + "\n".join(failed or [str(result.exception)])
        return result.result.results

    def partition_files(self, table: str, day: str) -> set[str]:
        return {path.name for path in (self.warehouse / "analytics.db" / table / f"activity_date={day}").iterdir()}


@pytest.fixture(scope="module")
def spark_days(java_ready, duckdb_days: DbtProject, tmp_path_factory) -> Iterator[dict]:
    """The same days on Spark, from the raw tables as they stood on day one; returns what the
    tests read, gathered before the session stops."""
    base = tmp_path_factory.mktemp("spark")
    project = SparkProject(base)
    # dbt starts the session from the profile's settings; this module then uses the same one.
    assert project.dbt("debug", "--connection").success, "dbt could not start Spark from the spark output"
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        yield _run_both_days(spark, project, raw_parquet_dir(duckdb_days))
    finally:
        spark.stop()


def _run_both_days(spark, project: SparkProject, raw_day_one: Path) -> dict:
    _load_raw_tables(spark, raw_day_one)
    aggregate = "int_events_aggregated_daily"
    seen: dict = {"day_one": project.invoke("build", DAYS[0])}
    seen["seeds"] = {seed: _sorted(spark.table(f"analytics.{seed}").collect()) for seed in SEEDS}
    seen["untouched_files"] = project.partition_files(aggregate, UNTOUCHED_DAY)
    seen["reread_files"] = project.partition_files(aggregate, DAYS[0])
    spark.sql("insert into raw.events values ('{}', '{}', '{}', '{}', timestamp '{}', '{}')".format(*LATE_EVENT))
    # Day two through the day: the intraday job, an event, the intraday job again; then the daily run.
    seen["intraday"] = []
    for event in (None, INTRADAY_EVENT):
        if event:
            spark.sql("insert into raw.events values ('{}', '{}', '{}', '{}', timestamp '{}', '{}')".format(*event))
        seen["intraday"].append(project.invoke("build", DAYS[1], selector="intraday"))
    seen["day_two"] = project.invoke("run", DAYS[1])
    seen["untouched_files_after"] = project.partition_files(aggregate, UNTOUCHED_DAY)
    seen["reread_files_after"] = project.partition_files(aggregate, DAYS[0])
    seen["columns"], seen["tables"] = {}, {}
    for table, stamps in COMPARED.items():
        columns = [name for name in spark.table(f"analytics.{table}").columns if name not in stamps]
        seen["columns"][table] = columns
        seen["tables"][table] = _sorted(spark.sql(f"select {', '.join(columns)} from analytics.{table}").collect())
    seen["table_formats"] = {
        table.name: spark.sql(f"describe table extended analytics.{table.name}")
        .where("col_name = 'Provider'").collect()[0].data_type
        for table in spark.catalog.listTables("analytics") if table.tableType == "MANAGED"
    }
    return seen


def _load_raw_tables(spark, parquet_dir: Path) -> None:
    """The raw tables into Spark as Parquet tables, event times as Spark's TIMESTAMP."""
    spark.sql("create database if not exists raw")
    for table in RAW_TABLES:
        frame = spark.read.parquet(str(parquet_dir / f"{table}.parquet"))
        for name, data_type in frame.dtypes:
            if data_type == "timestamp_ntz":  # DuckDB's TIMESTAMP has no zone
                frame = frame.withColumn(name, frame[name].cast("timestamp"))
        frame.write.format("parquet").saveAsTable(f"raw.{table}")


def test_a_machine_without_java_gets_a_message_naming_it(tmp_path: Path):
    assert "need Java 17 or newer" in java_problem({"PATH": str(tmp_path)})
    assert "JAVA_HOME is unset and no java is on PATH" in java_problem({"PATH": str(tmp_path)})
    old_java = tmp_path / "jdk11" / "bin" / "java"
    old_java.parent.mkdir(parents=True)
    old_java.write_text('#!/bin/sh\necho \'openjdk version "11.0.22" 2024-01-16\' >&2\n')
    old_java.chmod(0o755)
    assert "is Java 11" in java_problem({"JAVA_HOME": str(tmp_path / "jdk11")})
    assert java_problem(os.environ) is None, "this machine's Java should run Spark"


def test_day_one_builds_every_node_and_every_test_passes_on_spark(spark_days: dict):
    kinds = {result.node.unique_id.split(".")[0] for result in spark_days["day_one"]}
    assert {"seed", "model", "test", "unit_test"} <= kinds
    # Exposures have nothing to run: dbt reports them as no-op.
    assert {str(result.status) for result in spark_days["day_one"]
            if not result.node.unique_id.startswith("exposure.")} <= {"pass", "success"}


def test_seeds_load_on_spark_as_on_duckdb_apostrophes_kept_and_empty_cells_null(
        spark_days: dict, duckdb_days: DbtProject):
    for seed in SEEDS:
        assert spark_days["seeds"][seed] == _sorted(duckdb_days.query(f"select * from analytics.{seed}")), seed
    values = [value for rows in spark_days["seeds"].values() for row in rows for value in row]
    assert None in values, "no seed has an empty cell: this test proves nothing about nulls"
    assert "None" not in values
    assert any("'" in value for value in values if isinstance(value, str)), "no seed value has an apostrophe"


def test_day_two_runs_every_model_on_spark(spark_days: dict):
    models = {result.node.name for result in spark_days["day_two"] if result.node.resource_type == "model"}
    assert models == native_models()
    assert {str(result.status) for result in spark_days["day_two"]} == {"success"}


def test_spark_tables_are_parquet(spark_days: dict):
    assert spark_days["table_formats"], "no tables were listed"
    assert set(spark_days["table_formats"].values()) == {"parquet"}


def test_day_two_replaces_only_the_days_it_rereads(spark_days: dict):
    assert spark_days["untouched_files_after"] == spark_days["untouched_files"]
    assert spark_days["reread_files_after"].isdisjoint(spark_days["reread_files"])


def test_spark_marts_and_history_equal_duckdb_row_for_row(spark_days: dict, duckdb_days: DbtProject):
    for table, columns in spark_days["columns"].items():
        duckdb_rows = _sorted(duckdb_days.query(f"select {', '.join(columns)} from analytics.{table}"))
        assert spark_days["tables"][table] == duckdb_rows, table
    date_column = spark_days["columns"]["pql_score_history"].index("score_date")
    history_dates = {row[date_column] for row in spark_days["tables"]["pql_score_history"]}
    assert history_dates == {dt.date.fromisoformat(day) for day in DAYS}
    account_column = spark_days["columns"]["pql_scores"].index("account_id")
    assert len({row[account_column] for row in spark_days["tables"]["pql_scores"]}) == 120 + len(ACCOUNTS)


def test_the_intraday_job_runs_on_spark_and_its_alerts_equal_duckdb(spark_days: dict):
    for run in spark_days["intraday"]:
        assert {str(result.status) for result in run} == {"success"}
        assert "pql_alerts" in {result.node.name for result in run}
    alert_column = spark_days["columns"]["pql_alerts"].index("account_id")
    detected_by = spark_days["columns"]["pql_alerts"].index("detected_by")
    raised_intraday = {row[alert_column] for row in spark_days["tables"]["pql_alerts"]
                       if row[detected_by] == "intraday"}
    assert "acc_pql" in raised_intraday, "the paywall hit between the intraday runs raised no alert"
