-- One row per account, user and day the user did anything: the daily aggregate
-- without event names, with the sessions the user started that day. Signals fed by
-- every event ('*': active days, active users, sessions, all events) read this,
-- which is several times smaller than the aggregate.
-- Incremental like the aggregate it reads: a run replaces the days it re-reads.
{{ config(**pql_replaced_days_config('activity_date', ['account_id'])) }}

with

daily_activity as (

    select * from {{ ref('int_events_aggregated_daily') }}
    {% if is_incremental() %}
        where activity_date >= {{ pql_incremental_start_date() }}
    {% endif %}

),

final as (

    select
        account_id,
        user_id,
        activity_date,
        sum(event_count) as event_count,
        sum(session_starts) as session_count
    from daily_activity
    group by 1, 2, 3

)

select * from final
