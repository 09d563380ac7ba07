"""Each tracker's tables, read through var pql_event_source, score exactly as the native tables do.

One world - the sample world with the hand-made classic and published worlds and bad rows in it -
is written in the native shape and in each tracker's (scripts/tracker_shapes.py), and built twice:
day one under two rule sets (live and shadow), then, after late events delivered twice, day two
on the incremental path under the other two. pql_scores, pql_shadow_comparison and the rejected
rows' reasons must be the same as the native world's, row for row.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pytest

from conftest import DbtProject, new_project
from fixture_world import PUBLISHED_ACCOUNTS, PUBLISHED_EVENTS, PUBLISHED_USERS, add_fixture_world
from generate_sample_data import generate
from tracker_shapes import SHAPE_VARS, SHAPES, write_shape

END_DATE = dt.date(2026, 3, 31)
DAYS = [
    # score date, live rule set, shadow rule set
    (str(END_DATE), "recommended", "classic"),
    (str(END_DATE + dt.timedelta(days=1)), "depth_breadth_aha", "activation_intensity"),
]
TRACKERS = [shape for shape in SHAPES if shape != "native"]

BAD_EVENTS = [
    # event_id, user_id, account_id, event_name, event_time, properties
    ("bad_no_name", "u_hot_1", "acc_hot", None, "2026-03-20 09:00:00", "{}"),
    ("bad_old_clock", "u_hot_1", "acc_hot", "pricing_page_viewed", "1970-01-01 00:00:00", "{}"),
    ("bad_ghost", "u_ghost", "acc_ghost", "workspace_created", "2026-03-20 09:00:00", "{}"),
    # e30's id and time again with another name: a conflicting copy (two events to Mixpanel,
    # whose key holds the name).
    ("e30", "u_pql", "acc_pql", "zz_workspace_renamed", "2026-03-10 08:00:00", "{}"),
]
# Arrive after day one's run, dated inside day two's lookback; each delivered twice.
LATE_EVENTS = 2 * [
    ("late_1", "u_custom", "acc_custom", "pricing_page_viewed", "2026-03-30 15:00:00", '{"session_id": "s_late"}'),
    ("late_2", "u_large", "acc_large", "team_member_invited", "2026-03-31 08:00:00", '{"session_id": "s_late_2"}'),
]


@pytest.fixture(scope="module")
def native_worlds(tmp_path_factory) -> tuple[Path, Path]:
    """The native tables as day one's run finds them, and as day two's does."""
    base = tmp_path_factory.mktemp("native_worlds")
    day_one, day_two = base / "day_one.duckdb", base / "day_two.duckdb"
    generate(day_one, accounts=100, events=None, end_date=END_DATE, seed=11)
    add_fixture_world(day_one)
    add_fixture_world(day_one, PUBLISHED_ACCOUNTS, PUBLISHED_USERS, PUBLISHED_EVENTS + BAD_EVENTS)
    shutil.copy2(day_one, day_two)
    add_fixture_world(day_two, accounts=[], users=[], events=LATE_EVENTS)
    return day_one, day_two


def _load(project: DbtProject, native_world: Path, shape: str) -> None:
    """The project's raw schema replaced by the native world's tables, written in `shape`."""
    with duckdb.connect(str(project.database)) as con:
        con.execute(f"attach '{native_world}' as world (read_only)")
        con.execute("drop schema if exists raw cascade")
        con.execute("create schema raw")
        for table in ("events", "users", "accounts", "deals"):
            con.execute(f"create table raw.{table} as select * from world.raw.{table}")
        con.execute("detach world")
        write_shape(con, "raw", shape)


def _results(project: DbtProject) -> dict[str, list[tuple]]:
    return {
        # Accounts from group calls are as fresh as their newest call, not their newest sign-up
        # (test_tracker_quirks): the one column where a tracker's world rightly differs.
        "pql_scores": project.query(
            "select * exclude (scored_at, accounts_loaded_through) from analytics.pql_scores order by all"),
        "pql_shadow_comparison": project.query("select * from analytics.pql_shadow_comparison order by all"),
        # Signals matched on a property (each tracker's page views) are seen by the tuning loop too.
        "pql_signal_lift": project.query("select * from analytics.pql_signal_lift order by all"),
        "rejected rows": project.query("select source_table, reason, outcome, count(*) "
                                       "from analytics.pql_rejected_rows group by all order by all"),
    }


def _run_both_days(project: DbtProject, worlds: tuple[Path, Path], shape: str) -> list[dict[str, list[tuple]]]:
    results = []
    for world, (score_date, live, shadow) in zip(worlds, DAYS, strict=True):
        _load(project, world, shape)
        project.build_models(
            "--select", "+pql_scores +pql_shadow_comparison +pql_rejected_rows +pql_signal_lift",
            pql_event_source=shape, pql_score_date=score_date, pql_scoring_model=live, pql_shadow_model=shadow,
            **SHAPE_VARS[shape],
        )
        results.append(_results(project))
    return results


@pytest.fixture(scope="module")
def native_results(native_worlds, tmp_path_factory) -> list[dict[str, list[tuple]]]:
    return _run_both_days(new_project(tmp_path_factory.mktemp("native")), native_worlds, "native")


def test_the_native_world_holds_what_the_comparison_needs(native_results):
    day_one, day_two = native_results
    reasons = {row[1] for row in day_one["rejected rows"]}
    assert {"no_event_name", "event_time_before_2000", "unknown_account", "conflicting_duplicate_id"} <= reasons
    assert len(day_one["pql_shadow_comparison"]) == len(day_one["pql_scores"]) > 100
    # Pricing views (a property condition on every tracker but the native one) show in the lift.
    assert _lift_shows(day_one, "pricing_page_viewed_14d")
    # The late events moved day two's scores of the accounts they belong to.
    assert day_one["pql_scores"] != day_two["pql_scores"]


def _lift_shows(results: dict[str, list[tuple]], signal_name: str) -> bool:
    """Whether some account showed `signal_name` in the signal lift of `results`."""
    return any(row[0] == signal_name and row[5] + row[6] > 0 for row in results["pql_signal_lift"])


@pytest.mark.parametrize("shape", TRACKERS)
def test_a_trackers_tables_score_as_the_native_ones(shape, native_worlds, native_results, tmp_path):
    tracker_results = _run_both_days(new_project(tmp_path, shape), native_worlds, shape)
    for day, (native_day, tracker_day) in enumerate(zip(native_results, tracker_results, strict=True), start=1):
        for name, native_rows in native_day.items():
            expected = native_rows
            if shape == "mixpanel" and name == "rejected rows":
                expected = [row for row in native_rows if row[1] != "conflicting_duplicate_id"]
            assert tracker_day[name] == expected, f"{shape}, day {day}: {name} differs"
