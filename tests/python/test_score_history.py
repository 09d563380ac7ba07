"""Score history: a backfill of many dates in one run equals the daily run of each date alone,
re-running a date replaces it, a date's scores use only events at or before it, and tier changes
kept one date at a time equal a recomputation over the whole history."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import DbtProject
from generate_sample_data import generate

SCORE_DATE = "2026-03-31"
BACKFILL_START = "2026-03-27"
PAST_DATE = "2026-03-28"
HISTORY_COLUMNS = "* exclude (scored_at)"


def _load_world(project: DbtProject) -> None:
    generate(project.database, accounts=150, events=None, end_date=dt.date(2026, 3, 31), seed=5)


def _history(project: DbtProject, score_date: str) -> list[tuple]:
    return project.query(
        f"select {HISTORY_COLUMNS} from analytics.pql_score_history where score_date = ? order by account_id",
        [score_date],
    )


@pytest.fixture(scope="module")
def backfilled(tmp_path_factory) -> DbtProject:
    """One run: the score date and the four days before it, set-based."""
    from conftest import new_project

    project = new_project(tmp_path_factory.mktemp("backfill"))
    _load_world(project)
    project.build_models(pql_score_date=SCORE_DATE, pql_backfill_start=BACKFILL_START, pql_backfill_end="2026-03-30")
    return project


def test_backfill_writes_one_row_per_account_per_date(backfilled: DbtProject):
    counts = dict(backfilled.query(
        "select cast(score_date as varchar), count(*) from analytics.pql_score_history group by 1"))
    assert sorted(counts) == ["2026-03-27", "2026-03-28", "2026-03-29", "2026-03-30", "2026-03-31"]
    assert backfilled.query("""
        select count(*) from (
            select score_date, account_id from analytics.pql_score_history group by 1, 2 having count(*) > 1
        )
    """) == [(0,)]
    # The marts show the score date only, as a run without a backfill would.
    assert backfilled.query("select distinct cast(score_date as varchar) from analytics.pql_scores") == [(SCORE_DATE,)]


def test_each_backfilled_date_equals_the_daily_run_for_that_date_alone(backfilled: DbtProject, make_project):
    daily = make_project("daily")
    _load_world(daily)
    daily.build_models(pql_score_date="2026-03-29")
    daily.build_models(pql_score_date=SCORE_DATE)
    for score_date in ("2026-03-29", SCORE_DATE):
        rows = _history(daily, score_date)
        assert rows, f"the daily run wrote no history for {score_date}"
        assert rows == _history(backfilled, score_date), f"history for {score_date} differs"
    assert daily.query("select * exclude (scored_at) from analytics.pql_scores order by account_id") == \
        backfilled.query("select * exclude (scored_at) from analytics.pql_scores order by account_id")

    # Re-running a date replaces its rows: same rows, no duplicates, other dates untouched.
    before = daily.query("select count(*) from analytics.pql_score_history")
    daily.build_models(pql_score_date=SCORE_DATE)
    assert daily.query("select count(*) from analytics.pql_score_history") == before
    assert _history(daily, SCORE_DATE) == _history(backfilled, SCORE_DATE)
    assert _history(daily, "2026-03-29") == _history(backfilled, "2026-03-29")


def test_a_backfill_raises_the_alerts_the_daily_runs_of_its_dates_raise_once(backfilled: DbtProject, make_project):
    """Within pql_incremental_lookback_days (3) of its score date a backfill raises each date's
    alerts as that date's daily run would; run again, it adds none."""
    alerts = ("select alert_id, account_id, alert_kind, score_date, pql_tier, fired_at, due_by, suppressed_by "
              "from analytics.pql_alerts where score_date >= '2026-03-28' order by all")
    day_by_day = make_project("day_by_day")
    _load_world(day_by_day)
    for day in range(27, 32):
        day_by_day.build_models(pql_score_date=f"2026-03-{day}")
    raised = backfilled.query(alerts)
    assert raised, "five days of a sample world should raise some alert"
    assert raised == day_by_day.query(alerts)
    assert backfilled.query("select min(score_date) from analytics.pql_alerts") == [(dt.date(2026, 3, 28),)]

    backfilled.build_models(pql_score_date=SCORE_DATE, pql_backfill_start=BACKFILL_START,
                            pql_backfill_end="2026-03-30")
    assert backfilled.query(alerts) == raised


def test_a_date_is_scored_from_events_at_or_before_it_only(backfilled: DbtProject, make_project):
    # The world as it stood at the end of PAST_DATE: nothing after it had happened yet.
    past = make_project("past")
    _load_world(past)
    day_after = (dt.date.fromisoformat(PAST_DATE) + dt.timedelta(days=1)).isoformat()
    deleted = past.query("select count(*) from raw.events where event_time >= ?", [day_after])[0][0]
    assert deleted > 0
    past.query("delete from raw.events where event_time >= ?", [day_after])
    past.query("delete from raw.users where created_at >= ?", [day_after])
    past.query("delete from raw.accounts where created_at >= ?", [day_after])
    past.build_models(pql_score_date=PAST_DATE)

    assert _history(past, PAST_DATE) == _history(backfilled, PAST_DATE)


def test_tier_changes_follow_the_history(backfilled: DbtProject):
    first_rows = backfilled.query("""
        select count(*), count(distinct account_id) from analytics.pql_tier_changes where direction = 'first scored'
    """)
    accounts = backfilled.query("select count(distinct account_id) from analytics.pql_score_history")[0][0]
    assert first_rows == [(accounts, accounts)]
    # Each change lands on a history row with the score it reports.
    assert backfilled.query("""
        select count(*)
        from analytics.pql_tier_changes as changes
        left join analytics.pql_score_history as history
            on changes.account_id = history.account_id and changes.change_date = history.score_date
        where history.pql_score is distinct from changes.score_after
    """) == [(0,)]
    moves = backfilled.query("""
        select count(*), count(case when change_reasons != '' then 1 end)
        from analytics.pql_tier_changes where direction in ('up', 'down')
    """)[0]
    assert moves[0] > 0, "five days of a sample world should move some account's tier"
    assert moves[1] == moves[0], "every move says why"


def test_tier_states_kept_day_by_day_equal_a_recomputation_of_the_whole_history(make_project):
    project = make_project()
    _load_world(project)
    project.build_models(pql_score_date="2026-03-28")
    # The daily runs, of what the tier states are made from and what reads them.
    daily = ("--select", "+int_tier_states+")
    for score_date in ("2026-03-29", "2026-03-30"):
        assert project.dbt("run", *daily, dbt_vars={"pql_score_date": score_date}).success
    # Re-running a past date recomputes it and every date after it.
    assert project.dbt("run", *daily, dbt_vars={"pql_score_date": "2026-03-29"}).success
    states = "select * exclude (computed_at) from analytics.int_tier_states order by all"
    kept = project.query(states)
    changes = project.query("select * from analytics.pql_tier_changes order by all")
    assert {row[0] for row in project.query("select distinct score_date from analytics.int_tier_states")} == {
        dt.date(2026, 3, 28), dt.date(2026, 3, 29), dt.date(2026, 3, 30)}
    assert any(row[7] == "down" or row[7] == "up" for row in changes), "three days should move some account"

    # A full refresh recomputes every history date whatever the score date; it runs with the
    # date the scoring tables were last built for, which the alert feed downstream requires; the
    # gate comes too, as it must for any selection that builds what joins it.
    result = project.dbt("run", "--full-refresh", "--select", "int_inputs_gate int_tier_states+",
                         dbt_vars={"pql_score_date": "2026-03-29"})
    assert result.success
    assert project.query(states) == kept
    assert project.query("select * from analytics.pql_tier_changes order by all") == changes


def test_backfill_vars_are_checked(make_project):
    project = make_project()
    result = project.dbt("compile", "--select", "int_score_dates",
                         dbt_vars={"pql_score_date": "2026-03-31", "pql_backfill_start": "2026-04-02"})
    assert not result.success
    assert "pql_backfill_start (2026-04-02) must not be after pql_backfill_end (2026-03-31)" in str(result.exception)
    result = project.dbt("compile", "--select", "int_score_dates",
                         dbt_vars={"pql_score_date": "2026-03-31", "pql_backfill_start": "2026-03-01",
                                   "pql_backfill_end": "2026-04-30"})
    assert not result.success
    assert "must not be after the score date" in str(result.exception)


def test_the_score_date_may_say_yesterday(make_project):
    """A scheduler that cannot compute dates runs the daily job as `pql_score_date: yesterday` (UTC)."""
    project = make_project()
    result = project.dbt("compile", "--select", "int_score_dates", dbt_vars={"pql_score_date": "yesterday"})
    assert result.success, result.exception
    yesterday = (dt.datetime.now(dt.UTC).date() - dt.timedelta(days=1)).isoformat()
    assert f"cast('{yesterday}' as date)" in result.result.results[0].node.compiled_code
