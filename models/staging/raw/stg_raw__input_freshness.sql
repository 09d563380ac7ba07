-- One row per input the scores depend on: how recent its newest row is, against the
-- run (or, for a past score date, the end of that date), and the hours after which
-- that counts as stale (vars pql_<table>_warn_after_hours / _error_after_hours).
-- tests/staging/inputs_are_fresh.sql fails the build on an error, so the marts keep
-- yesterday's rows rather than sync stale scores; pql_scores records these times.
-- An empty table has no newest row and is stale.
with

events as (

    select cast(event_time as {{ dbt.type_timestamp() }}) as loaded_at
    from {{ source('raw', 'events') }}

),

accounts as (

    select cast(created_at as {{ dbt.type_timestamp() }}) as loaded_at
    from {{ source('raw', 'accounts') }}

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
        and loaded_at >= cast('2000-01-01 00:00:00' as {{ dbt.type_timestamp() }})

    union all

    select
        'accounts' as source_table,
        max(loaded_at) as loaded_through,
        {{ pql_hours_var('pql_accounts_warn_after_hours') }} as warn_after_hours,
        {{ pql_hours_var('pql_accounts_error_after_hours') }} as error_after_hours
    from accounts
    where
        loaded_at <= {{ pql_freshness_reference_timestamp() }}
        and loaded_at >= cast('2000-01-01 00:00:00' as {{ dbt.type_timestamp() }})

),

stamped as (

    select
        *,
        {{ pql_freshness_reference_timestamp() }} as checked_against
    from newest

),

final as (

    select
        source_table,
        loaded_through,
        checked_against,
        {{ dbt.datediff('loaded_through', 'checked_against', 'hour') }} as hours_behind,  -- noqa: LT05
        warn_after_hours,
        error_after_hours
    from stamped

)

select * from final
