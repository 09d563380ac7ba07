-- One row per live signal and activity row that feeds it: each row of the daily
-- activity matched to the event signals the scored rule sets read whose event it is
-- ('*' signals take every event: per-user days for active users, per-account days,
-- fewer, for the rest), back as far as the longest live window reaches from the
-- earliest score date. int_event_signals measures these rows per score date. A view:
-- int_account_signals writes it out.
{{ config(materialized='view') }}

with

score_dates as (

    select * from {{ ref('int_score_dates') }}

),

daily_activity as (

    select * from {{ ref('int_events_aggregated_daily') }}

),

user_activity as (

    select * from {{ ref('int_user_activity_daily') }}

),

account_activity as (

    select * from {{ ref('int_account_activity_daily') }}

),

signal_events as (

    select
        signal_name,
        lower(trim(event_name)) as event_name
    from {{ ref('pql_signal_events') }}

),

event_signals as (

    select
        signal_name,
        measure,
        window_days
    from {{ ref('int_scored_signals') }}
    where signal_kind = 'event'

),

live_signal_events as (

    -- The events each scored signal is fed by ('*': every event). Only these flow on:
    -- most events feed no live signal.
    select
        signal_events.signal_name,
        signal_events.event_name,
        event_signals.measure
    from signal_events
    inner join event_signals
        on signal_events.signal_name = event_signals.signal_name

),

window_start as (

    -- The longest live window back from the earliest score date. Days after the score
    -- date may be in the aggregates already (a run for a past date). The literal bound
    -- on var pql_max_window_days below lets a warehouse prune the aggregates'
    -- partitions; this one is tighter.
    select
        cast({{ dbt.dateadd(
            'day', '-1 * max(event_signals.window_days)', '(select min(score_date) from score_dates)'
        ) }} as date) as first_day
    from event_signals

),

final as (

    select
        live_signal_events.signal_name,
        daily_activity.account_id,
        daily_activity.user_id,
        daily_activity.activity_date,
        daily_activity.event_count,
        -- Sessions are counted over every event: only '*' signals have them (a seed check).
        0 as session_count
    from daily_activity
    inner join live_signal_events
        on daily_activity.event_name = live_signal_events.event_name
    where
        live_signal_events.event_name != '*'
        and daily_activity.activity_date <= {{ pql_score_date() }}
        and daily_activity.activity_date >= {{ pql_oldest_window_date() }}
        and daily_activity.activity_date >= (select window_start.first_day from window_start)

    union all

    select
        live_signal_events.signal_name,
        user_activity.account_id,
        user_activity.user_id,
        user_activity.activity_date,
        user_activity.event_count,
        user_activity.session_count
    from user_activity
    cross join live_signal_events
    where
        live_signal_events.event_name = '*'
        and live_signal_events.measure = 'active_users'
        and user_activity.activity_date <= {{ pql_score_date() }}
        and user_activity.activity_date >= {{ pql_oldest_window_date() }}
        and user_activity.activity_date >= (select window_start.first_day from window_start)

    union all

    select
        live_signal_events.signal_name,
        account_activity.account_id,
        cast(null as {{ dbt.type_string() }}) as user_id,
        account_activity.activity_date,
        account_activity.event_count,
        account_activity.session_count
    from account_activity
    cross join live_signal_events
    where
        live_signal_events.event_name = '*'
        and live_signal_events.measure != 'active_users'
        and account_activity.activity_date <= {{ pql_score_date() }}
        and account_activity.activity_date >= {{ pql_oldest_window_date() }}
        and account_activity.activity_date >= (select window_start.first_day from window_start)

)

select * from final
