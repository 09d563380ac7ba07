-- Every raw event row, typed and identified, with the problem it has on its own
-- (null when none): the one model that reads the raw events table.
-- stg_raw__event_copies finds the ids delivered more than once, and
-- stg_raw__events_checked tells those copies apart.
--
-- Problems, first that applies:
--   no_account                 account_id null or blank
--   unknown_account            account_id not in the accounts kept by stg_raw__accounts
--   no_event_name              event name null or blank
--   event_time_not_a_time      event time delivered as text that is not a time
--   no_event_time              event time null
--   event_time_before_2000     event time before 2000-01-01: a default or epoch-zero clock
--   event_time_in_future       event time after this run started: a device clock ahead
-- An event name that no signal reads is not a problem: it counts towards the '*'
-- signals (active days, active users, sessions). Properties that are not valid JSON
-- are read as empty: the event is kept, without a session id.
--
-- Under `dbt build` everything scored waits for the freshness test
-- (tests/staging/inputs_are_fresh.sql): stale or empty inputs skip the whole chain.
-- depends_on: {{ ref('stg_raw__input_freshness') }}
with

source as (

    select
        {{- pql_source_columns('events', [
            'event_id', 'user_id', 'account_id', 'event_name', 'event_time', 'properties'
        ]) }}
    from {{ source('raw', 'events') }}

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
        {{ pql_safe_cast('event_time', dbt.type_timestamp()) }} as event_at,
        event_time is not null as has_delivered_event_time,
        {{ pql_json_text('properties', 'session_id') }} as session_id,
        -- As text only: nothing downstream parses them.
        {{ pql_json_as_text('properties') }} as properties_text
    from source

),

final as (

    select
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
        renamed.source_event_id,
        renamed.user_id,
        renamed.account_id,
        renamed.event_name,
        renamed.event_at,
        cast(renamed.event_at as date) as event_date,
        renamed.session_id,
        renamed.properties_text,
        case
            when renamed.account_id is null or trim(renamed.account_id) = '' then 'no_account'
            when accounts.account_id is null then 'unknown_account'
            when renamed.event_name is null or renamed.event_name = '' then 'no_event_name'
            when renamed.event_at is null and renamed.has_delivered_event_time
                then 'event_time_not_a_time'
            when renamed.event_at is null then 'no_event_time'
            when renamed.event_at < cast('2000-01-01 00:00:00' as {{ dbt.type_timestamp() }})
                then 'event_time_before_2000'
            when renamed.event_at > {{ pql_run_started_timestamp() }} then 'event_time_in_future'
        end as row_problem
    from renamed
    left join accounts
        on renamed.account_id = accounts.account_id

)

select * from final
