-- Warns when the daily aggregate skips days: usually a missed event load, or daily
-- runs skipped for longer than var pql_incremental_lookback_days (re-run the missed
-- dates with a larger lookback, or --full-refresh).
{{ config(severity='warn') }}

with

activity_days as (

    select distinct activity_date
    from {{ ref('int_events_aggregated_daily') }}

),

consecutive as (

    select
        activity_date,
        lag(activity_date) over (order by activity_date) as previous_activity_date
    from activity_days

),

gaps as (

    select
        previous_activity_date as last_day_before_gap,
        activity_date as first_day_after_gap,
        {{ dbt.datediff('previous_activity_date', 'activity_date', 'day') }} - 1 as missing_days  -- noqa: LT05
    from consecutive

)

select * from gaps
where missing_days > 0
