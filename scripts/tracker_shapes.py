"""The native raw tables rewritten in a tracker's warehouse shape, so the project can be run
(and tested) on the tables each tracker lands: the same world, another layout.

    write_shape(con, "raw", "segment")  # raw.events, raw.users, raw.accounts -> raw.tracks, ...

Each shape keeps what the tracker cannot hold in the native tables (the CRM's `deals`,
and `users` / `accounts` where the tracker lands none), and puts in the quirks its
staging must undo: anonymous events identified later, copies of a call, calls
without a group.
"""

from __future__ import annotations

import duckdb

SHAPES = ["native", "segment", "rudderstack"]

# The native tables each shape replaces with its own (the others stay, as the app's or CRM's).
REPLACED_TABLES = {
    "native": [],
    "segment": ["events", "users", "accounts"],
    "rudderstack": ["events", "users", "accounts"],
}

# A stable id for native events without one: copies (same who, what, when) get the same.
_EVENT_KEY = "coalesce(event_id, 'gen_' || md5(concat_ws('|', user_id, account_id, event_name, event_time)))"
# About 1 event in 20 is made before its user was identified.
_IS_ANONYMOUS = "hash(coalesce(event_id, '') || user_id || cast(event_time as varchar)) % 20 = 0"


def write_shape(con: duckdb.DuckDBPyConnection, schema: str, shape: str) -> None:
    """Rewrite the native tables in `schema` into `shape`'s tables, in place."""
    if shape not in SHAPES:
        raise ValueError(f"unknown shape {shape!r}: one of {', '.join(SHAPES)}")
    if shape == "native":
        return
    for table in REPLACED_TABLES[shape]:
        con.execute(f"create or replace temporary table native_{table} as select * from {schema}.{table}")
        con.execute(f"drop table {schema}.{table}")
    {"segment": _segment_spec, "rudderstack": _segment_spec}[shape](con, schema)


def _segment_spec(con: duckdb.DuckDBPyConnection, schema: str) -> None:
    """tracks, identifies, users and groups (Segment's and RudderStack's layout)."""
    con.execute(f"""
        create table {schema}.tracks as
        select
            {_EVENT_KEY} as id,
            'anon_' || user_id as anonymous_id,
            case when not ({_IS_ANONYMOUS}) then user_id end as user_id,
            lower(trim(event_name)) as event,
            event_name as event_text,
            event_time as timestamp,
            event_time + interval 2 second as received_at,
            -- Half the calls name their group; the others take the user's latest group call.
            case when hash(coalesce(event_id, '') || cast(event_time as varchar)) % 2 = 0 then account_id end
                as context_group_id,
            json_extract_string(properties, '$.session_id') as context_session_id
        from native_events
    """)
    con.execute(f"""
        create table {schema}.identifies as
        select
            'idf_' || user_id as id, 'anon_' || user_id as anonymous_id, user_id,
            min(created_at) as timestamp
        from native_users
        group by user_id
    """)
    con.execute(f"""
        create table {schema}.users as
        select user_id as id, any_value(email) as email, any_value(job_title) as title,
            min(created_at) as created_at
        from native_users
        group by user_id
    """)
    # One group call per membership, with the account's traits; an account nobody joined
    # still has one call (made anonymously), so its traits land.
    con.execute(f"""
        create table {schema}.groups as
        with memberships as (
            select user_id, account_id, created_at as joined_at from native_users
            union all
            select null, account_id, created_at from native_accounts
            where account_id not in (select account_id from native_users where account_id is not null)
        )
        select
            'grp_' || coalesce(memberships.user_id, 'anonymous') || '_' || memberships.account_id as id,
            memberships.user_id,
            memberships.account_id as group_id,
            memberships.joined_at as timestamp,
            case when hash(memberships.account_id) % 2 = 0 then 'https://www.' || trim(accounts.domain)
                else trim(accounts.domain) end as website,
            accounts.employee_count as employees,
            accounts.industry,
            accounts.country,
            accounts.icp_match,
            accounts.created_at
        from memberships
        left join native_accounts as accounts on memberships.account_id = accounts.account_id
    """)
