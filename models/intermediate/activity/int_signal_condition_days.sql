-- One row per day the daily aggregates (int_events_aggregated_daily) were last
-- rebuilt for, with condition_key null, and one per day and property condition of
-- pql_signal_events they were rebuilt with: a condition added to the seed is met only
-- on the days read since, and int_signal_condition_gaps finds the days it missed.
-- Incremental like the aggregates: a run replaces the days it re-read.
{{ config(**pql_replaced_days_config('activity_date', [])) }}

with

aggregated_days as (

    select distinct activity_date
    from {{ ref('int_events_aggregated_daily') }}
    {% if is_incremental() %}
        where activity_date >= {{ pql_incremental_start_date() }}
    {% endif %}

),

conditions as (

    select distinct condition_key
    from {{ ref('stg_seeds__signal_events') }}
    where condition_key is not null

),

final as (

    select
        activity_date,
        cast(null as {{ dbt.type_string() }}) as condition_key
    from aggregated_days

    union all

    select
        aggregated_days.activity_date,
        conditions.condition_key
    from aggregated_days
    cross join conditions

)

select * from final
