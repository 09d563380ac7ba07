"""Parsing compiled SQL with sqlglot: the check the offline BigQuery and Databricks compiles share."""

from __future__ import annotations

import sqlglot
from sqlglot import exp


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
