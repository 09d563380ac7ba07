-- One row per account, score date and event signal the scored rule sets read (the
-- live one, and the shadow one if any), valued as of that date from what happened at
-- or before it: the activity rows that feed each signal (int_signal_activity), kept
-- for each score date whose window for that signal holds them, then measured.
-- A view: int_account_signals writes it out.
{{ config(materialized='view') }}

with

accounts as (

    select * from {{ ref('int_scored_accounts') }}

),

score_dates as (

    select * from {{ ref('int_score_dates') }}

),

activity_by_signal as (

    select * from {{ ref('int_signal_activity') }}

),

event_signals as (

    select
        signal_name,
        measure,
        window_days
    from {{ ref('int_scored_signals') }}
    where signal_kind = 'event'

),

activity_in_window as (

    -- Each day counts towards every score date whose window holds it. A window of N
    -- days holds events from midnight of the score date minus N days.
    select
        score_dates.score_date,
        activity_by_signal.account_id,
        activity_by_signal.signal_name,
        activity_by_signal.activity_date,
        activity_by_signal.event_count,
        activity_by_signal.session_count,
        -- What a distinct measure counts: days for active days, users for active users.
        case event_signals.measure
            when 'active_days' then cast(activity_by_signal.activity_date as {{ dbt.type_string() }})
            when 'active_users' then activity_by_signal.user_id
        end as counted_key
    from activity_by_signal
    inner join event_signals
        on activity_by_signal.signal_name = event_signals.signal_name
    inner join score_dates
        on
            activity_by_signal.activity_date <= score_dates.score_date
            and {{ dbt.datediff('activity_by_signal.activity_date', 'score_dates.score_date', 'day') }}
            <= event_signals.window_days

),

activity_by_key as (

    -- One row per distinct day or user first: counting rows after is far cheaper
    -- than a distinct count beside the sums.
    select
        score_date,
        account_id,
        signal_name,
        counted_key,
        sum(event_count) as event_count,
        sum(session_count) as sessions,
        min(activity_date) as first_activity_date,
        max(activity_date) as last_activity_date
    from activity_in_window
    group by 1, 2, 3, 4

),

event_measures as (

    select
        score_date,
        account_id,
        signal_name,
        sum(event_count) as event_count,
        count(counted_key) as distinct_count,
        sum(sessions) as sessions,
        min(first_activity_date) as first_activity_date,
        max(last_activity_date) as last_activity_date
    from activity_by_key
    group by 1, 2, 3

),

signal_values as (

    select
        accounts.score_date,
        accounts.account_id,
        event_signals.signal_name,
        case event_signals.measure
            when 'has_event'
                then case when coalesce(event_measures.event_count, 0) > 0 then 1 else 0 end
            when 'event_count' then coalesce(event_measures.event_count, 0)
            when 'active_days' then coalesce(event_measures.distinct_count, 0)
            when 'active_users' then coalesce(event_measures.distinct_count, 0)
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

final as (

    select
        score_date,
        account_id,
        signal_name,
        cast(signal_value as {{ dbt.type_bigint() }}) as signal_value,
        cast(evidence_age_days as {{ dbt.type_int() }}) as evidence_age_days
    from signal_values

)

select * from final
