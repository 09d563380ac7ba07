"""Compile the project with dbt-databricks, offline, and write each node's SQL and config as JSON.

Run by the Python of the Databricks environment (dbt-databricks cannot share one with
dbt-spark 1.11: they need different dbt-adapters), from test_databricks_compile.py:

    .venv-databricks/bin/python tests/python/databricks_compile.py PROJECT_DIR OUTPUT.json [SELECTOR]

Databricks cannot be reached from here, so the connection is never opened and the
adapter reports no existing relations: every model compiles as a first build. The output
holds each node's SQL and config ("nodes") and the macro `dbt seed` loads rows with
("seed_loader").
"""

from __future__ import annotations

import json
import sys
from unittest import mock

from dbt.adapters.contracts.connection import ConnectionState
from dbt.adapters.databricks.connections import DatabricksConnectionManager
from dbt.adapters.databricks.impl import DatabricksAdapter
from dbt.cli.main import dbtRunner

# The macro dbt's seed materialization calls to insert the rows, as dispatch finds it, and
# dbt-databricks' own, which the project's hands the rows to.
SEED_LOADER_SQL = ("{{ adapter.dispatch('load_csv_rows', 'dbt').macro.unique_id }} calls "
                   "{{ dbt.databricks__load_csv_rows.macro.unique_id }}")


def _offline_open(cls, connection):
    connection.handle = mock.MagicMock(name="offline Databricks connection")
    connection.state = ConnectionState.OPEN
    return connection


def main(project_dir: str, output: str, selector: str = "everything") -> int:
    with (
        mock.patch.object(DatabricksConnectionManager, "open", classmethod(_offline_open)),
        mock.patch.object(DatabricksAdapter, "get_relation", lambda self, *args, **kwargs: None),
        mock.patch.object(DatabricksAdapter, "list_relations_without_caching", lambda self, *args, **kwargs: []),
    ):
        common = ["--project-dir", project_dir, "--profiles-dir", project_dir,
                  "--vars", '{"pql_score_date": "2026-03-31"}']
        manifest = dbtRunner().invoke(["parse", *common]).result
        compiled, loader = (dbtRunner(manifest=manifest).invoke(["compile", *args, *common])
                            for args in (["--selector", selector], ["--quiet", "--inline", SEED_LOADER_SQL]))
    for result in (compiled, loader):
        if not result.success:
            print(f"dbt compile on the databricks output failed: {result.exception}", file=sys.stderr)
            return 1
    nodes = {
        r.node.unique_id: {"sql": r.node.compiled_code, "config": r.node.config.to_dict()}
        for r in compiled.result.results if r.node.resource_type != "seed"
    }
    seed_loader = loader.result.results[0].node.compiled_code.strip()
    with open(output, "w") as file:
        json.dump({"nodes": nodes, "seed_loader": seed_loader}, file, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
