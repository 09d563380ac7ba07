"""A sequence of daily incremental runs, with an event arriving late, gives the same scores as a full refresh."""

from __future__ import annotations

import datetime as dt

from conftest import DbtProject
from fixture_world import add_fixture_world
from generate_sample_data import generate

DAYS = ["2026-03-29", "2026-03-30", "2026-03-31"]
# Arrives in the warehouse after the 03-29 run, dated 03-29: inside the 3-day lookback of later runs.
LATE_EVENT = ("late_1", "u_custom", "acc_custom", "pricing_page_viewed", "2026-03-29 15:00:00", "{}")


def _load_world(project: DbtProject) -> None:
    generate(project.database, accounts=150, events=None, end_date=dt.date(2026, 3, 31), seed=3)
    add_fixture_world(project.database)


def _marts(project: DbtProject) -> dict[str, list[tuple]]:
    """The scores without the run's timestamp, and the daily aggregates, in a stable order."""
    aggregates = ["int_events_aggregated_daily", "int_user_activity_daily", "int_account_activity_daily"]
    return {
        "pql_scores": project.query(
            "select * exclude (scored_at) from analytics.pql_scores order by account_id"),
        **{name: project.query(f"select * from analytics.{name} order by all") for name in aggregates},
    }


def test_daily_incremental_runs_with_a_late_event_equal_a_full_refresh(make_project):
    daily = make_project("daily")
    _load_world(daily)
    daily.build_models(pql_score_date=DAYS[0])
    assert daily.score_summary()["acc_custom"][2] == 0  # no intent yet

    daily.query("insert into raw.events values (?, ?, ?, ?, ?, ?)", LATE_EVENT)
    daily.build_models(pql_score_date=DAYS[1])
    assert daily.score_summary()["acc_custom"][2] == 8  # the late pricing view counted
    daily.build_models(pql_score_date=DAYS[2])

    full = make_project("full")
    _load_world(full)
    full.query("insert into raw.events values (?, ?, ?, ?, ?, ?)", LATE_EVENT)
    full.build_models(pql_score_date=DAYS[2])

    assert _marts(daily) == _marts(full)


def test_incremental_run_rereads_only_the_lookback_days(make_project):
    project = make_project()
    _load_world(project)
    project.build_models(pql_score_date=DAYS[2])
    # Tamper with a day outside the lookback: an incremental run must leave it alone,
    # and replace the days inside it from the events.
    project.query("update analytics.int_events_aggregated_daily set event_count = -1 "
                  "where activity_date in (date '2026-03-20', date '2026-03-30')")
    result = project.dbt("run", "--select", "int_events_aggregated_daily", dbt_vars={"pql_score_date": DAYS[2]})
    assert result.success
    tampered = dict(project.query("""
        select cast(activity_date as varchar), min(event_count)
        from analytics.int_events_aggregated_daily
        where activity_date in (date '2026-03-20', date '2026-03-30')
        group by 1
    """))
    assert tampered == {"2026-03-20": -1, "2026-03-30": 1}
