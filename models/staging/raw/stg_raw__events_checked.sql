-- Every raw event row, typed, with the reason it cannot be scored (null when it can).
-- Nothing is dropped here: stg_raw__events keeps the rows without a reason and
-- pql_rejected_rows lists the rest, so each raw row is accounted for exactly once
-- (tests/staging/raw_events_are_all_accounted_for.sql).
--
-- Reasons, first that applies:
--   no_account                 account_id null or blank
--   unknown_account            account_id not in the accounts kept by stg_raw__accounts
--   no_event_name              event name null or blank
--   no_event_time              event time null
--   event_time_before_2000     event time before 2000-01-01: a default or epoch-zero clock
--   event_time_in_future       event time after this run started: a device clock ahead
--   conflicting_duplicate_id   another row has the same event id and time but different
--                              contents (account, user, name or properties); the first
--                              by those contents is kept, the others land here
-- An event name that no signal reads is not a problem: it counts towards the '*'
-- signals (active days, active users, sessions). Properties that are not valid JSON
-- are read as empty: the event is kept, without a session id.
with

source as (

    select * from {{ source('raw', 'events') }}

),

accounts as (

    select * from {{ ref('stg_raw__accounts') }}

),

renamed as (

    select
        cast(event_id as {{ dbt.type_string() }}) as source_event_id,
        cast(user_id as {{ dbt.type_string() }}) as user_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        lower(trim(cast(event_name as {{ dbt.type_string() }}))) as event_name,
        cast(event_time as {{ dbt.type_timestamp() }}) as event_at,
        {{ pql_json_text('properties', 'session_id') }} as session_id,
        -- As text only: nothing downstream parses them, and windows carry every column.
        {{ pql_json_as_text('properties') }} as properties_text
    from source

),

keyed as (

    select
        renamed.*,
        -- Events without a pipeline id are identified by who did what when.
        coalesce(
            renamed.source_event_id,
            {{ dbt.hash(dbt.concat([
                "coalesce(renamed.user_id, '')", "'|'",
                "coalesce(renamed.account_id, '')", "'|'",
                "coalesce(renamed.event_name, '')", "'|'",
                "coalesce(cast(renamed.event_at as " ~ dbt.type_string() ~ "), '')"
            ])) }}
        ) as event_id,
        case
            when renamed.account_id is null or trim(renamed.account_id) = '' then 'no_account'
            when accounts.account_id is null then 'unknown_account'
            when renamed.event_name is null or renamed.event_name = '' then 'no_event_name'
            when renamed.event_at is null then 'no_event_time'
            when renamed.event_at < cast('2000-01-01 00:00:00' as {{ dbt.type_timestamp() }})
                then 'event_time_before_2000'
            when renamed.event_at > {{ pql_run_started_timestamp() }} then 'event_time_in_future'
        end as row_problem
    from renamed
    left join accounts
        on renamed.account_id = accounts.account_id

),

counted as (

    -- Copies share an id and a time; time is in the partition so that a filter on
    -- event_at reaches the raw table. Counting is cheap, so only the rare ids with
    -- copies are ranked below.
    select
        *,
        count(*) over (
            partition by event_id, event_at, case when row_problem is null then 1 else 0 end
        ) as copies
    from keyed

),

ranked as (

    -- Among the sound rows with one id and time, contents other than the first's
    -- conflict. Exact copies share a rank and collapse in stg_raw__events.
    select
        *,
        1 as contents_rank
    from counted
    where copies = 1

    union all

    select
        *,
        dense_rank() over (
            partition by event_id, event_at, case when row_problem is null then 1 else 0 end
            order by
                coalesce(account_id, ''),
                coalesce(user_id, ''),
                coalesce(event_name, ''),
                coalesce(properties_text, '')
        ) as contents_rank
    from counted
    where copies > 1

),

final as (

    select
        event_id,
        source_event_id,
        user_id,
        account_id,
        event_name,
        event_at,
        cast(event_at as date) as event_date,
        session_id,
        properties_text,
        coalesce(
            row_problem,
            case when contents_rank > 1 then 'conflicting_duplicate_id' end
        ) as rejection_reason
    from ranked

)

select * from final
