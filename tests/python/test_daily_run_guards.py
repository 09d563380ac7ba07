"""The daily job's guarantees hold under every command that builds the marts, not only `dbt build`:
stale inputs and a broken seed stop `dbt run` (whole, or a selection, or after `dbt seed`) naming
the problem, and leave every mart as it was; so does a selection that would publish from scoring
tables built for another score date, rule set or the intraday job, or without judging the inputs
(the gate left out). A value that does not read is a row problem, not a
failed build; a raw column that is missing fails the run at once, naming the table, the column and
the var that maps it."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from conftest import DbtProject, copy_built_project, new_project
from fixture_world import ACCOUNTS, EVENTS, EXPECTED_CLASSIC, SCORE_DATE, USERS

CLASSIC = {"pql_scoring_model": "classic", "pql_score_date": SCORE_DATE}
DAILY_MARTS = ("pql_scores", "pql_score_contributions", "pql_contacts", "pql_shadow_comparison", "pql_score_history",
               "pql_tier_changes", "pql_rejected_rows")
TUNING_MARTS = ("pql_calibration", "pql_signal_lift")
MARTS = DAILY_MARTS + TUNING_MARTS


def run(project: DbtProject, *args: str, **dbt_vars) -> tuple[bool, str]:
    result = project.dbt("run", *args, dbt_vars={**CLASSIC, **dbt_vars})
    return result.success, "\n".join(project.log_lines) + f"\n{result.exception or ''}"


@pytest.fixture
def scored(built_classic_world: DbtProject, tmp_path) -> DbtProject:
    """A copy of the built project and its warehouse, for one test to break."""
    return copy_built_project(built_classic_world, tmp_path)


# --- the freshness gate and the seed checks under `dbt run` -------------------------------


@pytest.mark.parametrize("selection", [(), ("--select", "int_inputs_gate", "pql_scores"),
                                       ("--select", "int_inputs_gate", "pql_scores+")],
                         ids=["run", "select-pql_scores", "select-pql_scores-and-after"])
def test_stale_events_stop_dbt_run_and_leave_every_mart_as_it_was(scored: DbtProject, selection):
    before = scored.snapshot(MARTS)
    # A broken pipe: the last five days of events never arrived.
    scored.query("delete from raw.events where event_time >= timestamp '2026-03-27'")

    ok, log = run(scored, *selection)

    assert not ok
    assert ("raw events is stale: newest row at 2026-03-26 09:00:00, 135 hours before 2026-04-01 00:00:00 "
            "(allowed: 50)") in log
    assert scored.snapshot(MARTS) == before


def test_a_whole_run_stops_once_at_the_gate_before_any_mart(scored: DbtProject):
    scored.query("delete from raw.events where event_time >= timestamp '2026-03-27'")
    result = scored.dbt("run", dbt_vars=CLASSIC)
    statuses = {r.node.name: str(r.status) for r in result.result}
    assert statuses["int_inputs_gate"] == "error"
    assert [name for name, status in statuses.items() if status == "error"] == ["int_inputs_gate"]
    assert {statuses[mart] for mart in DAILY_MARTS} == {"skipped"}
    # The daily job (the default selector) leaves the tuning loop's models alone.
    assert not set(TUNING_MARTS) & set(statuses)


def test_a_broken_seed_loaded_by_dbt_seed_stops_dbt_run_naming_the_row(scored: DbtProject):
    before = scored.snapshot(MARTS)
    # The analyst widens PQL to 92, into Hot PQL's band, and loads the seed on its own.
    scored.edit_seed("pql_tiers", "classic,PQL,3,70,89,", "classic,PQL,3,70,92,")
    assert scored.dbt("seed", dbt_vars=CLASSIC).success

    for selection in [(), ("--select", "int_inputs_gate", "pql_scores")]:
        ok, log = run(scored, *selection)
        assert not ok
        assert "pql_tiers row scoring_model=classic, tier_name=Hot PQL: band overlaps tier PQL" in log
        assert scored.snapshot(MARTS) == before

    # Mended and loaded again, the next run publishes.
    scored.edit_seed("pql_tiers", "classic,PQL,3,70,92,", "classic,PQL,3,70,89,")
    assert scored.dbt("seed", dbt_vars=CLASSIC).success
    ok, log = run(scored)
    assert ok, log[-3000:]
    assert scored.score_summary() == EXPECTED_CLASSIC


def test_a_mart_selected_without_the_gate_stops_naming_it(scored: DbtProject):
    """The gate judges the inputs once a run; a command that builds a mart and not the gate has
    not judged them, so it stops, whatever the inputs."""
    before = scored.snapshot(MARTS)

    ok, log = run(scored, "--select", "pql_scores")

    assert not ok
    assert ("int_inputs_gate, which judges the inputs, was built by another dbt command: select it with pql_scores "
            "(--select int_inputs_gate pql_scores, or +pql_scores), or run the job whole") in log
    assert scored.snapshot(MARTS) == before
    # A preview replaces nothing: it reads the gate as the last run left it.
    assert scored.dbt("show", "--select", "pql_scores", dbt_vars=CLASSIC).success
    ok, log = run(scored, "--select", "int_inputs_gate", "pql_scores")
    assert ok, log[-3000:]
    assert scored.score_summary() == EXPECTED_CLASSIC


def test_an_unknown_live_rule_set_stops_dbt_run(scored: DbtProject):
    before = scored.snapshot(MARTS)
    ok, log = run(scored, pql_scoring_model="clasic")
    assert not ok
    assert "no rules for the live scoring_model clasic" in log
    assert scored.snapshot(MARTS) == before


# --- a selection never publishes from scoring tables built for other settings ----------------


@pytest.mark.parametrize("changed", [{"pql_score_date": "2026-03-30"}, {"pql_scoring_model": "recommended"}],
                         ids=["another-score-date", "another-rule-set"])
def test_a_selection_with_other_vars_stops_naming_what_to_run(scored: DbtProject, changed):
    before = scored.snapshot(MARTS)

    ok, log = run(scored, "--select", "int_inputs_gate", "pql_scores", **changed)

    assert not ok
    assert "The scoring tables were built by the daily run of 2026-03-31, rule set classic" in log
    assert "run the daily job (dbt build), or select what pql_scores is built from too (--select +pql_scores)" in log
    assert scored.snapshot(MARTS) == before
    # Selected with what it is built from, it publishes.
    ok, log = run(scored, "--select", "+pql_scores", **changed)
    assert ok, log[-3000:]


def test_the_daily_marts_are_never_published_from_an_intraday_run(scored: DbtProject):
    intraday = scored.dbt("run", "--selector", "intraday", dbt_vars=CLASSIC)
    assert intraday.success, intraday.exception
    before = scored.snapshot(MARTS)

    ok, log = run(scored, "--select", "int_inputs_gate", "pql_scores", "pql_contacts")

    assert not ok
    assert "The scoring tables were built by the intraday run of 2026-03-31" in log
    assert scored.snapshot(MARTS) == before
    # The daily job rebuilds the scoring tables for every account, and publishes.
    ok, log = run(scored)
    assert ok, log[-3000:]
    assert scored.score_summary() == EXPECTED_CLASSIC


# --- a raw column that is not there -------------------------------------------------------


def test_a_renamed_raw_column_fails_at_once_naming_table_column_and_var(scored: DbtProject):
    scored.query("alter table raw.events rename column event_time to occurred_at")

    ok, log = run(scored)

    assert not ok
    assert "raw events (" in log and "has no column event_time" in log
    assert "pql_events_columns" in log
    # Nothing was built: the check runs before the first model.
    assert scored.query("select distinct scored_at from analytics.pql_scores") == [(dt.datetime(2000, 1, 1),)]

    # Mapped with the var the message names, the run scores as before.
    ok, log = run(scored, pql_events_columns={"event_time": "occurred_at"})
    assert ok, log[-3000:]
    assert scored.score_summary() == EXPECTED_CLASSIC


def test_a_column_map_naming_no_source_column_is_refused(scored: DbtProject):
    ok, log = run(scored, pql_accounts_columns={"employees": "headcount"})
    assert not ok
    assert "var pql_accounts_columns maps employees, which is not a column of raw accounts" in log


def test_a_column_map_that_is_not_a_column_name_is_refused(scored: DbtProject):
    ok, log = run(scored, pql_events_columns={"event_time": "ts; drop table raw.events"})
    assert not ok
    assert "var pql_events_columns must map event_time to a plain column name" in log


# --- values that do not read: rows with reasons, not a failed build ----------------------

TEXT_ACCOUNTS = [
    # account_id, domain, employee_count, industry, country, icp_match, created_at
    ("acc_thousands", "thousands.io", "1,200", "SaaS", "US", "yes", "2026-03-02 09:00:00"),
    ("acc_maybe", "maybe.io", "120", "SaaS", "US", "maybe", "2026-03-02 09:00:00"),
    ("acc_someday", "someday.io", "120.0", "SaaS", "US", "1", "last tuesday"),
]
TEXT_USERS = [
    # user_id, account_id, email, job_title, created_at
    ("u_someday", "acc_maybe", "x@maybe.io", "CTO", "yesterday"),
]
TEXT_EVENTS = [
    # event_id, user_id, account_id, event_name, event_time, properties
    ("t01", "u_hot_1", "acc_hot", "pricing_page_viewed", "soon", "{}"),
]
TEXT_DEALS = [
    # deal_id, account_id, created_at, closed_at, is_won, amount
    ("d_good", "acc_hot", "2026-03-20 10:00:00", None, None, "1000"),
    ("d_undated", "acc_pql", "next week", None, None, "100"),
    ("d_closed_when", "acc_pql", "2026-03-21 10:00:00", "tbd", None, "100"),
    ("d_won", "acc_pql", "2026-03-21 10:00:00", "2026-03-25 10:00:00", "won", "100"),
    ("d_dollars", "acc_pql", "2026-03-21 10:00:00", "2026-03-25 10:00:00", "true", "$5,000"),
]

EXPECTED_TEXT_PROBLEMS = {
    ("accounts", "acc_thousands", "employee_count_not_a_number", "kept, value cleared"),
    ("accounts", "acc_maybe", "icp_match_not_a_boolean", "kept, value cleared"),
    ("accounts", "acc_someday", "created_at_not_a_time", "kept, value cleared"),
    ("users", "u_someday", "created_at_not_a_time", "kept, value cleared"),
    ("events", "t01", "event_time_not_a_time", "rejected"),
    ("deals", "d_undated", "created_at_not_a_time", "rejected"),
    ("deals", "d_closed_when", "closed_at_not_a_time", "kept, value cleared"),
    ("deals", "d_won", "is_won_not_a_boolean", "kept, value cleared"),
    ("deals", "d_dollars", "amount_not_a_number", "kept, value cleared"),
}


def write_text_raw_tables(database, accounts, users, events, deals) -> None:
    """Raw tables whose every column landed as text, as a loader that infers no types writes them."""
    tables = {
        "accounts": (["account_id", "domain", "employee_count", "industry", "country", "icp_match", "created_at"],
                     accounts),
        "users": (["user_id", "account_id", "email", "job_title", "created_at"], users),
        "events": (["event_id", "user_id", "account_id", "event_name", "event_time", "properties"], events),
        "deals": (["deal_id", "account_id", "created_at", "closed_at", "is_won", "amount"], deals),
    }
    with duckdb.connect(str(database)) as con:
        con.execute("create schema if not exists raw")
        for table, (columns, rows) in tables.items():
            con.execute(f"create or replace table raw.{table} ({', '.join(f'{c} varchar' for c in columns)})")
            if rows:
                con.executemany(f"insert into raw.{table} values ({', '.join('?' for _ in columns)})",
                                [tuple(None if value is None else str(value) for value in row) for row in rows])


@pytest.fixture(scope="module")
def texty(tmp_path_factory) -> DbtProject:
    project = new_project(tmp_path_factory.mktemp("text_values"))
    write_text_raw_tables(project.database, ACCOUNTS + TEXT_ACCOUNTS, USERS + TEXT_USERS, EVENTS + TEXT_EVENTS,
                          TEXT_DEALS)
    project.build(**CLASSIC)  # green, reconciliation included
    return project


def test_text_values_that_do_not_read_are_listed_with_their_reasons(texty: DbtProject):
    listed = set(texty.query("""
        select source_table, row_key, reason, outcome from analytics.pql_rejected_rows
        where row_key in ('acc_thousands', 'acc_maybe', 'acc_someday', 'u_someday', 't01')
            or source_table = 'deals'
    """))
    assert listed == EXPECTED_TEXT_PROBLEMS
    contents = dict(texty.query("select row_key, row_contents from analytics.pql_rejected_rows "
                                "where row_key in ('acc_thousands', 'd_dollars')"))
    assert "employee_count=1,200" in contents["acc_thousands"]
    assert "amount=$5,000" in contents["d_dollars"]


def test_text_columns_that_read_score_exactly_as_typed_ones(texty: DbtProject):
    summary = texty.score_summary()
    for account_id, expected in EXPECTED_CLASSIC.items():
        assert summary[account_id] == expected, account_id
    # "120.0" reads as 120 and "1" as a match: 15 + SaaS 10 + ICP 5. "1,200" reads as unknown: SaaS 10 + ICP 5.
    assert summary["acc_someday"][1] == 30
    assert summary["acc_thousands"][1] == 15
    # A cleared yes/no scores no ICP points: 15 + 10.
    assert summary["acc_maybe"][1] == 25


def test_text_deals_that_read_are_kept(texty: DbtProject):
    deals = texty.query("select deal_id, closed_at, is_won, amount from analytics.int_deals order by 1")
    assert deals == [
        ("d_closed_when", None, None, 100),
        ("d_dollars", dt.datetime(2026, 3, 25, 10), True, None),
        ("d_good", None, None, 1000),
        ("d_won", dt.datetime(2026, 3, 25, 10), None, 100),
    ]
