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

# The native tables each shape replaces with its own (the others stay, as the app's or CRM's):
# the macro pql_tracker_tables says the same to dbt, and a test holds the two equal.
REPLACED_TABLES = {
    "native": [],
    "segment": ["events", "users", "accounts"],
    "rudderstack": ["events", "users", "accounts"],
    "snowplow": ["events"],
    "amplitude": ["events"],
    "mixpanel": ["events"],
    "posthog": ["events", "accounts"],
}
SHAPES = list(REPLACED_TABLES)

# The vars a run on each shape takes (beside pql_event_source): where the generated tables
# keep what the tracker has no fixed place for.
SHAPE_VARS = {
    "native": {},
    "segment": {},
    "rudderstack": {},
    "snowplow": {"pql_snowplow_account_context": "contexts_com_acme_account_1"},
    "amplitude": {},
    "mixpanel": {"pql_mixpanel_session_property": "session_id"},
    "posthog": {},
}

# The native events, with what each shape needs to know of a row.
_PREPARED_EVENTS = """
    create or replace temporary table prepared_events as
    with users_of_one_account as (
        select user_id, min(account_id) as account_id
        from native_users group by 1 having count(distinct account_id) = 1
    )
    select
        events.*,
        -- A stable id for events without one: copies (same who, what, when) get the same.
        coalesce(events.event_id, 'gen_' || md5(concat_ws(
            '|', events.user_id, events.account_id, events.event_name, events.event_time))) as event_key,
        -- About 1 event in 20 is made before its user was identified (never the user's last).
        hash(coalesce(events.event_id, '') || events.user_id || cast(events.event_time as varchar)) % 20 = 0
            and events.event_time < max(events.event_time) over (partition by events.user_id) as is_anonymous,
        -- About half the events carry their account; the others leave it to the user's,
        -- where that is the same account.
        hash(coalesce(events.event_id, '') || cast(events.event_time as varchar)) % 2 = 0
            or users_of_one_account.account_id is distinct from events.account_id as carries_account,
        -- The second and later copies of a row the pipeline delivered more than once.
        row_number() over (partition by events.event_id, events.user_id, events.account_id, events.event_name,
            events.event_time, events.properties) > 1 as is_later_copy,
        -- A page view, of the pricing page or another: each tracker's own page-view event,
        -- the page in a property, so only a property condition tells pricing views apart.
        case lower(trim(events.event_name)) when 'pricing_page_viewed' then 'pricing' when 'page_viewed' then 'app'
        end as page_slug,
        coalesce(try_cast(events.properties as json), json_object()) as properties_json
    from native_events as events
    left join users_of_one_account on events.user_id = users_of_one_account.user_id
"""


def write_shape(con: duckdb.DuckDBPyConnection, schema: str, shape: str) -> None:
    """Rewrite the native tables in `schema` into `shape`'s tables, in place."""
    if shape not in SHAPES:
        raise ValueError(f"unknown shape {shape!r}: one of {', '.join(SHAPES)}")
    if shape == "native":
        return
    for table in ("events", "users", "accounts"):
        con.execute(f"create or replace temporary table native_{table} as select * from {schema}.{table}")
    for table in REPLACED_TABLES[shape]:
        con.execute(f"drop table {schema}.{table}")
    con.execute(_PREPARED_EVENTS)
    writers = {"segment": _segment_spec, "rudderstack": _segment_spec, "snowplow": _snowplow,
               "amplitude": _amplitude, "mixpanel": _mixpanel, "posthog": _posthog}
    writers[shape](con, schema)


APP_URL = "https://app.example.com/"


def _segment_spec(con: duckdb.DuckDBPyConnection, schema: str) -> None:
    """tracks, pages, identifies, users and groups (Segment's and RudderStack's layout)."""
    calls = """
            event_key as id,
            'anon_' || user_id as anonymous_id,
            case when not is_anonymous then user_id end as user_id,
            event_time as timestamp,
            event_time + interval 2 second as received_at,
            -- Half the calls name their group; the others take the user's latest group call.
            case when carries_account then account_id end as context_group_id,
            json_extract_string(properties, '$.session_id') as context_session_id"""
    con.execute(f"""
        create or replace table {schema}.tracks as
        select {calls}, lower(trim(event_name)) as event, event_name as event_text
        from prepared_events
        where page_slug is null
    """)
    # Half the pricing pages are named by the app ("Viewed Pricing Page"); the others,
    # and every other page, are known by their path ("Loaded a Page").
    con.execute(f"""
        create or replace table {schema}.pages as
        select {calls},
            case when page_slug = 'pricing' and hash(event_key) % 2 = 0 then 'Pricing' end as name,
            '/' || page_slug as path, '{APP_URL}' || page_slug as url, page_slug || ' | Example' as title
        from prepared_events
        where page_slug is not null
    """)
    con.execute(f"""
        create or replace table {schema}.identifies as
        select
            'idf_' || user_id as id, 'anon_' || user_id as anonymous_id, user_id,
            min(created_at) as timestamp
        from native_users
        group by user_id
    """)
    con.execute(f"""
        create or replace table {schema}.users as
        select user_id as id, any_value(email) as email, any_value(job_title) as title,
            min(created_at) as created_at
        from native_users
        group by user_id
    """)
    # One group call per membership, with the account's traits; an account nobody joined
    # still has one call (made anonymously), so its traits land.
    con.execute(f"""
        create or replace table {schema}.groups as
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


def _snowplow(con: duckdb.DuckDBPyConnection, schema: str) -> None:
    """atomic.events, the account in a custom context; a copy is collected five minutes later."""
    con.execute(f"""
        create or replace table {schema}.events as
        select
            event_key as event_id,
            -- Half the events are structured events, named by their action.
            case when page_slug is not null then 'page_view'
                when event_name is not null and hash(event_name) % 2 = 0 then 'event'
                else lower(trim(event_name)) end as event_name,
            case when hash(event_name) % 2 = 0 and page_slug is null then lower(trim(event_name)) end as se_action,
            '/' || page_slug as page_urlpath,
            '{APP_URL}' || page_slug as page_url,
            page_slug as page_title,
            event_time + case when is_later_copy then interval 5 minute else interval 0 minute end
                as derived_tstamp,
            event_time + interval 1 second
                + case when is_later_copy then interval 5 minute else interval 0 minute end as collector_tstamp,
            case when not is_anonymous then user_id end as user_id,
            'd_' || user_id as domain_userid,
            json_extract_string(properties, '$.session_id') as domain_sessionid,
            case when carries_account then json_array(json_object('account_id', account_id)) end
                as contexts_com_acme_account_1
        from prepared_events
    """)


def _amplitude(con: duckdb.DuckDBPyConnection, schema: str) -> None:
    """The event export: groups as lists; some events have none; identity events beside."""
    con.execute(f"""
        create or replace table {schema}.events as
        select
            event_key as uuid,
            case when page_slug is not null then '[Amplitude] Page Viewed' else lower(trim(event_name)) end
                as event_type,
            event_time,
            case when not is_anonymous then user_id end as user_id,
            'dev_' || user_id as device_id,
            case when json_extract_string(properties, '$.session_id') is null then -1
                else cast(hash(json_extract_string(properties, '$.session_id')) % 1000000000000 as bigint)
            end as session_id,
            case when carries_account then json_object('company', json_array(account_id))
                else json_object() end as groups,
            case when page_slug is not null
                then json_merge_patch(properties_json, json_object(
                    '[Amplitude] Page Path', '/' || page_slug, '[Amplitude] Page URL', '{APP_URL}' || page_slug))
                else properties end as event_properties
        from prepared_events
        union all
        select 'idf_' || user_id, '$identify', min(created_at), user_id, 'dev_' || user_id, -1,
            json_object(), json_object()
        from native_users
        where user_id is not null
        group by user_id
    """)


def _mixpanel(con: duckdb.DuckDBPyConnection, schema: str) -> None:
    """mp_master_event: the account, the user and the device in the properties."""
    con.execute(f"""
        create or replace table {schema}.mp_master_event as
        select
            -- About 1 event in 25 reuses the insert id of its user's event before, at another
            -- time: clients do, and Mixpanel keeps both (its key adds name, distinct_id, time).
            case
                when hash(event_key) % 25 = 0
                    and lag(event_time) over by_user != event_time
                    then lag(event_key) over by_user
                else event_key
            end as insert_id,
            case when page_slug is not null then '$mp_web_page_view' else lower(trim(event_name)) end as event_name,
            event_time as time,
            case when is_anonymous then '$device:dev_' || user_id else user_id end as distinct_id,
            json_merge_patch(
                coalesce(try_cast(properties as json), json_object()),
                json_object(
                    'account_id', case when carries_account then account_id end,
                    '$device_id', 'dev_' || user_id,
                    '$user_id', case when not is_anonymous then user_id end,
                    '$current_url', '{APP_URL}' || page_slug || '?ref=nav'
                )
            ) as properties
        from prepared_events
        window by_user as (partition by user_id order by event_time, event_key)
    """)


def _posthog(con: duckdb.DuckDBPyConnection, schema: str) -> None:
    """events: $groups on some, anonymous ids tied by $identify, account traits by $groupidentify."""
    con.execute(f"""
        create or replace table {schema}.events as
        select
            event_key as uuid,
            case when page_slug is not null then '$pageview' else lower(trim(event_name)) end as event,
            event_time as timestamp,
            case when is_anonymous then 'anon_' || user_id else user_id end as distinct_id,
            json_merge_patch(
                coalesce(try_cast(properties as json), json_object()),
                json_object(
                    '$session_id', json_extract_string(properties, '$.session_id'),
                    '$groups', case when carries_account then json_object('company', account_id) end,
                    '$pathname', '/' || page_slug,
                    '$current_url', '{APP_URL}' || page_slug
                )
            ) as properties
        from prepared_events
        union all
        select 'idf_' || user_id, '$identify', min(created_at), user_id,
            json_object('$anon_distinct_id', 'anon_' || user_id)
        from native_users
        where user_id is not null
        group by user_id
        union all
        select 'gid_' || account_id, '$groupidentify', created_at, 'system',
            json_object(
                '$group_type', 'company', '$group_key', account_id,
                '$group_set', json_object(
                    'website', 'https://' || trim(domain), 'employees', employee_count, 'industry', industry,
                    'country', country, 'icp_match', icp_match, 'created_at', created_at))
        from native_accounts
    """)
