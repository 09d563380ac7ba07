-- Events rolled up to one row per account, user, day and event name: everything
-- the scoring reads is counted from here, never from raw events again. Beside the
-- count, how many of those events started a session: a session is a run of one
-- user's events with no gap over 30 minutes, or, when events carry a session id,
-- a run with the same id.
--
-- Incremental: a run re-reads only the score date and the lookback days before it
-- (var pql_incremental_lookback_days), and replaces those days whole, so events that
-- arrive late within the lookback are counted. The cut-off is a literal timestamp on
-- event_at, so the filter reaches the raw events table and skips older days. One day
-- more is read so the first re-read day knows each user's previous event.
{{ config(**pql_replaced_days_config('activity_date', ['account_id'])) }}

with

events as (

    select * from {{ ref('stg_raw__events') }}
    {% if is_incremental() %}
        where event_at >= {{ pql_incremental_start_timestamp(extra_days=1) }}
    {% endif %}

),

sequenced as (

    select
        account_id,
        user_id,
        event_date,
        event_name,
        event_at,
        session_id,
        lag(event_at) over (
            partition by account_id, user_id
            order by event_at, event_name
        ) as previous_event_at,
        lag(session_id) over (
            partition by account_id, user_id
            order by event_at, event_name
        ) as previous_session_id
    from events

),

flagged as (

    select
        *,
        case
            when previous_event_at is null then 1
            when session_id is not null and previous_session_id is not null
                then case when session_id = previous_session_id then 0 else 1 end
            when {{ dbt.datediff('previous_event_at', 'event_at', 'second') }} > 30 * 60 then 1  -- noqa: LT05
            else 0
        end as starts_session
    from sequenced
    {% if is_incremental() %}
        where event_at >= {{ pql_incremental_start_timestamp() }}
    {% endif %}

),

final as (

    select
        account_id,
        user_id,
        event_date as activity_date,
        event_name,
        count(*) as event_count,
        sum(starts_session) as session_starts
    from flagged
    group by 1, 2, 3, 4

)

select * from final
