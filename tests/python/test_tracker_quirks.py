"""Each tracker's quirks, as hand-made rows in its own tables: what staging makes of them.

Every world has two accounts, acc_first and acc_second, and two users: u_one in acc_first only,
u_two in both. Where a tracker lands no users or accounts, the app's `users` and the CRM's
`accounts` hold them, in the native shape.
"""

from __future__ import annotations

import json

import duckdb

from conftest import DbtProject, failed_nodes, new_project
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
    """create table raw.pages (id varchar, anonymous_id varchar, user_id varchar, name varchar, path varchar,
        url varchar, title varchar, timestamp timestamp, context_group_id varchar)""",
    """insert into raw.pages values
        -- A named page is "Viewed <name> Page"; an unnamed one "Loaded a Page".
        ('s_pricing', 'anon_1', 'u_one', 'Pricing', '/pricing', 'https://app.first.io/pricing', 'Pricing',
            '2026-03-25 11:00:00', 'acc_first'),
        ('s_unnamed', 'anon_1', 'u_one', null, '/settings', 'https://app.first.io/settings', 'Settings',
            '2026-03-25 11:05:00', 'acc_first'),
        ('s_unnamed', 'anon_1', 'u_one', null, '/settings', 'https://app.first.io/settings', 'Settings',
            '2026-03-25 11:05:00', 'acc_first')""",
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
        domain_sessionid varchar, page_urlpath varchar, page_url varchar, page_title varchar)""",
    """insert into raw.events values
        -- One event collected twice, the later copy first in the table.
        ('sp_twice', 'event', 'pricing_page_viewed', '2026-03-25 10:04:00', '2026-03-25 10:04:01',
            'u_one', 'd_one', 'ses_1', null, null, null),
        ('sp_twice', 'event', 'pricing_page_viewed', '2026-03-25 10:00:00', '2026-03-25 10:00:01',
            'u_one', 'd_one', 'ses_1', null, null, null),
        -- Before signing in on a browser where u_one signs in later.
        ('sp_anonymous', 'page_view', null, '2026-03-26 09:00:00', '2026-03-26 09:00:01', null, 'd_one', 'ses_2',
            '/pricing', 'https://app.first.io/pricing', 'Pricing'),
        ('sp_signed_in', 'page_view', null, '2026-03-26 09:10:00', '2026-03-26 09:10:01', 'u_one', 'd_one',
            'ses_2', '/settings', 'https://app.first.io/settings', 'Settings')""",
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
        ('am_identify', '$identify', '2026-03-25 12:30:00', 'u_two', 'dev_2', -1, '{}', '{}'),
        -- An ad-metrics integration's event: no user, a device per campaign, keys with dots.
        ('am_ad_metrics', 'Daily Ad Metrics', '2026-03-25 07:00:00', null, 'campaign-7', -1, '{}',
            '{"ad_metrics.cost": 12.5, "ad_metrics.clicks": 3}'),
        -- A device shared by two users: its anonymous event is neither's.
        ('am_shared_one', 'page_viewed', '2026-03-25 08:00:00', 'u_one', 'dev_shared', -1, '{}', '{}'),
        ('am_shared_two', 'page_viewed', '2026-03-25 08:10:00', 'u_two', 'dev_shared', -1,
            '{"company": ["acc_second"]}', '{}'),
        ('am_shared_anonymous', 'page_viewed', '2026-03-25 08:20:00', null, 'dev_shared', -1,
            '{"company": ["acc_first"]}', '{}')""",
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
              "employees": 40}}'),
        -- A later call sets one trait: the others stay as the first call set them.
        ('ph_group_first_grew', '$groupidentify', '2026-03-20 09:00:00', 'u_one',
            '{"$group_type": "company", "$group_key": "acc_first", "$group_set": {"employees": 150}}'),
        -- Groups of several types: the account is the one of type pql_group_type.
        ('ph_group_types', 'page_viewed', '2026-03-25 13:00:00', 'u_two',
            '{"$groups": {"instance": "https://app.example", "company": "acc_second", "project": "1"}}'),
        -- Delivered twice, byte for byte.
        ('ph_twice', 'page_viewed', '2026-03-25 14:00:00', 'u_one', '{"$groups": {"company": "acc_first"}}'),
        ('ph_twice', 'page_viewed', '2026-03-25 14:00:00', 'u_one', '{"$groups": {"company": "acc_first"}}')""",
]

RUDDERSTACK_TABLES = [
    # As RudderStack's loader lands them in Snowflake: upper-case columns, and the time the
    # event happened in a custom column (no `timestamp`), with its zone offset.
    """create table raw.tracks ("ID" varchar, "ANONYMOUS_ID" varchar, "USER_ID" varchar, "EVENT" varchar,
        "EVENT_TIMESTAMP" timestamptz, "CONTEXT_GROUP_ID" varchar, "CONTEXT_SESSION_ID" varchar)""",
    """insert into raw.tracks values
        ('r_offset', 'anon_a', 'u_one', 'pricing_page_viewed', '2026-03-25 03:00:00-07:00', 'acc_first', 'ses_1'),
        -- An anonymous id identified as two people (a server minting one id for many).
        ('r_shared', 'anon_shared', null, 'page_viewed', '2026-03-25 12:00:00+00', 'acc_second', null),
        -- One identified as one person, twice.
        ('r_one_user', 'anon_b', null, 'page_viewed', '2026-03-25 13:00:00+00', null, null)""",
    # As its iOS source lands them: no name, path, URL or title; EVENT 'PAGE'; no user id, and
    # visitors who never sign in.
    """create table raw.pages ("ID" varchar, "ANONYMOUS_ID" varchar, "EVENT" varchar,
        "EVENT_TIMESTAMP" timestamptz, "CONTEXT_SESSION_ID" varchar)""",
    """insert into raw.pages values ('r_page', 'anon_b', 'PAGE', '2026-03-25 14:00:00+00', 'ses_2'),
        ('r_page_visitor', 'anon_never_identified', 'PAGE', '2026-03-25 15:00:00+00', null)""",
    """create table raw.identifies ("ANONYMOUS_ID" varchar, "USER_ID" varchar, "EVENT_TIMESTAMP" timestamptz)""",
    """insert into raw.identifies values
        ('anon_shared', 'u_one', '2026-03-20 09:00:00+00'), ('anon_shared', 'u_two', '2026-03-21 09:00:00+00'),
        ('anon_b', 'u_two', '2026-03-20 09:00:00+00'), ('anon_b', 'u_two', '2026-03-22 09:00:00+00'),
        -- An identify without a user id (an email collected): it ties nothing.
        ('anon_c', null, '2026-03-22 09:00:00+00')""",
    """create table raw.users ("ID" varchar, "EMAIL" varchar, "TITLE" varchar, "CREATED_AT" timestamptz)""",
    """insert into raw.users values ('u_one', 'one@first.io', 'CEO', '2026-03-01 09:00:00+00'),
        ('u_two', 'two@first.io', 'Engineer', '2026-03-01 09:00:00+00')""",
    """create table raw.groups ("USER_ID" varchar, "GROUP_ID" varchar, "EVENT_TIMESTAMP" timestamptz,
        "WEBSITE" varchar, "EMPLOYEES" integer, "INDUSTRY" varchar, "COUNTRY" varchar, "ICP_MATCH" boolean,
        "CREATED_AT" timestamptz)""",
    """insert into raw.groups values
        ('u_one', 'acc_first', '2026-03-01 09:00:00+00', 'first.io', 120, 'SaaS', 'US', true, '2026-03-01 09:00:00+00'),
        ('u_two', 'acc_second', '2026-03-10 09:00:00+00', 'second.io', 40, 'Retail', 'GB', false,
            '2026-03-05 09:00:00+00')""",
]
_EVENT_TIMESTAMP = {"timestamp": "event_timestamp"}
_PAGES_WITHOUT_PAGE_COLUMNS = _EVENT_TIMESTAMP | {
    column: None for column in ("user_id", "name", "path", "url", "title", "context_group_id")}

MIXPANEL_TABLES = [
    """create table raw.mp_master_event (insert_id varchar, event_name varchar, time timestamp,
        distinct_id varchar, properties json)""",
    """insert into raw.mp_master_event values
        -- Mixpanel keeps an event per (event name, distinct_id, time, insert_id), and clients
        -- reuse an insert_id: the same one on a later event, and on another event at the same time.
        ('mp_reused', 'pricing_page_viewed', '2026-03-25 10:00:00', 'u_one', '{"account_id": "acc_first"}'),
        ('mp_reused', 'pricing_page_viewed', '2026-03-26 10:00:00', 'u_one', '{"account_id": "acc_first"}'),
        ('mp_reused', 'page_viewed', '2026-03-26 10:00:00', 'u_one', '{"account_id": "acc_first"}'),
        -- A copy Mixpanel would drop: all four the same.
        ('mp_copied', 'page_viewed', '2026-03-26 11:00:00', 'u_two', '{"account_id": "acc_second"}'),
        ('mp_copied', 'page_viewed', '2026-03-26 11:00:00', 'u_two', '{"account_id": "acc_second"}')""",
]

# The native tables each tracker's tables replace, its own, and the vars it runs with.
WORLDS = {
    "segment": (["events", "users", "accounts"], SEGMENT_TABLES, {
        "pql_tracks_columns": {"context_session_id": None}, "pql_pages_columns": {"context_session_id": None}}),
    "snowplow": (["events"], SNOWPLOW_TABLES, {}),
    "amplitude": (["events"], AMPLITUDE_TABLES, {}),
    "posthog": (["events", "accounts"], POSTHOG_TABLES, {}),
    "mixpanel": (["events"], MIXPANEL_TABLES, {}),
    "rudderstack": (["events", "users", "accounts"], RUDDERSTACK_TABLES, {
        "pql_tracks_columns": _EVENT_TIMESTAMP, "pql_identifies_columns": _EVENT_TIMESTAMP,
        "pql_groups_columns": _EVENT_TIMESTAMP, "pql_pages_columns": _PAGES_WITHOUT_PAGE_COLUMNS}),
}


def _build(tmp_path_factory, shape: str, schemas: dict[str, str] | None = None, **more_vars) -> DbtProject:
    """The hand-made world in `shape`'s tables, built up to the quality models and rejected rows;
    `schemas` moves tables out of `raw` into schemas of their own."""
    replaced, statements, tracker_vars = WORLDS[shape]
    project = new_project(tmp_path_factory.mktemp(shape))
    with duckdb.connect(str(project.database)) as con:
        create_raw_tables(con)
        con.executemany("insert into raw.accounts values (?, ?, ?, ?, ?, ?, ?)", ACCOUNTS)
        con.executemany("insert into raw.users values (?, ?, ?, ?, ?)", USERS)
        con.execute("insert into raw.deals values ('deal_1', 'acc_first', '2026-03-20 09:00:00', null, null, 1200)")
        for table in replaced:
            con.execute(f"drop table raw.{table}")
        for statement in statements:
            con.execute(statement)
        for table, schema in (schemas or {}).items():
            con.execute(f"create schema if not exists {schema}")
            con.execute(f"create table {schema}.{table} as select * from raw.{table}")
            con.execute(f"drop table raw.{table}")
    project.build_models("--select", "+int_events +int_users +int_accounts +int_deals +pql_rejected_rows",
                         pql_event_source=shape, pql_score_date=SCORE_DATE, **tracker_vars, **more_vars)
    return project


def _events(project: DbtProject) -> dict[str, tuple]:
    """int_events by event id: (user, account, time, session)."""
    return {row[0]: row[1:] for row in project.query(
        "select event_id, user_id, account_id, cast(event_at as varchar), session_id from analytics.int_events")}


def _accounts_loaded_through(project: DbtProject) -> str:
    """The time the raw accounts are judged fresh by."""
    return project.query("select cast(loaded_through as varchar) from analytics.int_input_freshness "
                         "where source_table = 'accounts'")[0][0]


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
    # Page calls are events named as Segment's destinations name them, the page in their
    # properties; a copy counts once.
    assert sorted(project.query(
        "select event_id, event_name, properties_text, count(*) from analytics.int_events "
        "where event_id in ('s_pricing', 's_unnamed') group by all")) == [
        ("s_pricing", "viewed pricing page", '{"name":"Pricing","path":"/pricing",'
         '"url":"https://app.first.io/pricing","title":"Pricing"}', 1),
        ("s_unnamed", "loaded a page", '{"name":null,"path":"/settings",'
         '"url":"https://app.first.io/settings","title":"Settings"}', 1)]
    assert sorted(project.query("select user_id, account_id from analytics.int_users")) == [
        ("u_one", "acc_first"), ("u_two", "acc_first"), ("u_two", "acc_second")]
    # A group call without traits does not wipe the traits an earlier one set.
    assert project.query("select domain, employee_count, is_icp_match from analytics.int_accounts "
                         "where account_id = 'acc_first'") == [("first.io", 120, True)]
    # Fresh as the newest group call (03-10), not the newest sign-up trait (03-05).
    assert _accounts_loaded_through(project) == "2026-03-10 09:00:00"
    assert _rejected(project) == set()
    # Without the session column mapped to null, the run stops first, saying how to fix it.
    result = project.dbt("run", "--select", "stg_raw__events",
                         dbt_vars={"pql_event_source": "segment", "pql_score_date": SCORE_DATE})
    assert not result.success
    assert "has no column context_session_id" in str(result.exception)
    assert "(or to null when your tables do not have it)" in str(result.exception)


def test_rudderstack_reads_upper_case_columns_and_stitches_no_anonymous_id_shared_by_people(tmp_path_factory):
    project = _build(tmp_path_factory, "rudderstack")
    events = _events(project)
    # The custom time column, its offset read: 03:00 at -07:00 is 10:00 UTC.
    assert events["r_offset"] == ("u_one", "acc_first", "2026-03-25 10:00:00", "ses_1")
    # Identified as two people: the event is nobody's (it keeps the account it names).
    assert events["r_shared"][:2] == (None, "acc_second")
    assert events["r_one_user"][:2] == ("u_two", "acc_second")
    # A page without a name is "Loaded a Page"; a visitor never identified is in no account.
    assert events["r_page"] == ("u_two", "acc_second", "2026-03-25 14:00:00", "ses_2")
    assert project.query("select event_name from analytics.int_events where event_id = 'r_page'") == [
        ("loaded a page",)]
    assert _rejected(project) == {("events", "r_page_visitor", "no_account")}


def test_each_table_is_read_from_its_own_schema_deals_from_the_crms(tmp_path_factory):
    segment_tables = {table: "segment" for table in ("tracks", "pages", "identifies", "users", "groups")}
    project = _build(tmp_path_factory, "segment", segment_tables | {"deals": "salesforce"},
                     pql_source_schema="segment", pql_deals_schema="salesforce")
    assert project.query("select table_schema from information_schema.tables where table_name = 'deals'") == [
        ("salesforce",)]
    assert project.query("select deal_id, account_id from analytics.int_deals") == [("deal_1", "acc_first")]
    assert len(_events(project)) == 5
    # Without the deals' own schema the run stops at once, naming the table and the var.
    result = project.dbt("run", "--select", "stg_raw__deals", dbt_vars={
        "pql_event_source": "segment", "pql_source_schema": "segment", "pql_score_date": SCORE_DATE})
    assert not result.success
    assert "raw deals: no table" in str(result.exception) and "pql_deals_schema" in str(result.exception)


def test_snowplow_keeps_an_event_collected_twice_once_at_its_first_collection(tmp_path_factory):
    project = _build(tmp_path_factory, "snowplow")
    events = _events(project)
    assert events["sp_twice"] == ("u_one", "acc_first", "2026-03-25 10:00:00", "ses_1")
    assert project.query("select count(*) from analytics.int_events where event_id = 'sp_twice'") == [(1,)]
    # The browser's events before sign-in are the user's; the account is the user's one.
    assert events["sp_anonymous"][:2] == ("u_one", "acc_first")
    # A page view's page columns are its properties, which signals' property conditions read.
    assert project.query("select properties_text from analytics.int_events where event_id = 'sp_anonymous'") == [
        ('{"page_urlpath":"/pricing","page_url":"https://app.first.io/pricing","page_title":"Pricing"}',)]
    assert _rejected(project) == set()


SNOWPLOW_NEXT_DAY = "2026-03-27"  # re-reads from 03-24; finds copies among rows collected since 03-21
SNOWPLOW_READ_FROM = "2026-03-21 00:00:00"
SNOWPLOW_ROWS = """insert into raw.events values
    ('sp_collected_long_ago', 'event', 'pricing_page_viewed', '2026-03-10 10:00:00', '2026-03-10 10:00:01',
        'u_one', 'd_old', 'ses_0', null, null, null),
    ('sp_before_reread', 'event', 'pricing_page_viewed', '2026-03-23 12:00:00', '2026-03-23 12:00:01',
        'u_one', 'd_one', 'ses_3', null, null, null)"""
SNOWPLOW_NEXT_DAY_ROWS = """insert into raw.events values
    -- A copy of an event collected before the re-read days: it keeps the first copy's day.
    ('sp_before_reread', 'event', 'pricing_page_viewed', '2026-03-27 08:59:00', '2026-03-27 09:00:00',
        'u_one', 'd_one', 'ses_3', null, null, null),
    -- A device clock ahead of the collector: the event is not after its collection.
    ('sp_clock_ahead', 'event', 'page_viewed', '2026-03-27 23:00:00', '2026-03-27 10:00:00',
        'u_one', 'd_one', 'ses_4', null, null, null),
    -- A new browser's anonymous event, its user signing in on it the same day.
    ('sp_new_browser', 'page_view', null, '2026-03-27 11:00:00', '2026-03-27 11:00:01', null, 'd_new', 'ses_5',
        '/pricing', 'https://app.first.io/pricing', 'Pricing'),
    ('sp_new_sign_in', 'event', 'page_viewed', '2026-03-27 11:05:00', '2026-03-27 11:05:01', 'u_one', 'd_new',
        'ses_5', null, null, null)"""


def _guarded(column: str, kind: str) -> str:
    """The column, or for a row collected before the bound an error naming it."""
    return (f"case when collector_tstamp >= timestamp '{SNOWPLOW_READ_FROM}' then {column} "
            f"else cast(error('read a row collected before {SNOWPLOW_READ_FROM}') as {kind}) end as {column}")


# atomic.events as a view that fails any query reaching a row collected before the bound.
GUARDED_SNOWPLOW_EVENTS = f"""create view raw.events as
    select * replace ({_guarded("event_id", "varchar")}, {_guarded("derived_tstamp", "timestamp")},
        {_guarded("domain_userid", "varchar")})
    from raw.events_collected"""


def _daily_job(project: DbtProject, score_date: str, *flags: str) -> None:
    """The daily job, models and data tests; on two accounts the health tests warn, and may."""
    result = project.dbt("build", *flags, "--exclude-resource-type", "unit_test",
                         dbt_vars={"pql_event_source": "snowplow", "pql_score_date": score_date})
    assert failed_nodes(result) == []


def test_a_snowplow_daily_run_reads_days_of_atomic_events_not_its_history(tmp_path_factory):
    project = _build(tmp_path_factory, "snowplow")
    with duckdb.connect(str(project.database)) as con:
        con.execute(SNOWPLOW_ROWS)
    _daily_job(project, SCORE_DATE, "--full-refresh")
    with duckdb.connect(str(project.database)) as con:
        con.execute(SNOWPLOW_NEXT_DAY_ROWS)
        con.execute("alter table raw.events rename to events_collected")
        con.execute(GUARDED_SNOWPLOW_EVENTS)
    # The guard works: a full build, which reads every row, stops on it.
    full = project.dbt("run", "--full-refresh", "--select", "stg_snowplow__first_collections",
                       dbt_vars={"pql_event_source": "snowplow", "pql_score_date": SNOWPLOW_NEXT_DAY})
    assert not full.success and f"read a row collected before {SNOWPLOW_READ_FROM}" in " ".join(
        str(r.message) for r in full.result)
    # The daily job, models and data tests, reads only rows collected since the bound.
    _daily_job(project, SNOWPLOW_NEXT_DAY)
    compiled = (project.project_dir / "target/compiled/pql_scoring/models/staging/trackers/snowplow"
                / "stg_snowplow__first_collections.sql").read_text()
    assert f"collector_tstamp >= cast('{SNOWPLOW_READ_FROM}' as timestamp)" in compiled
    incremental = project.snapshot(["int_events_aggregated_daily", "int_user_activity_daily"])
    # The lookups hold the columns their docs describe (test_project_structure.py checks the rest).
    manifest = json.loads((project.project_dir / "target/manifest.json").read_text())
    for lookup in ("stg_snowplow__first_collections", "stg_snowplow__browser_users"):
        assert set(manifest["nodes"][f"model.pql_scoring.{lookup}"]["columns"]) == {row[0] for row in project.query(
            f"select column_name from information_schema.columns where table_name = '{lookup}'")}
    with duckdb.connect(str(project.database)) as con:
        con.execute("drop view raw.events")
        con.execute("alter table raw.events_collected rename to events")
    events = _events(project)
    assert events["sp_before_reread"] == ("u_one", "acc_first", "2026-03-23 12:00:00", "ses_3")
    assert events["sp_clock_ahead"][2] == "2026-03-27 10:00:00"
    assert events["sp_new_browser"][:2] == ("u_one", "acc_first")
    # What the daily run kept equals a full rebuild from every row: the late copy counts once.
    project.build_models("--full-refresh", pql_event_source="snowplow", pql_score_date=SNOWPLOW_NEXT_DAY)
    assert project.snapshot(["int_events_aggregated_daily", "int_user_activity_daily"]) == incremental


def test_amplitude_event_without_a_group_is_its_users_when_the_user_has_one_account(tmp_path_factory):
    project = _build(tmp_path_factory, "amplitude")
    events = _events(project)
    assert events["am_no_group"] == ("u_one", "acc_first", "2026-03-25 10:00:00", None)  # -1: no session
    assert events["am_one_name"][1] == "acc_second"
    assert "am_identify" not in events
    assert events["am_shared_anonymous"][:2] == (None, "acc_first")
    # Nobody's and in no group: rejected, not lost.
    assert _rejected(project) == {
        ("events", "am_two_accounts", "no_account"), ("events", "am_ad_metrics", "no_account")}


def test_posthog_event_without_groups_is_its_users_and_groupidentify_calls_merge_their_traits(tmp_path_factory):
    project = _build(tmp_path_factory, "posthog")
    events = _events(project)
    assert events["ph_no_groups"] == ("u_one", "acc_first", "2026-03-25 10:00:00", "ses_1")
    assert events["ph_anonymous"][:2] == ("u_one", "acc_first")
    assert events["ph_group_types"][:2] == ("u_two", "acc_second")
    assert project.query("select count(*) from analytics.int_events where event_id = 'ph_twice'") == [(1,)]
    assert not {"ph_identify", "ph_group_first", "ph_group_second", "ph_group_first_grew"} & set(events)
    assert sorted(project.query(
        "select account_id, domain, employee_count, industry, is_icp_match from analytics.int_accounts")) == [
        ("acc_first", "first.io", 150, "SaaS", True), ("acc_second", "second.io", 40, None, None)]
    # The accounts are as fresh as their newest group call, not their newest sign-up (03-01).
    assert _accounts_loaded_through(project) == "2026-03-20 09:00:00"
    assert _rejected(project) == set()


def test_mixpanel_keeps_the_events_mixpanel_keeps_and_one_of_each_copy(tmp_path_factory):
    project = _build(tmp_path_factory, "mixpanel")
    assert sorted(project.query(
        "select event_name, cast(event_at as varchar), user_id, account_id from analytics.int_events")) == [
        ("page_viewed", "2026-03-26 10:00:00", "u_one", "acc_first"),
        ("page_viewed", "2026-03-26 11:00:00", "u_two", "acc_second"),
        ("pricing_page_viewed", "2026-03-25 10:00:00", "u_one", "acc_first"),
        ("pricing_page_viewed", "2026-03-26 10:00:00", "u_one", "acc_first"),
    ]
    # The copy is found by Mixpanel's key: insert id, event name and distinct_id (with its time).
    assert project.query("select event_id, count(*) from analytics.int_event_copies group by 1") == [
        ("mp_copied|page_viewed|u_two", 2)]
    assert _rejected(project) == set()
