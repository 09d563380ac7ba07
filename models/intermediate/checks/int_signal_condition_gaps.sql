-- One row per property condition of pql_signal_events that the daily aggregates were
-- not rebuilt with on some day the longest allowed window reaches: the condition was
-- added after those days were aggregated, so its signal would miss their events.
-- int_input_problems stops the marts until those days are aggregated again.
with

conditions as (

    select
        signal_name,
        event_name,
        condition_key
    from {{ ref('stg_seeds__signal_events') }}
    where condition_key is not null

),

condition_days as (

    select * from {{ ref('int_signal_condition_days') }}
    where
        activity_date >= {{ pql_oldest_window_date() }}
        and activity_date <= {{ pql_score_date() }}

),

aggregated_days as (

    select activity_date from condition_days
    where condition_key is null

),

met_days as (

    select
        activity_date,
        condition_key
    from condition_days
    where condition_key is not null

),

final as (

    select
        conditions.signal_name,
        conditions.event_name,
        conditions.condition_key,
        min(aggregated_days.activity_date) as first_day_missed,
        max(aggregated_days.activity_date) as last_day_missed
    from conditions
    cross join aggregated_days
    left join met_days
        on
            conditions.condition_key = met_days.condition_key
            and aggregated_days.activity_date = met_days.activity_date
    where met_days.activity_date is null
    group by 1, 2, 3

)

select * from final
