"""Bad input, each kind through a full `dbt build`: survivable rows are rejected (or a bad value
cleared) with a reason in pql_rejected_rows and the good rows score exactly as without them;
input the scores cannot survive fails the build with a message naming the table and the problem,
and leaves the previous marts untouched."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import DbtProject, copy_built_project, new_project
from fixture_world import ACCOUNTS, EVENTS, EXPECTED_CLASSIC, SCORE_DATE, USERS, write_raw_tables

FUTURE = (dt.datetime.now(dt.UTC) + dt.timedelta(days=30)).strftime("%Y-%m-%d %H:%M:%S")

BAD_ACCOUNTS = [
    # account_id, domain, employee_count, industry, country, icp_match, created_at
    (None, "nobody.io", 10, "SaaS", "US", True, "2026-03-01 09:00:00"),
    ("  ", "blank.io", 10, "SaaS", "US", True, "2026-03-01 09:00:00"),
    # acc_hot again with other contents: the earliest sign-up (the fixture's row) is kept.
    ("acc_hot", "hot-copy.io", 9999, "Retail", "US", False, "2026-02-10 09:00:00"),
    # An exact copy of a fixture row collapses silently: same account, same facts.
    ACCOUNTS[1],
    ("acc_negative", "negative.io", -5, "SaaS", "US", True, "2026-03-02 09:00:00"),
    ("acc_absurd", "absurd.io", 2_000_000_000, "SaaS", "US", True, "2026-03-02 09:00:00"),
    ("acc_odd_industry", "odd.io", 120, "Underwater basket weaving", "US", True, "2026-03-02 09:00:00"),
]

BAD_USERS = [
    # user_id, account_id, email, job_title, created_at
    (None, "acc_hot", "nobody@hot.io", "CEO", "2026-02-01 09:00:00"),
    ("u_orphan", None, "orphan@x.io", "CEO", "2026-02-01 09:00:00"),
    ("u_stranger", "acc_nowhere", "stranger@x.io", "CEO", "2026-02-01 09:00:00"),
    # u_hot_1 also works in acc_pql: a member of both.
    ("u_hot_1", "acc_pql", "ana@hot.io", "CEO", "2026-03-06 09:00:00"),
    # u_pql again in acc_pql with another title: the earliest sign-up is kept.
    ("u_pql", "acc_pql", "mia@pql.io", "Intern", "2026-03-09 09:00:00"),
]

BAD_EVENTS = [
    # event_id, user_id, account_id, event_name, event_time, properties
    ("b01", "u_hot_1", None, "workspace_created", "2026-03-20 09:00:00", "{}"),
    ("b02", "u_hot_1", "", "workspace_created", "2026-03-20 09:00:00", "{}"),
    ("b03", "u_stranger", "acc_nowhere", "workspace_created", "2026-03-20 09:00:00", "{}"),
    ("b04", "u_hot_1", "acc_hot", None, "2026-03-20 09:00:00", "{}"),
    ("b05", "u_hot_1", "acc_hot", "   ", "2026-03-20 09:00:00", "{}"),
    ("b06", "u_hot_1", "acc_hot", "pricing_page_viewed", None, "{}"),
    ("b07", "u_hot_1", "acc_hot", "pricing_page_viewed", "1970-01-01 00:00:00", "{}"),
    ("b08", "u_hot_1", "acc_hot", "pricing_page_viewed", FUTURE, "{}"),
    # e30 (acc_pql's workspace) again at the same time with another name: the first by contents
    # (team_member_invited < workspace_created) would win, so the copy here sorts after it.
    ("e30", "u_pql", "acc_pql", "zz_workspace_renamed", "2026-03-10 08:00:00", "{}"),
    # Valid events with odd parts: kept.
    ("b10", "u_negative", "acc_negative", "some_event_no_signal_reads", "2026-03-25 09:00:00", "{}"),
    ("b11", "u_negative", "acc_negative", "page_viewed", "2026-03-26 09:00:00", "{not json"),
]

BAD_DISPOSITIONS = [
    # account_id, disposition, reason, recorded_at (as text)
    ("acc_hot", "Hot Lead", "loves us", "2026-03-20 09:00:00"),
    (None, "bad fit", None, "2026-03-20 09:00:00"),
    ("acc_hot", "  ", None, "2026-03-20 09:00:00"),
    ("acc_hot", "not now", None, "last tuesday"),
    # A sound row: kept, for an account no score names, so no routing changes.
    ("acc_nowhere", " Bad Fit ", None, "2026-03-20 09:00:00"),
]

EXPECTED_REJECTIONS = {
    ("events", "b01", "no_account"),
    ("events", "b02", "no_account"),
    ("events", "b03", "unknown_account"),
    ("events", "e70", "unknown_account"),  # the fixture world's own ghost account
    ("events", "b04", "no_event_name"),
    ("events", "b05", "no_event_name"),
    ("events", "b06", "no_event_time"),
    ("events", "b07", "event_time_before_2000"),
    ("events", "b08", "event_time_in_future"),
    ("events", "e30", "conflicting_duplicate_id"),
    ("accounts", None, "no_account_id"),
    ("accounts", "  ", "no_account_id"),
    ("accounts", "acc_hot", "duplicate_account_id"),
    ("users", None, "no_user_id"),
    ("users", "u_orphan", "no_account"),
    ("users", "u_stranger", "unknown_account"),
    ("users", "u_pql", "duplicate_user"),
    ("dispositions", None, "unknown_disposition"),
    ("dispositions", None, "no_account"),
    ("dispositions", None, "no_disposition"),
    ("dispositions", None, "recorded_at_not_a_time"),
}
MESSY_VARS = {"pql_scoring_model": "classic", "pql_score_date": SCORE_DATE, "pql_read_dispositions": True}


@pytest.fixture(scope="module")
def messy(tmp_path_factory) -> DbtProject:
    project = new_project(tmp_path_factory.mktemp("messy"))
    write_raw_tables(project.database, ACCOUNTS + BAD_ACCOUNTS, USERS + BAD_USERS, EVENTS + BAD_EVENTS)
    # Times as text, as some CRM syncs deliver them.
    project.query("create or replace table raw.dispositions "
                  "(account_id varchar, disposition varchar, reason varchar, recorded_at varchar)")
    for row in BAD_DISPOSITIONS:
        project.query("insert into raw.dispositions values (?, ?, ?, ?)", row)
    project.build(**MESSY_VARS)
    return project


def test_every_bad_row_is_listed_with_its_reason(messy: DbtProject):
    rejected = set(messy.query(
        "select source_table, row_key, reason from analytics.pql_rejected_rows where outcome = 'rejected'"
    ))
    assert rejected == EXPECTED_REJECTIONS


def test_a_reason_the_registry_does_not_list_fails_the_test(messy: DbtProject, tmp_path):
    """Every reason of the messy world is in pql_row_reasons (the build above ran its test); an
    unlisted one, or a listed one under another table, fails it."""
    project = copy_built_project(messy, tmp_path)
    project.query("insert into analytics.pql_rejected_rows (checked_day, source_table, reason, outcome) values "
                  "(date '1900-01-01', 'events', 'mystery', 'rejected'), "
                  "(date '1900-01-01', 'events', 'duplicate_user', 'rejected')")

    result = project.dbt("test", "--select", "pql_rejected_rows,test_name:is_a_row_reason", dbt_vars=MESSY_VARS)

    assert not result.success
    assert {r.node.name: r.failures for r in result.result.results if "is_a_row_reason" in r.node.name} \
        == {"is_a_row_reason_pql_rejected_rows_reason": 2}


def test_good_rows_score_exactly_as_without_the_bad_ones(messy: DbtProject):
    summary = messy.score_summary()
    for account_id, expected in EXPECTED_CLASSIC.items():
        assert summary[account_id] == expected, account_id


def test_out_of_range_employee_counts_are_read_as_unknown_and_listed(messy: DbtProject):
    rows = messy.query("""
        select account_id, employee_count from analytics.int_accounts
        where account_id in ('acc_negative', 'acc_absurd') order by 1
    """)
    assert rows == [("acc_absurd", None), ("acc_negative", None)]
    cleared = messy.query("""
        select row_key, reason, row_contents from analytics.pql_rejected_rows
        where outcome = 'kept, value cleared' order by 1
    """)
    assert [row[:2] for row in cleared] == [
        ("acc_absurd", "employee_count_out_of_range"), ("acc_negative", "employee_count_out_of_range"),
    ]
    assert "employee_count=-5" in cleared[1][2]
    # Both are scored: 0 points for an unknown size, the rest as usual (SaaS 10 + ICP 5).
    assert messy.score_summary()["acc_negative"][1] == 15


def test_unknown_industry_is_kept_and_earns_no_industry_points(messy: DbtProject):
    # 120 employees: 15, an industry outside the list: 3, ICP: 5.
    assert messy.score_summary()["acc_odd_industry"] == (0, 23, 0, 23, "Cold")


def test_duplicate_account_keeps_the_earliest_sign_up(messy: DbtProject):
    assert messy.query("select domain, employee_count from analytics.int_accounts where account_id = 'acc_hot'") \
        == [("hot.io", 120)]


def test_a_user_in_two_accounts_is_a_contact_of_each(messy: DbtProject):
    rows = messy.query("select account_id from analytics.pql_contacts where user_id = 'u_hot_1' order by 1")
    assert rows == [("acc_hot",), ("acc_pql",)]
    # The duplicate of u_pql with another title is not a second contact.
    assert messy.query("select job_title from analytics.pql_contacts where user_id = 'u_pql'") == [("Founder",)]


def test_events_with_odd_names_or_broken_properties_are_kept(messy: DbtProject):
    rows = messy.query("""
        select event_id, event_name, session_id from analytics.int_events
        where account_id = 'acc_negative' order by 1
    """)
    assert rows == [("b10", "some_event_no_signal_reads", None), ("b11", "page_viewed", None)]
    # Both count as active days: 2 points of product score under classic.
    assert messy.score_summary()["acc_negative"][0] == 2


def test_rows_reconcile_and_the_rejection_rate_warns(messy: DbtProject):
    result = messy.dbt("test", "--select", "raw_rows_are_all_accounted_for rejection_rate_is_low",
                       dbt_vars=MESSY_VARS)
    statuses = {r.node.name: str(r.status) for r in result.result if r.node.resource_type == "test"}
    assert statuses == {"raw_rows_are_all_accounted_for": "pass", "rejection_rate_is_low": "warn"}


def test_an_unknown_disposition_is_rejected_and_named_with_the_fix(messy: DbtProject):
    assert messy.query("select account_id, disposition from analytics.int_dispositions") == [
        ("acc_nowhere", "bad fit")]
    result = messy.dbt("test", "--select", "dispositions_are_all_known", dbt_vars=MESSY_VARS)
    assert [str(r.status) for r in result.result if r.node.resource_type == "test"] == ["warn"]
    assert any('disposition=hot lead, rejected_rows=1, problem=not in seeds/pql_dispositions.csv: add a row for '
               '"hot lead"' in line for line in messy.log_lines), "\n".join(messy.log_lines[-20:])


def test_reconciliation_fails_when_a_row_goes_missing(messy: DbtProject):
    # Drop a kept event from int_events behind dbt's back: the tally no longer adds up.
    messy.query("create or replace view analytics.int_events as "
                "select * from analytics.int_events_checked where rejection_reason is null "
                "and event_id != 'e01' and event_at < timestamp '2026-04-01'")
    result = messy.dbt("test", "--select", "raw_rows_are_all_accounted_for", dbt_vars=MESSY_VARS)
    assert [str(r.status) for r in result.result if r.node.resource_type == "test"] == ["fail"]


# --- input the scores cannot survive: a loud failure, the last good marts kept ---------------


def build_and_capture(project: DbtProject, **dbt_vars) -> tuple[bool, str]:
    result = project.dbt("build", dbt_vars={"pql_scoring_model": "classic", **dbt_vars})
    return result.success, "\n".join(project.log_lines)


@pytest.fixture
def good_build(built_classic_world: DbtProject, tmp_path) -> DbtProject:
    """A copy of the hand-made world, built green, for one test to break."""
    return copy_built_project(built_classic_world, tmp_path)


MARTS = ("pql_scores", "pql_contacts", "pql_score_history", "pql_tier_changes")


def test_stale_events_fail_the_build_and_keep_yesterdays_marts(good_build: DbtProject):
    before = good_build.snapshot(MARTS)
    # Five days on, no event has arrived since the 31st: the pipe is broken.
    ok, log = build_and_capture(good_build, pql_score_date="2026-04-05")
    assert not ok
    assert "raw events is stale: newest row at 2026-04-01 00:00:00, 120 hours before 2026-04-06 00:00:00" in log
    assert good_build.snapshot(MARTS) == before


def test_a_failing_staging_test_keeps_the_marts(good_build: DbtProject):
    before = good_build.snapshot(MARTS)
    # One id sent twice at different times with different contents: the key test fails.
    good_build.query("insert into raw.events values "
                     "('e40', 'u_large', 'acc_large', 'page_viewed', '2026-03-30 10:00:00', '{}')")
    ok, log = build_and_capture(good_build, pql_score_date=SCORE_DATE)
    assert not ok
    assert "int_events_ids_are_present_and_unique" in log
    assert good_build.snapshot(MARTS) == before


@pytest.mark.parametrize("table", ["events", "accounts"])
def test_an_empty_input_fails_the_build_naming_it(good_build: DbtProject, table: str):
    before = good_build.snapshot(MARTS)
    good_build.query(f"delete from raw.{table}")
    ok, log = build_and_capture(good_build, pql_score_date=SCORE_DATE)
    assert not ok
    assert f"raw {table} has no rows at or before 2026-04-01 00:00:00" in log
    assert good_build.snapshot(MARTS) == before


def test_empty_users_and_deals_are_survivable(make_project):
    project = make_project()
    write_raw_tables(project.database, users=[])
    project.build(pql_scoring_model="classic", pql_score_date=SCORE_DATE)
    assert project.score_summary() == EXPECTED_CLASSIC
    assert project.query("select count(*) from analytics.pql_contacts") == [(0,)]
