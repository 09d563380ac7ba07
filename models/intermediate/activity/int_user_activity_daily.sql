-- One row per account, user and day the user did anything, with the events and the
-- sessions the user started that day. Signals fed by every event ('*': active days,
-- active users, sessions, all events) read this, which is several times smaller
-- than the per-event-name aggregate.
--
-- A session is a run of one user's events - with the same session id, when events
-- carry one - with no gap over 30 minutes. Counted without ordering every event:
-- events fall into half-hour buckets (per user and session id), and two events in
-- one bucket are never more than 30 minutes apart, so a session can only start at
-- the first event of a bucket, when the user's previous bucket ended more than 30
-- minutes before it. A gap is exact to the second; only buckets are ordered.
--
-- Incremental like int_events_aggregated_daily: a run replaces the days it re-reads.
-- One day more is read, not written, so the first re-read day knows each user's
-- previous event.
{{ config(**pql_replaced_days_config('activity_date', ['account_id'])) }}
{%- set seconds_since_earliest = dbt.datediff(pql_earliest_event_timestamp(), 'event_at', 'second') %}

with

events as (

    select * from {{ ref('int_events') }}
    {% if is_incremental() %}
        where {{ pql_reread_events_condition(extra_days=1) }}
    {% endif %}

),

buckets as (

    select
        account_id,
        user_id,
        coalesce(session_id, '') as session_key,
        -- Half-hours since the earliest event time (a UTC midnight), so a bucket never spans two days.
        floor({{ seconds_since_earliest }} / 1800.0) as bucket_number,
        min(event_at) as first_event_at,
        max(event_at) as last_event_at,
        count(*) as event_count
    from events
    group by 1, 2, 3, 4

),

ordered_buckets as (

    select
        *,
        lag(last_event_at) over (
            partition by account_id, user_id, session_key
            order by bucket_number
        ) as previous_event_at
    from buckets

),

final as (

    -- A bucket lies within one day (half-hours divide a day), the day of its first event.
    select
        account_id,
        user_id,
        cast(first_event_at as date) as activity_date,
        sum(event_count) as event_count,
        sum(case
            when
                previous_event_at is null
                or {{ dbt.datediff('previous_event_at', 'first_event_at', 'second') }} > 30 * 60  -- noqa: LT05
                then 1
            else 0
        end) as session_count
    from ordered_buckets
    {% if is_incremental() %}
        where first_event_at >= {{ pql_incremental_start_timestamp() }}
    {% endif %}
    group by 1, 2, 3

)

select * from final
