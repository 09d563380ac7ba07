{{ config(materialized='view') }}

-- The dates this run scores, one row each: the score date (var pql_score_date) and,
-- when vars pql_backfill_start / pql_backfill_end are set, every date of that range.
-- Every scoring model is computed per score date from these rows, so a backfill of a
-- year is one set-based run, and each of its dates scores as a run for that date alone.
{%- set backfill = pql_backfill_range() %}
{%- set first_date = modules.datetime.datetime.strptime(pql_first_score_date_string(), '%Y-%m-%d') %}
{%- set last_backfill_date = modules.datetime.datetime.strptime(
    backfill[1] if backfill else pql_score_date_string(), '%Y-%m-%d'
) %}
{%- set range_days = (last_backfill_date - first_date).days + 1 %}
with

day_numbers as (

    {{ dbt.generate_series(range_days) }}

),

range_dates as (

    select
        cast(
            {{ dbt.dateadd('day', 'generated_number - 1', "cast('" ~ first_date.strftime('%Y-%m-%d') ~ "' as date)") }}
            as date
        ) as score_date
    from day_numbers

),

final as (

    select score_date from range_dates
    {%- if backfill and backfill[1] != pql_score_date_string() %}

    union all

    select {{ pql_score_date() }} as score_date
    {%- endif %}

)

select * from final
