-- Every raw event row, typed and identified, with the problem its name and time have
-- (null when none): the one model that reads the raw events table, or the tracker's
-- events (models/staging/trackers/<tracker>/) when var pql_event_source names one.
-- Its account - missing, or not a known account - is checked where it is looked up,
-- in int_events_account_checked; copies of an id in models/intermediate/quality too.
--
-- row_problem, first that applies:
--   no_event_name              event name null or blank
--   event_time_not_a_time      event time delivered as text that is not a time
--   no_event_time              event time null
--   event_time_before_2000     event time before 2000-01-01: a default or epoch-zero clock
--   event_time_in_future       event time after this run started: a device clock ahead
-- An event name that no signal reads is not a problem: it counts towards the '*'
-- signals (active days, active users, sessions). Properties that are not valid JSON
-- are read as empty: the event is kept, without a session id. loaded_at is when the
-- tracker loaded the row, where it says (pql_events_record_load_time), else null.
{%- set tracker_model = pql_tracker_model('events') %}
with

source as (

    {% if tracker_model %}
        -- A tracker's events, reshaped into these columns (var pql_event_source).
        select * from {{ ref(tracker_model) }}
    {% else %}
        select
            {{- pql_source_columns('events', [
                'event_id', 'user_id', 'account_id', 'event_name', 'event_time', 'properties'
            ]) }},
            {{ pql_json_text(pql_source_column('events', 'properties'), 'session_id') }} as session_id
        from {{ source('raw_events', 'events') }}
    {% endif %}

),

renamed as (

    select
        cast(event_id as {{ dbt.type_string() }}) as source_event_id,
        cast(user_id as {{ dbt.type_string() }}) as user_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        lower(trim(cast(event_name as {{ dbt.type_string() }}))) as event_name,
        {{ pql_safe_cast('event_time', dbt.type_timestamp()) }} as event_at,
        event_time is not null as has_delivered_event_time,
        cast(session_id as {{ dbt.type_string() }}) as session_id,
        cast({{ 'loaded_at' if pql_events_record_load_time() else 'null' }} as {{ dbt.type_timestamp() }}) as loaded_at,
        -- As text only: nothing downstream parses them.
        {{ pql_json_as_text('properties') }} as properties_text
    from source

),

final as (

    select
        -- Events without a pipeline id are identified by who did what when.
        coalesce(
            source_event_id,
            {{ dbt.hash(dbt.concat([
                "coalesce(user_id, '')", "'|'",
                "coalesce(account_id, '')", "'|'",
                "coalesce(event_name, '')", "'|'",
                "coalesce(cast(event_at as " ~ dbt.type_string() ~ "), '')"
            ])) }}
        ) as event_id,
        source_event_id,
        user_id,
        account_id,
        event_name,
        event_at,
        cast(event_at as date) as event_date,
        session_id,
        properties_text,
        loaded_at,
        case
            when event_name is null or event_name = '' then 'no_event_name'
            when event_at is null and has_delivered_event_time
                then 'event_time_not_a_time'
            when event_at is null then 'no_event_time'
            when event_at < {{ pql_earliest_event_timestamp() }}
                then 'event_time_before_2000'
            when event_at > {{ pql_run_started_timestamp() }} then 'event_time_in_future'
        end as row_problem
    from renamed

)

select * from final
