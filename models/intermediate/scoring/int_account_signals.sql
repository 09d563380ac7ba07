-- One row per account, score date and signal the live rule set (and the shadow one,
-- if any) reads in its rules, their conditions, hot triggers and routing gates, valued
-- as of that date from what happened at or before it. Event signals come from one
-- pass over the daily activity: each activity row is matched to the signals its event
-- feeds (per-user days feed '*' signals, which take every event), kept for each score
-- date whose window for that signal holds it, then aggregated.
with

accounts as (

    select * from {{ ref('int_scored_accounts') }}

),

score_dates as (

    select * from {{ ref('int_score_dates') }}

),

daily_activity as (

    select * from {{ ref('int_events_aggregated_daily') }}

),

user_activity as (

    select * from {{ ref('int_user_activity_daily') }}

),

users as (

    select * from {{ ref('int_users_titled') }}

),

signals as (

    select * from {{ ref('pql_signals') }}

),

signal_events as (

    select
        signal_name,
        lower(trim(event_name)) as event_name
    from {{ ref('pql_signal_events') }}

),

value_lists as (

    select distinct
        list_name,
        lower(trim(list_value)) as list_value
    from {{ ref('pql_value_lists') }}

),

live_signal_names as (

    {{ pql_signals_read_by(pql_scored_models_condition('scoring_model')) }}

),

live_signals as (

    select signals.*
    from signals
    where signals.signal_name in (select live_signal_names.signal_name from live_signal_names)

),

event_signals as (

    select
        signal_name,
        measure,
        window_days
    from live_signals
    where measure in (
        'has_event', 'event_count', 'active_days', 'active_users', 'sessions',
        'days_since_last_event', 'days_from_signup_to_first_event'
    )

),

attribute_signals as (

    select
        signal_name,
        measure,
        attribute_name,
        value_list
    from live_signals
    where measure in ('attribute', 'attribute_in_list')

),

live_signal_events as (

    -- The events each scored signal is fed by ('*': every event). Only these flow on:
    -- most events feed no live signal.
    select
        signal_events.signal_name,
        signal_events.event_name
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

activity_by_signal as (

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
        and user_activity.activity_date <= {{ pql_score_date() }}
        and user_activity.activity_date >= {{ pql_oldest_window_date() }}
        and user_activity.activity_date >= (select window_start.first_day from window_start)

),

event_measures as (

    -- Each measure is counted only for the signals that use it: distinct days and
    -- users cost far more than a sum. Each day counts towards every score date whose
    -- window holds it.
    select
        score_dates.score_date,
        activity_by_signal.account_id,
        activity_by_signal.signal_name,
        sum(activity_by_signal.event_count) as event_count,
        count(distinct case
            when event_signals.measure = 'active_days' then activity_by_signal.activity_date
        end) as active_days,
        count(distinct case
            when event_signals.measure = 'active_users' then activity_by_signal.user_id
        end) as active_users,
        sum(activity_by_signal.session_count) as sessions,
        min(activity_by_signal.activity_date) as first_activity_date,
        max(activity_by_signal.activity_date) as last_activity_date
    from activity_by_signal
    inner join event_signals
        on activity_by_signal.signal_name = event_signals.signal_name
    -- A window of N days holds events from midnight of the score date minus N days.
    inner join score_dates
        on
            activity_by_signal.activity_date <= score_dates.score_date
            and {{ dbt.datediff('activity_by_signal.activity_date', 'score_dates.score_date', 'day') }}
            <= event_signals.window_days
    group by 1, 2, 3

),

event_signal_values as (

    select
        accounts.score_date,
        accounts.account_id,
        event_signals.signal_name,
        case event_signals.measure
            when 'has_event'
                then case when coalesce(event_measures.event_count, 0) > 0 then 1 else 0 end
            when 'event_count' then coalesce(event_measures.event_count, 0)
            when 'active_days' then coalesce(event_measures.active_days, 0)
            when 'active_users' then coalesce(event_measures.active_users, 0)
            when 'sessions' then coalesce(event_measures.sessions, 0)
            -- No event in the window: at least the window's length.
            when 'days_since_last_event'
                then coalesce(
                    {{ dbt.datediff('event_measures.last_activity_date', 'accounts.score_date', 'day') }},
                    event_signals.window_days
                )
            -- No event in the window, or no sign-up date: unknown.
            when 'days_from_signup_to_first_event'
                then {{ dbt.datediff('accounts.signup_date', 'event_measures.first_activity_date', 'day') }}
        end as signal_value,
        -- How old the newest evidence is, for rules whose points fade (null: no event).
        {{ dbt.datediff('event_measures.last_activity_date', 'accounts.score_date', 'day') }}
            as evidence_age_days
    from accounts
    cross join event_signals
    left join event_measures
        on
            accounts.score_date = event_measures.score_date
            and accounts.account_id = event_measures.account_id
            and event_signals.signal_name = event_measures.signal_name

),

account_users as (

    -- Users who had signed up by the score date (or whose sign-up time is unknown).
    select
        score_dates.score_date,
        users.account_id,
        count(*) as user_count,
        sum(case when users.is_economic_buyer then 1 else 0 end) as economic_buyer_count
    from users
    inner join score_dates
        on
            users.created_at is null
            or cast(users.created_at as date) <= score_dates.score_date
    group by 1, 2

),

attribute_signal_values as (

    select
        accounts.score_date,
        accounts.account_id,
        attribute_signals.signal_name,
        case
            when attribute_signals.measure = 'attribute_in_list'
                then case when value_lists.list_value is null then 0 else 1 end
            when attribute_signals.attribute_name = 'employee_count'
                then accounts.employee_count
            when attribute_signals.attribute_name = 'is_icp_match'
                then
                    case
                        when accounts.is_icp_match then 1
                        when not accounts.is_icp_match then 0
                    end
            when attribute_signals.attribute_name = 'user_count'
                then coalesce(account_users.user_count, 0)
            when attribute_signals.attribute_name = 'economic_buyer_count'
                then coalesce(account_users.economic_buyer_count, 0)
        end as signal_value
    from accounts
    cross join attribute_signals
    left join account_users
        on
            accounts.score_date = account_users.score_date
            and accounts.account_id = account_users.account_id
    left join value_lists
        on
            attribute_signals.measure = 'attribute_in_list'
            and attribute_signals.value_list = value_lists.list_name
            and value_lists.list_value = lower(
                case attribute_signals.attribute_name
                    when 'industry' then accounts.industry
                    when 'country' then accounts.country
                    when 'domain' then accounts.domain
                end
            )

),

final as (

    select
        score_date,
        account_id,
        signal_name,
        cast(signal_value as {{ dbt.type_bigint() }}) as signal_value,
        cast(evidence_age_days as {{ dbt.type_int() }}) as evidence_age_days
    from event_signal_values

    union all

    select
        score_date,
        account_id,
        signal_name,
        cast(signal_value as {{ dbt.type_bigint() }}) as signal_value,
        cast(null as {{ dbt.type_int() }}) as evidence_age_days
    from attribute_signal_values

)

select * from final
