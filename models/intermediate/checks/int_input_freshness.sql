-- One row per input the scores depend on: how recent its newest row is, against the
-- run (or, for a past score date, the end of that date), and the hours after which
-- that counts as stale (vars pql_<table>_warn_after_hours / _error_after_hours).
-- `freshness` is fresh, warn or error; `problem` says why in words. An error stops
-- every mart (int_input_problems), so the marts keep yesterday's rows rather than sync
-- stale scores; pql_scores records these times. An empty table has no newest row and
-- is stale. Where the tracker records when it loaded each event, only events loaded
-- since the error threshold are read: an older one cannot be fresh.
{%- set events_searched_since = pql_freshness_reference_timestamp(
    hours_before=pql_hours_var('pql_events_error_after_hours') | int
) if pql_events_record_load_time() else none %}
with

events as (

    select event_at as loaded_at
    from (
        select * from {{ ref('stg_raw__events') }}
        {% if events_searched_since %}
            where {{ pql_events_since_condition(events_searched_since) }}
        {% endif %}
    ) as events_read

),

accounts as (

    select last_seen_at as loaded_at
    from {{ ref('stg_raw__accounts') }}

),

newest as (

    -- Only times that could be scored count: not after the reference, not before 2000.
    select
        'events' as source_table,
        max(loaded_at) as loaded_through,
        {{ pql_hours_var('pql_events_warn_after_hours') }} as warn_after_hours,
        {{ pql_hours_var('pql_events_error_after_hours') }} as error_after_hours
    from events
    where
        loaded_at <= {{ pql_freshness_reference_timestamp() }}
        and loaded_at >= {{ pql_earliest_event_timestamp() }}

    union all

    select
        'accounts' as source_table,
        max(loaded_at) as loaded_through,
        {{ pql_hours_var('pql_accounts_warn_after_hours') }} as warn_after_hours,
        {{ pql_hours_var('pql_accounts_error_after_hours') }} as error_after_hours
    from accounts
    where
        loaded_at <= {{ pql_freshness_reference_timestamp() }}
        and loaded_at >= {{ pql_earliest_event_timestamp() }}

),

stamped as (

    select
        *,
        {{ pql_freshness_reference_timestamp() }} as checked_against
    from newest

),

measured as (

    select
        source_table,
        loaded_through,
        checked_against,
        {{ dbt.datediff('loaded_through', 'checked_against', 'hour') }} as hours_behind,  -- noqa: LT05
        warn_after_hours,
        error_after_hours
    from stamped

),

judged as (

    select
        *,
        case
            when loaded_through is null or hours_behind > error_after_hours then 'error'
            when hours_behind > warn_after_hours then 'warn'
            else 'fresh'
        end as freshness
    from measured

),

final as (

    select
        source_table,
        loaded_through,
        checked_against,
        hours_behind,
        warn_after_hours,
        error_after_hours,
        freshness,
        case
            {% if events_searched_since -%}
            when loaded_through is null and source_table = 'events'
                then {{ dbt.concat([
                    "'raw events has no rows loaded between '",
                    'cast(' ~ events_searched_since ~ ' as ' ~ dbt.type_string() ~ ')', "' and '",
                    'cast(checked_against as ' ~ dbt.type_string() ~ ')',
                ]) }}
            {% endif -%}
            when loaded_through is null
                then {{ dbt.concat([
                    "'raw '", 'source_table', "' has no rows at or before '",
                    'cast(checked_against as ' ~ dbt.type_string() ~ ')',
                ]) }}
            when freshness != 'fresh'
                then {{ dbt.concat([
                    "'raw '", 'source_table', "' is stale: newest row at '",
                    'cast(loaded_through as ' ~ dbt.type_string() ~ ')', "', '",
                    'cast(hours_behind as ' ~ dbt.type_string() ~ ')', "' hours before '",
                    'cast(checked_against as ' ~ dbt.type_string() ~ ')', "' (allowed: '",
                    "cast(case when freshness = 'error' then error_after_hours else warn_after_hours end as "
                    ~ dbt.type_string() ~ ")", "')'",
                ]) }}
        end as problem
    from judged

)

select * from final
