"""Each tracker's quirks, as hand-made rows in its own tables: what staging makes of them.

Every world has two accounts, acc_first and acc_second, and two users: u_one in acc_first only,
u_two in both. Where a tracker lands no users or accounts, the app's `users` and the CRM's
`accounts` hold them, in the native shape.
"""

from __future__ import annotations

import duckdb

from conftest import DbtProject, new_project
from generate_sample_data import create_raw_tables

SCORE_DATE = "2026-03-26"  # the newest event is less than a day older than its end
ACCOUNTS = [
    ("acc_first", "first.io", 120, "SaaS", "US", True, "2026-03-01 09:00:00"),
    ("acc_second", "second.io", 40, "Retail", "GB", False, "2026-03-05 09:00:00"),
]
USERS = [
    ("u_one", "acc_first", "one@first.io", "CEO", "2026-03-01 09:00:00"),
    ("u_two", "acc_first", "two@first.io", "Engineer", "2026-03-01 09:00:00"),
    ("u_two", "acc_second", "two@second.io", "Engineer", "2026-03-10 09:00:00"),
]

SEGMENT_TABLES = [
    # As Segment lands it: no session id.
    """create table raw.tracks (id varchar, anonymous_id varchar, user_id varchar, event varchar,
        timestamp timestamp, context_group_id varchar)""",
    """insert into raw.tracks values
        -- Made before the user signed in; the identify call tying the device to u_one comes later.
        ('s_anonymous', 'anon_9', null, 'pricing_page_viewed', '2026-03-25 10:00:00', null),
        -- u_two, in two groups: an event naming its group, and one leaving it to the latest.
        ('s_names_first', 'anon_2', 'u_two', 'page_viewed', '2026-03-26 10:00:00', 'acc_first'),
        ('s_latest_group', 'anon_2', 'u_two', 'page_viewed', '2026-03-26 11:00:00', null)""",
    "create table raw.identifies (anonymous_id varchar, user_id varchar, timestamp timestamp)",
    "insert into raw.identifies values ('anon_9', 'u_one', '2026-03-28 09:00:00')",
    "create table raw.users (id varchar, email varchar, title varchar, created_at timestamp)",
    """insert into raw.users values ('u_one', 'one@first.io', 'CEO', '2026-03-01 09:00:00'),
        ('u_two', 'two@first.io', 'Engineer', '2026-03-01 09:00:00')""",
    """create table raw.groups (user_id varchar, group_id varchar, timestamp timestamp, website varchar,
        employees integer, industry varchar, country varchar, icp_match boolean, created_at timestamp)""",
    """insert into raw.groups values
        ('u_one', 'acc_first', '2026-03-01 09:00:00', 'https://www.First.io/about', 120, 'SaaS', 'US', true,
            '2026-03-01 09:00:00'),
        ('u_two', 'acc_first', '2026-03-01 09:00:00', null, null, null, null, null, null),
        ('u_two', 'acc_second', '2026-03-10 09:00:00', 'second.io', 40, 'Retail', 'GB', false,
            '2026-03-05 09:00:00')""",
]

SNOWPLOW_TABLES = [
    """create table raw.events (event_id varchar, event_name varchar, se_action varchar,
        derived_tstamp timestamp, collector_tstamp timestamp, user_id varchar, domain_userid varchar,
        domain_sessionid varchar)""",
    """insert into raw.events values
        -- One event collected twice, the later copy first in the table.
        ('sp_twice', 'event', 'pricing_page_viewed', '2026-03-25 10:04:00', '2026-03-25 10:04:01',
            'u_one', 'd_one', 'ses_1'),
        ('sp_twice', 'event', 'pricing_page_viewed', '2026-03-25 10:00:00', '2026-03-25 10:00:01',
            'u_one', 'd_one', 'ses_1'),
        -- Before signing in on a browser where u_one signs in later.
        ('sp_anonymous', 'page_view', null, '2026-03-26 09:00:00', '2026-03-26 09:00:01', null, 'd_one', 'ses_2'),
        ('sp_signed_in', 'page_view', null, '2026-03-26 09:10:00', '2026-03-26 09:10:01', 'u_one', 'd_one',
            'ses_2')""",
]

AMPLITUDE_TABLES = [
    """create table raw.events (uuid varchar, event_type varchar, event_time timestamp, user_id varchar,
        device_id varchar, session_id bigint, groups varchar, event_properties varchar)""",
    """insert into raw.events values
        -- No group: u_one's one account.
        ('am_no_group', 'pricing_page_viewed', '2026-03-25 10:00:00', 'u_one', 'dev_1', -1, '{}', '{}'),
        -- No group, and u_two is in two accounts: whose it is cannot be told.
        ('am_two_accounts', 'page_viewed', '2026-03-25 11:00:00', 'u_two', 'dev_2', 1774000000000, '{}', '{}'),
        -- A group given as one name rather than a list.
        ('am_one_name', 'page_viewed', '2026-03-25 12:00:00', 'u_two', 'dev_2', 1774000000000,
            '{"company": "acc_second"}', '{}'),
        ('am_identify', '$identify', '2026-03-25 12:30:00', 'u_two', 'dev_2', -1, '{}', '{}')""",
]

POSTHOG_TABLES = [
    "create table raw.events (uuid varchar, event varchar, timestamp timestamp, distinct_id varchar, properties json)",
    """insert into raw.events values
        -- No $groups: u_one's one account.
        ('ph_no_groups', 'pricing_page_viewed', '2026-03-25 10:00:00', 'u_one', '{"$session_id": "ses_1"}'),
        -- Anonymous, identified as u_one afterwards.
        ('ph_anonymous', 'page_viewed', '2026-03-25 09:00:00', 'anon_x',
            '{"$groups": {"company": "acc_first"}}'),
        ('ph_identify', '$identify', '2026-03-25 09:30:00', 'u_one', '{"$anon_distinct_id": "anon_x"}'),
        ('ph_group_first', '$groupidentify', '2026-03-01 09:00:00', 'u_one',
            '{"$group_type": "company", "$group_key": "acc_first", "$group_set": {"website": "https://www.First.io",
              "employees": 120, "industry": "SaaS", "country": "US", "icp_match": true,
              "created_at": "2026-03-01 09:00:00"}}'),
        ('ph_group_second', '$groupidentify', '2026-03-05 09:00:00', 'u_two',
            '{"$group_type": "company", "$group_key": "acc_second", "$group_set": {"website": "second.io",
              "employees": 40}}')""",
]

# The native tables each tracker's tables replace, its own, and the vars it runs with.
WORLDS = {
    "segment": (["events", "users", "accounts"], SEGMENT_TABLES, {"pql_tracks_columns": {"context_session_id": None}}),
    "snowplow": (["events"], SNOWPLOW_TABLES, {}),
    "amplitude": (["events"], AMPLITUDE_TABLES, {}),
    "posthog": (["events", "accounts"], POSTHOG_TABLES, {}),
}


def _build(tmp_path_factory, shape: str) -> DbtProject:
    """The hand-made world in `shape`'s tables, built up to the quality models and rejected rows."""
    replaced, statements, tracker_vars = WORLDS[shape]
    project = new_project(tmp_path_factory.mktemp(shape))
    with duckdb.connect(str(project.database)) as con:
        create_raw_tables(con)
        con.executemany("insert into raw.accounts values (?, ?, ?, ?, ?, ?, ?)", ACCOUNTS)
        con.executemany("insert into raw.users values (?, ?, ?, ?, ?)", USERS)
        for table in replaced:
            con.execute(f"drop table raw.{table}")
        for statement in statements:
            con.execute(statement)
    project.build_models("--select", "+int_events +int_users +int_accounts +pql_rejected_rows",
                         pql_event_source=shape, pql_score_date=SCORE_DATE, **tracker_vars)
    return project


def _events(project: DbtProject) -> dict[str, tuple]:
    """int_events by event id: (user, account, time, session)."""
    return {row[0]: row[1:] for row in project.query(
        "select event_id, user_id, account_id, cast(event_at as varchar), session_id from analytics.int_events")}


def _rejected(project: DbtProject) -> set[tuple]:
    return set(project.query("select source_table, row_key, reason from analytics.pql_rejected_rows"))


def test_segment_ties_anonymous_events_and_takes_the_latest_group(tmp_path_factory):
    project = _build(tmp_path_factory, "segment")
    events = _events(project)
    # The anonymous event is u_one's, identified three days later, in u_one's group.
    assert events["s_anonymous"][:2] == ("u_one", "acc_first")
    # u_two is in two groups: an event naming one is that group's, the others the latest joined.
    assert events["s_names_first"][1] == "acc_first"
    assert events["s_latest_group"][1] == "acc_second"
    assert sorted(project.query("select user_id, account_id from analytics.int_users")) == [
        ("u_one", "acc_first"), ("u_two", "acc_first"), ("u_two", "acc_second")]
    # A group call without traits does not wipe the traits an earlier one set.
    assert project.query("select domain, employee_count, is_icp_match from analytics.int_accounts "
                         "where account_id = 'acc_first'") == [("first.io", 120, True)]
    assert _rejected(project) == set()
    # Without the session column mapped to null, the run stops first, saying how to fix it.
    result = project.dbt("run", "--select", "stg_raw__events",
                         dbt_vars={"pql_event_source": "segment", "pql_score_date": SCORE_DATE})
    assert not result.success
    assert "has no column context_session_id" in str(result.exception)
    assert "(or to null when your tables do not have it)" in str(result.exception)


def test_snowplow_keeps_an_event_collected_twice_once_at_its_first_collection(tmp_path_factory):
    project = _build(tmp_path_factory, "snowplow")
    events = _events(project)
    assert events["sp_twice"] == ("u_one", "acc_first", "2026-03-25 10:00:00", "ses_1")
    assert project.query("select count(*) from analytics.int_events where event_id = 'sp_twice'") == [(1,)]
    # The browser's events before sign-in are the user's; the account is the user's one.
    assert events["sp_anonymous"][:2] == ("u_one", "acc_first")
    assert _rejected(project) == set()


def test_amplitude_event_without_a_group_is_its_users_when_the_user_has_one_account(tmp_path_factory):
    project = _build(tmp_path_factory, "amplitude")
    events = _events(project)
    assert events["am_no_group"] == ("u_one", "acc_first", "2026-03-25 10:00:00", None)  # -1: no session
    assert events["am_one_name"][1] == "acc_second"
    assert "am_identify" not in events
    assert _rejected(project) == {("events", "am_two_accounts", "no_account")}


def test_posthog_event_without_groups_is_its_users_and_groupidentify_gives_the_traits(tmp_path_factory):
    project = _build(tmp_path_factory, "posthog")
    events = _events(project)
    assert events["ph_no_groups"] == ("u_one", "acc_first", "2026-03-25 10:00:00", "ses_1")
    assert events["ph_anonymous"][:2] == ("u_one", "acc_first")
    assert not {"ph_identify", "ph_group_first", "ph_group_second"} & set(events)
    assert sorted(project.query(
        "select account_id, domain, employee_count, industry, is_icp_match from analytics.int_accounts")) == [
        ("acc_first", "first.io", 120, "SaaS", True), ("acc_second", "second.io", 40, None, None)]
    assert _rejected(project) == set()
