"""dbt's unit tests (each folder's `_<folder>__unit_tests.yml`): a model's logic on hand-made rows, in
seconds, over the empty relations `dbt run --empty` makes. The first check of `make test-fast`."""

from __future__ import annotations

import pytest

from fixture_world import write_raw_tables

pytestmark = pytest.mark.fast


def test_every_dbt_unit_test_passes(make_project):
    project = make_project()
    write_raw_tables(project.database)
    assert project.dbt("seed").success, "\n".join(project.log_lines[-20:])
    assert project.dbt("run", "--empty", "--selector", "everything").success, "\n".join(project.log_lines[-20:])

    result = project.dbt("test", "--select", "test_type:unit")

    assert result.success, "\n".join(project.log_lines[-40:])
    unit_tests = [r for r in result.result.results if r.node.resource_type == "unit_test"]
    assert len(unit_tests) >= 20 and all(str(r.status) == "pass" for r in unit_tests)
