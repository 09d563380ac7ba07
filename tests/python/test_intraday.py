"""A day of the intraday job on DuckDB: yesterday closed by the daily run, four event loads with an
intraday run after each, events landing overnight, and the next morning's daily run. Each alert is
raised once - through a rerun, two runs at once, a run killed mid-way - with the SLA clock started at
the data; the intraday scores equal the daily model's on the events loaded so far; and the day's
alerts are the day's entries into a PQL tier of pql_tier_changes (intraday_world.py works the day
out by hand)."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import DbtProject, copy_built_project, new_project
from generate_sample_data import generate
from intraday_world import (
    ACCOUNTS,
    HELD_OUT,
    HISTORY,
    HOLDOUT_SHARE,
    LOADS,
    NEW_ACCOUNT,
    NEW_USER,
    OVERNIGHT,
    RAISED_BY_LOAD,
    RAISED_OVERNIGHT,
    TODAY,
    TODAYS_EVENTS,
    USERS,
    YESTERDAY,
    as_event_rows,
    in_load,
    parse,
)

VARS = {"pql_holdout_share": HOLDOUT_SHARE}
ALERT_COLUMNS = "account_id, alert, fired_at, due_by, suppressed_by"
SCORE_COLUMNS = ["product_score", "fit_score", "intent_score", "pql_score", "pql_tier", "treatment", "sla_hours",
                 "hot_trigger", "routing_gate", "score_reasons", "is_held_out"]
# The intraday job's run is killed once this model starts: after it noted what changed, before any alert.
KILL_AT = "START sql table model analytics.int_account_signals"


def _load_world(project: DbtProject) -> None:
    """The sample world and the hand-made accounts, with today's events held back in raw.events_today."""
    generate(project.database, accounts=60, events=None, end_date=dt.date.fromisoformat(TODAY), seed=31)
    with duckdb.connect(str(project.database)) as con:
        con.executemany("insert into raw.accounts values (?, ?, ?, ?, ?, ?, ?)", ACCOUNTS)
        con.executemany("insert into raw.users values (?, ?, ?, ?, ?)", USERS)
        con.executemany("insert into raw.events values (?, ?, ?, ?, ?, ?)", as_event_rows(HISTORY))
        # What lands today, by load: the sample world's rows of today and the day's hand-made ones.
        for table in ("events", "accounts", "users"):
            time_column = "event_time" if table == "events" else "created_at"
            con.execute(f"create table raw.{table}_today as select * from raw.{table} where {time_column} >= ?",
                        [TODAY])
            con.execute(f"delete from raw.{table} where {time_column} >= ?", [TODAY])
        con.executemany("insert into raw.events_today values (?, ?, ?, ?, ?, ?)", as_event_rows(TODAYS_EVENTS))
        con.execute("insert into raw.accounts_today values (?, ?, ?, ?, ?, ?, ?)", NEW_ACCOUNT)
        con.execute("insert into raw.users_today values (?, ?, ?, ?, ?)", NEW_USER)


def _land(project: DbtProject, load: int) -> None:
    """Today's rows of one load arrive: events by their time, account and user rows by sign-up."""
    start = TODAY if load == 0 else LOADS[load - 1]
    with duckdb.connect(str(project.database)) as con:
        for table in ("events", "accounts", "users"):
            time_column = "event_time" if table == "events" else "created_at"
            con.execute(f"insert into raw.{table} select * from raw.{table}_today "
                        f"where {time_column} >= ? and {time_column} < ?", [start, LOADS[load]])
    assert all(in_load(event[4], load) for event in TODAYS_EVENTS
               if start <= event[4] < LOADS[load]), "a hand-made event is in the wrong load"


HAND_MADE = {account[0] for account in ACCOUNTS} | {NEW_ACCOUNT[0]}


def _alerts(project: DbtProject) -> dict[str, tuple]:
    """The hand-made accounts' alerts of today, account -> (alert, fired_at, due_by, suppressed_by)."""
    rows = project.query(f"select {ALERT_COLUMNS} from analytics.pql_alerts where score_date = ?", [TODAY])
    return {row[0]: row[1:] for row in rows if row[0] in HAND_MADE}


def _expected(raised: dict[str, tuple]) -> dict[str, tuple]:
    return {account: (alert, parse(fired_at), parse(due_by), suppressed_by)
            for account, (alert, fired_at, due_by, suppressed_by) in raised.items()}


def _dbt_process(project: DbtProject, *args: str, score_date: str, name: str = "run") -> subprocess.Popen:
    """dbt in a process of its own, as a scheduler starts it: every run here is one, so that no
    process holds the DuckDB file between runs (dbt keeps it open in the process that ran it)."""
    command = [str(Path(sys.executable).with_name("dbt")), *args,
               "--project-dir", str(project.project_dir), "--profiles-dir", str(project.project_dir),
               "--target-path", str(project.project_dir / f"target_{name}"),
               "--log-path", str(project.project_dir / f"logs_{name}"),
               "--vars", json.dumps({**VARS, "pql_score_date": score_date})]
    environment = {**os.environ, "PQL_DUCKDB_PATH": str(project.database), "PQL_SCHEMA": project.schema,
                   "PQL_TARGET": "duckdb", "PYTHONUNBUFFERED": "1", "DO_NOT_TRACK": "1"}
    return subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _dbt(project: DbtProject, *args: str, score_date: str = TODAY) -> None:
    process = _dbt_process(project, *args, score_date=score_date)
    output = process.stdout.read()
    assert process.wait(timeout=900) == 0, f"dbt {' '.join(args)} failed:\n{output[-4000:]}"


def _intraday(project: DbtProject) -> None:
    _dbt(project, "build", "--selector", "intraday")


def _daily(project: DbtProject, *selection: str, score_date: str = TODAY) -> None:
    """The daily job's models (its data tests run on other worlds)."""
    _dbt(project, "build", *selection, "--resource-type", "seed", "--resource-type", "model", score_date=score_date)


@pytest.fixture(scope="module")
def day(tmp_path_factory) -> dict:
    """The whole day, run once; what the tests read, gathered as it goes."""
    project = new_project(tmp_path_factory.mktemp("intraday"))
    _load_world(project)
    _daily(project, "--selector", "everything", score_date=YESTERDAY)
    seen: dict = {"project": project, "after_load": [], "alert_rows_after_load": []}

    for load in range(len(LOADS)):
        _land(project, load)
        if load == 2:
            # Two runs started together: the warehouse lets one write at a time.
            runs = [_dbt_process(project, "build", "--selector", "intraday", score_date=TODAY, name=name)
                    for name in ("first", "second")]
            seen["concurrent_codes"] = [run.wait(timeout=600) for run in runs]
            seen["concurrent_output"] = [run.stdout.read() for run in runs]
            before = project.query("select * from analytics.pql_alerts order by all")
            _intraday(project)  # a rerun finds nothing new
            seen["rerun_unchanged"] = project.query("select * from analytics.pql_alerts order by all") == before
        elif load == 3:
            # Killed with SIGKILL once it has noted what changed, then a normal run.
            run = _dbt_process(project, "build", "--selector", "intraday", score_date=TODAY, name="killed")
            output = []
            for line in run.stdout:
                output.append(line)
                if KILL_AT in line:
                    run.send_signal(signal.SIGKILL)
                    break
            run.wait(timeout=60)
            seen["killed"] = {"code": run.returncode, "output": "".join(output),
                              "alerts": _alerts(project), "noted": project.query(
                                  "select count(*) from analytics.int_intraday_changes where account_id = ?",
                                  ["acc_afternoon"])[0][0]}
            _intraday(project)
        else:
            _intraday(project)
        seen["after_load"].append(_alerts(project))
        seen["alert_rows_after_load"].append(
            project.query("select alert_id, detected_at from analytics.pql_alerts order by alert_id"))

    # The intraday scores against the daily model on the same rows: a copy runs the daily job for today.
    copy = copy_built_project(project, tmp_path_factory.mktemp("daily_on_the_same_rows"))
    _daily(copy)
    columns = ", ".join(SCORE_COLUMNS)
    seen["intraday_scores"] = project.query(
        f"select account_id, {columns} from analytics.int_intraday_scores where score_date = ? order by 1", [TODAY])
    seen["active_today"] = {row[0] for row in project.query(
        "select account_id from raw.events where event_time >= ? union select account_id from raw.accounts "
        "where created_at >= ? union select account_id from raw.users where created_at >= ?", [TODAY] * 3)}
    seen["daily_scores"] = {row[0]: row for row in copy.query(
        f"select account_id, {columns} from analytics.pql_scores order by 1")}

    # Overnight the late events land; the next morning's daily run closes the day.
    with duckdb.connect(str(project.database)) as con:
        con.executemany("insert into raw.events values (?, ?, ?, ?, ?, ?)", as_event_rows(OVERNIGHT))
    seen["before_morning"] = project.query("select * from analytics.pql_alerts order by all")
    _daily(project)
    seen["morning"] = _alerts(project)
    morning_rows = project.query("select * from analytics.pql_alerts order by all")
    _dbt(project, "run", "--full-refresh", "--select", "int_inputs_gate", "pql_alerts")
    seen["full_refresh_unchanged"] = project.query("select * from analytics.pql_alerts order by all") == morning_rows
    return seen


def test_only_the_held_out_account_of_the_hand_made_ones_is_in_the_holdout(day: dict):
    held_out = {row[0] for row in day["project"].query("select account_id from analytics.pql_scores where is_held_out")}
    assert held_out & HAND_MADE == {HELD_OUT}


def test_each_load_raises_its_alerts_with_the_sla_clock_started_at_the_data(day: dict):
    raised: dict[str, tuple] = {}
    for load, expected in enumerate(RAISED_BY_LOAD):
        raised |= _expected(expected)
        assert day["after_load"][load] == raised, f"after load {load + 1}"


def test_the_paywall_hit_at_0910_is_due_by_1310(day: dict):
    alert, fired_at, due_by, suppressed_by = day["after_load"][2]["acc_paywall"]
    assert (alert, fired_at.strftime("%H:%M"), due_by.strftime("%H:%M"), suppressed_by) == \
        ("became a Hot PQL", "09:10", "13:10", None)
    assert "acc_paywall" not in day["after_load"][1]


def test_an_account_climbing_to_hot_pql_fires_once(day: dict):
    rows = day["project"].query("select alert, fired_at from analytics.pql_alerts where account_id = 'acc_climber'")
    assert rows == [("became a PQL", parse("2026-03-31 07:30:00"))]
    # It is a Hot PQL by the end of the day.
    assert day["project"].query(
        "select pql_tier from analytics.pql_score_history where account_id = 'acc_climber' and score_date = ?",
        [TODAY]) == [("Hot PQL",)]


def test_two_runs_started_together_raise_each_alert_once(day: dict):
    codes = day["concurrent_codes"]
    assert 0 in codes, "\n".join(day["concurrent_output"])
    if codes.count(0) == 1:  # DuckDB lets one process write a file at a time: the other is refused
        refused = day["concurrent_output"][codes.index(next(code for code in codes if code != 0))]
        assert "lock" in refused.lower(), refused[-2000:]
    assert day["rerun_unchanged"], "a rerun changed pql_alerts"


def test_a_run_killed_mid_way_then_a_normal_run_raise_each_alert_once(day: dict):
    killed = day["killed"]
    assert killed["code"] == -signal.SIGKILL, killed["output"][-2000:]
    # It had noted the afternoon's change, and raised nothing...
    assert killed["noted"] == 1
    assert "acc_afternoon" not in killed["alerts"]
    # ...which the next run, scoring what it and the run before it noted, raises once.
    assert day["after_load"][3]["acc_afternoon"] == _expected(RAISED_BY_LOAD[3])["acc_afternoon"]


def test_alerts_are_only_ever_appended(day: dict):
    for earlier, later in zip(day["alert_rows_after_load"], day["alert_rows_after_load"][1:], strict=False):
        assert set(earlier) <= set(later)
    keys = day["project"].query("""
        select count(*), count(distinct alert_id), count(distinct account_id || alert_kind || score_date)
        from analytics.pql_alerts""")[0]
    assert keys[0] == keys[1] == keys[2]
    assert day["full_refresh_unchanged"], "dbt run --full-refresh rebuilt pql_alerts"


def test_intraday_scores_equal_the_daily_models_on_the_events_loaded_so_far(day: dict):
    # Every account with an event today, or signed up today, was scored by some intraday run.
    assert {row[0] for row in day["intraday_scores"]} == day["active_today"]
    for row in day["intraday_scores"]:
        assert row == day["daily_scores"][row[0]], row[0]


def test_the_next_mornings_daily_run_adds_what_no_intraday_run_saw_and_nothing_else(day: dict):
    before = {row[0] for row in day["before_morning"]}
    after = day["project"].query("select alert_id, account_id, detected_by from analytics.pql_alerts")
    added = {(account, detected_by) for alert_id, account, detected_by in after if alert_id not in before}
    assert added == {(account, "daily") for account in RAISED_OVERNIGHT}
    raised = {}
    for expected in [*RAISED_BY_LOAD, RAISED_OVERNIGHT]:
        raised |= _expected(expected)
    assert day["morning"] == raised


def test_the_days_alerts_are_its_entries_into_a_pql_tier_gated_and_held_out_apart(day: dict):
    project = day["project"]
    entries = project.query("""
        select changes.account_id, history.routing_gate is not null or history.treatment = 'Holdout'
        from analytics.pql_tier_changes as changes
        inner join analytics.pql_score_history as history
            on changes.account_id = history.account_id and changes.change_date = history.score_date
        inner join analytics.pql_tiers as tiers
            on changes.to_tier = tiers.tier_name and tiers.scoring_model = changes.scoring_model
        left join analytics.pql_tiers as from_tiers
            on changes.from_tier = from_tiers.tier_name and from_tiers.scoring_model = changes.scoring_model
        where changes.change_date = ? and tiers.is_pql and not coalesce(from_tiers.is_pql, false)
    """, [TODAY])
    alerts = project.query(
        "select account_id, is_suppressed from analytics.pql_alerts where score_date = ? and alert_kind = 'pql_entry'",
        [TODAY])
    assert len(entries) > len(RAISED_BY_LOAD[1]) + len(RAISED_BY_LOAD[2])
    assert sorted(alerts) == sorted(entries)
    assert {account for account, suppressed in alerts if suppressed} >= {"acc_gated", HELD_OUT}
