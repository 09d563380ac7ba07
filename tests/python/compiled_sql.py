"""Compiling without a warehouse, and parsing the compiled SQL with sqlglot: what the offline
BigQuery, Snowflake and Databricks checks share."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import sqlglot
from dbt.adapters.contracts.connection import ConnectionState
from dbt.cli.main import dbtRunner
from sqlglot import exp

from conftest import temporary_environment


def unparsable_and_unknown(compiled_nodes: dict[str, str], dialect: str,
                           known_functions: set[str]) -> tuple[list[str], dict[str, list[str]]]:
    """The nodes whose SQL does not parse in `dialect`, and the functions sqlglot does not know
    there (outside `known_functions`) with the nodes calling them: each a portability bug."""
    failures, unknown_functions = [], {}
    for unique_id, sql in compiled_nodes.items():
        try:
            statements = [s for s in sqlglot.parse(sql, read=dialect) if s is not None]
        except sqlglot.errors.ParseError as error:
            failures.append(f"{unique_id}: {error}")
            continue
        if not statements:
            failures.append(f"{unique_id}: compiled to no statement")
        for statement in statements:
            for function in statement.find_all(exp.Anonymous):
                if function.name.lower() not in known_functions:
                    unknown_functions.setdefault(function.name.lower(), []).append(unique_id)
    return failures, unknown_functions


def _offline_open(cls, connection):
    connection.handle = mock.MagicMock(name="offline warehouse connection")
    connection.state = ConnectionState.OPEN
    return connection


# What each warehouse's offline compile needs: its connection manager and adapter (patched so
# that no connection opens and no relation exists), and the variables its profile output reads.
OFFLINE_TARGETS = {
    "bigquery": ("dbt.adapters.bigquery.connections.BigQueryConnectionManager",
                 "dbt.adapters.bigquery.impl.BigQueryAdapter",
                 {"BIGQUERY_PROJECT": "pql-ci", "BIGQUERY_AUTH_METHOD": "oauth"}),
    "snowflake": ("dbt.adapters.snowflake.connections.SnowflakeConnectionManager",
                  "dbt.adapters.snowflake.impl.SnowflakeAdapter",
                  {"SNOWFLAKE_ACCOUNT": "pql-ci", "SNOWFLAKE_USER": "ci", "SNOWFLAKE_PASSWORD": "unused",
                   "SNOWFLAKE_WAREHOUSE": "ci", "SNOWFLAKE_DATABASE": "ci"}),
}


def compile_offline(project_dir: Path, target: str, *args: str) -> dict:
    """`dbt compile` of the project copy for `target` without a warehouse: every model compiles
    as a first build. The compiled nodes by unique id (seeds, having no SQL, left out)."""
    connections, adapter, environment = OFFLINE_TARGETS[target]
    with (
        temporary_environment(PQL_TARGET=target, **environment),
        mock.patch(f"{connections}.open", classmethod(_offline_open)),
        mock.patch(f"{adapter}.get_relation", lambda self, *a, **k: None),
        mock.patch(f"{adapter}.list_relations_without_caching", lambda self, *a, **k: []),
    ):
        result = dbtRunner().invoke(["compile", "--project-dir", str(project_dir),
                                     "--profiles-dir", str(project_dir), *args])
    assert result.success, result.exception
    return {r.node.unique_id: r.node for r in result.result.results if r.node.resource_type != "seed"}
