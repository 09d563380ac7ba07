-- Events rolled up to one row per account, user, day and event name: everything
-- the scoring reads about named events is counted from here, never from raw events
-- again.
--
-- Incremental: a run re-reads only the score date and the lookback days before it
-- (var pql_incremental_lookback_days), and replaces those days whole, so events that
-- arrive late within the lookback are counted. The cut-off is a literal timestamp on
-- event_at, so the filter reaches the raw events table and skips older days.
{{ config(**pql_replaced_days_config('activity_date', ['account_id'])) }}

with

events as (

    select * from {{ ref('int_events') }}
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
        count(*) as event_count
    from events
    group by 1, 2, 3, 4

)

select * from final
