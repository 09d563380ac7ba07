"""Shared harness: a copy of the dbt project on a temporary DuckDB file, driven by dbtRunner."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import pickle
import re
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pytest
from dbt.cli.main import dbtRunner, dbtRunnerResult
from dbt.contracts.graph.manifest import Manifest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PROJECT_ENTRIES = ["dbt_project.yml", "profiles.yml", "selectors.yml", "models", "seeds", "macros", "tests", "analyses"]

os.environ["DO_NOT_TRACK"] = "1"


def native_models() -> set[str]:
    """The models a run on the native tables builds: all but the trackers' (models/staging/trackers)."""
    trackers = PROJECT_ROOT / "models" / "staging" / "trackers"
    return {path.stem for path in (PROJECT_ROOT / "models").rglob("*.sql") if trackers not in path.parents}


# The longest modules, started first so the others fill the other cores around them
# (`make test` hands whole modules to pytest-xdist's workers in collection order).
LONGEST_MODULES = ["test_spark.py", "test_snowflake.py", "test_trackers.py", "test_tracker_compile.py"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: LONGEST_MODULES.index(item.path.name) if item.path.name in LONGEST_MODULES
               else len(LONGEST_MODULES))


@contextmanager
def temporary_environment(**values: str) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


class ParsedManifests:
    """Each project's parse, made once and handed to dbt again (dbtRunner's `manifest`), as
    dbt's partial parsing would if a var change did not make it parse everything again.

    A parse is reused where it cannot differ: the same project files, the same vars and the
    same database and schema, except the score date, which the models read only at run time
    (test_the_score_date_changes_nothing_dbt_parses proves it). A score date that is not an
    ISO date, or a backfill, which is checked against it while parsing, is parsed afresh, as
    is any project whose parse fails: dbt then runs the command as users get it.
    """

    COMMANDS = {"build", "run", "test", "seed", "compile", "ls", "show", "run-operation", "source"}

    def __init__(self) -> None:
        self._pickled: dict[str, bytes] = {}

    @staticmethod
    def key(project: DbtProject, dbt_vars: dict[str, Any]) -> str | None:
        parse_vars = dict(dbt_vars)
        score_date = parse_vars.pop("pql_score_date", None)
        if score_date is not None and (
                not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(score_date)) or
                any(name.startswith("pql_backfill") for name in parse_vars)):
            return None
        digest = hashlib.sha256(json.dumps([parse_vars, project.database.stem, project.schema], sort_keys=True,
                                           default=str).encode())
        entries = [project.project_dir / entry for entry in PROJECT_ENTRIES]
        for path in sorted(path for entry in entries for path in [entry, *entry.rglob("*")] if path.is_file()):
            digest.update(str(path.relative_to(project.project_dir)).encode() + b"\0" + path.read_bytes())
        return digest.hexdigest()

    def manifest(self, project: DbtProject, command: str, dbt_vars: dict[str, Any]) -> Manifest | None:
        """A fresh copy of the project's parsed manifest for `command`, or None for dbt to parse."""
        key = self.key(project, dbt_vars) if command in self.COMMANDS else None
        if key is None:
            return None
        if key not in self._pickled:
            parsed = dbtRunner().invoke(["parse", "--quiet", "--project-dir", str(project.project_dir),
                                         "--profiles-dir", str(project.project_dir), "--vars", json.dumps(dbt_vars)])
            if not parsed.success:
                return None
            # Its fields, not the object: Manifest's own pickling misplaces them (dbt-core 1.11).
            self._pickled[key] = pickle.dumps({member.name: getattr(parsed.result, member.name)
                                               for member in dataclasses.fields(parsed.result)
                                               if not member.name.startswith("_")})
        manifest = Manifest(**pickle.loads(self._pickled[key]))  # a copy: a run leaves compiled SQL on nodes
        for node in manifest.nodes.values():
            if node.resource_type == "seed":
                node.root_path = str(project.project_dir)  # the CSV files read are this copy's
        return manifest


def failed_nodes(result: dbtRunnerResult) -> list[str]:
    """The nodes of a dbt invocation that errored or failed (a warning is neither), with dbt's message."""
    return [f"{r.node.unique_id}: {r.message}" for r in (result.result or []) if str(r.status) in ("error", "fail")]


@dataclass
class DbtProject:
    """A throwaway copy of the project: edit its seeds freely, build it, query its DuckDB file."""

    project_dir: Path
    database: Path
    schema: str = "analytics"
    log_lines: list[str] = field(default_factory=list)  # dbt's messages from the last invocation

    def dbt(self, *args: str, dbt_vars: dict[str, Any] | None = None) -> dbtRunnerResult:
        command = [*args, "--project-dir", str(self.project_dir), "--profiles-dir", str(self.project_dir)]
        if dbt_vars:
            command += ["--vars", json.dumps(dbt_vars)]
        self.log_lines = []
        with temporary_environment(PQL_DUCKDB_PATH=str(self.database), PQL_SCHEMA=self.schema, PQL_TARGET="duckdb"):
            manifest = PARSED.manifest(self, args[0], dbt_vars or {})
            runner = dbtRunner(manifest=manifest, callbacks=[lambda event: self.log_lines.append(event.info.msg)])
            return runner.invoke(command)

    def build(self, *selection: str, **dbt_vars: Any) -> dbtRunnerResult:
        """`dbt build` (the daily job, unless `selection` says otherwise), failing the test with
        dbt's own messages when any node fails. dbt's unit tests are left to test_dbt_unit_tests.py
        (and the Spark and Snowflake builds): they need no world of rows, and cost a fifth of a build."""
        result = self.dbt("build", *selection, "--exclude-resource-type", "unit_test", dbt_vars=dbt_vars)
        if not result.success:
            failed = [
                f"{r.node.unique_id}: {r.status} {r.message}"
                for r in (result.result or [])
                if str(r.status) not in ("pass", "success")
            ]
            pytest.fail("dbt build failed:\n" + "\n".join(failed or [str(result.exception)]))
        return result

    def build_models(self, *selection: str, **dbt_vars: Any) -> dbtRunnerResult:
        """`build`'s seeds and models without its data tests: for tests of what the models
        compute, on worlds whose data tests other tests run."""
        return self.build(*selection, "--resource-type", "seed", "--resource-type", "model", **dbt_vars)

    def query(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple]:
        with duckdb.connect(str(self.database)) as con:
            return con.execute(sql, list(parameters)).fetchall()

    def scores(self) -> dict[str, dict[str, Any]]:
        """pql_scores keyed by account_id, each row as a dict."""
        with duckdb.connect(str(self.database)) as con:
            cursor = con.execute(f"select * from {self.schema}.pql_scores")
            names = [column[0] for column in cursor.description]
            return {row[0]: dict(zip(names, row, strict=True)) for row in cursor.fetchall()}

    def score_summary(self) -> dict[str, tuple]:
        """(product, fit, intent, pql_score, tier) per account: the figures the fixtures are worked out in."""
        return {
            account_id: (row["product_score"], row["fit_score"], row["intent_score"], row["pql_score"],
                         row["pql_tier"])
            for account_id, row in self.scores().items()
        }

    def snapshot(self, tables: Sequence[str]) -> dict[str, list[tuple]]:
        """Each table's rows, run stamps included: a table that was replaced shows here."""
        return {table: self.query(f"select * from {self.schema}.{table} order by all") for table in tables}

    def seed_file(self, name: str) -> Path:
        return self.project_dir / "seeds" / f"{name}.csv"

    def edit_seed(self, name: str, old: str, new: str) -> None:
        """Replace one exact piece of a seed CSV, failing loudly when it is not there once."""
        path = self.seed_file(name)
        text = path.read_text()
        assert text.count(old) == 1, f"{old!r} should occur once in {path.name}"
        path.write_text(text.replace(old, new))


PARSED = ParsedManifests()


def copy_project(destination: Path) -> Path:
    destination.mkdir(parents=True, exist_ok=True)
    for entry in PROJECT_ENTRIES:
        source = PROJECT_ROOT / entry
        if not source.exists():  # git keeps no empty folders
            continue
        if source.is_dir():
            shutil.copytree(source, destination / entry,
                            ignore=shutil.ignore_patterns("python", "__pycache__"))
        else:
            shutil.copy2(source, destination / entry)
    return destination


def new_project(base: Path, name: str = "project") -> DbtProject:
    """A fresh project copy under `base` with a DuckDB file beside it (created on first use)."""
    return DbtProject(project_dir=copy_project(base / name), database=base / f"{name}.duckdb")


def copy_built_project(project: DbtProject, base: Path) -> DbtProject:
    """A copy of a built project and its DuckDB file under `base`, for one test to change."""
    with duckdb.connect(str(project.database)) as con:
        con.execute("checkpoint")  # everything in the file, nothing left in its write-ahead log
    shutil.copytree(project.project_dir, base / "project")
    shutil.copy2(project.database, base / "project.duckdb")
    return DbtProject(project_dir=base / "project", database=base / "project.duckdb")


@pytest.fixture(scope="module")
def built_classic_world(tmp_path_factory) -> DbtProject:
    """The hand-made world built once per test module under `classic` (the tuning models too), with
    pql_scores' run stamp set to 2000-01-01, which no run writes: a mart rebuilt later loses it.
    Tests change copies."""
    from fixture_world import SCORE_DATE, write_raw_tables

    project = new_project(tmp_path_factory.mktemp("built_classic_world"))
    write_raw_tables(project.database)
    project.build("--selector", "everything", pql_scoring_model="classic", pql_score_date=SCORE_DATE)
    project.query(f"update {project.schema}.pql_scores set scored_at = timestamp '2000-01-01'")
    return project


@pytest.fixture
def make_project(tmp_path: Path):
    """Factory of fresh project copies under this test's tmp_path."""
    return lambda name="project": new_project(tmp_path, name)
