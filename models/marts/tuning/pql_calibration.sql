-- How well scores predicted conversions: per calibration cohort date and 10-point
-- score band, how many accounts converted (opened a deal, or a rep counted them
-- converted), won a deal (closed) and were turned down by a rep (rejected) within var
-- pql_calibration_horizon_days - int_cohort_outcomes says which, without leakage.
-- Per band: conversion, close and rejection rates and the lift over the cohort's base
-- rate. Per cohort: the PQL rate (share of accounts at PQL or above, healthy at
-- 5-15%) and the PQL close rate against the overall one (the 3x rule). Every rate
-- carries its 95% Wilson interval (<rate>_low, <rate>_high).
{{ config(pre_hook="{{ pql_inputs_gate_check(built_by_this_run=false) }}") }}
with

inputs_gate as (

    select * from {{ ref('int_inputs_gate') }}

),

outcomes as (

    select * from {{ ref('int_cohort_outcomes') }}

),

cohorts as (

    select
        cohort_date,
        count(*) as cohort_accounts,
        sum(converted) as cohort_conversions,
        sum(closed) as cohort_closes,
        sum(case when is_pql then 1 else 0 end) as pql_accounts,
        sum(case when is_pql then closed else 0 end) as pql_closes
    from outcomes
    group by 1

),

bands as (

    select
        cohort_date,
        band_floor,
        count(*) as band_accounts,
        sum(converted) as conversions,
        sum(closed) as closes,
        sum(rejected) as rejections
    from outcomes
    group by 1, 2

),

final as (

    select
        bands.cohort_date,
        {{ dbt.concat([
            'cast(bands.band_floor as ' ~ dbt.type_string() ~ ')',
            "'-'",
            'cast(case when bands.band_floor = 90 then 100 else bands.band_floor + 9 end as '
            ~ dbt.type_string() ~ ')',
        ]) }} as score_band,
        cast(bands.band_floor as {{ dbt.type_int() }}) as band_floor,
        cast(bands.band_accounts as {{ dbt.type_int() }}) as band_accounts,
        cast(bands.conversions as {{ dbt.type_int() }}) as conversions,
        {{ pql_rate_with_interval('bands.conversions', 'bands.band_accounts', 'conversion_rate') }},
        cast(bands.closes as {{ dbt.type_int() }}) as closes,
        {{ pql_rate_with_interval('bands.closes', 'bands.band_accounts', 'close_rate') }},
        cast(bands.rejections as {{ dbt.type_int() }}) as rejections,
        {{ pql_rate_with_interval('bands.rejections', 'bands.band_accounts', 'rejection_rate') }},
        {{ pql_rate_with_interval('cohorts.cohort_conversions', 'cohorts.cohort_accounts', 'base_rate') }},
        cast(
            (bands.conversions * 1.0 / bands.band_accounts)
            / nullif(cohorts.cohort_conversions * 1.0 / cohorts.cohort_accounts, 0)
            as {{ dbt.type_float() }}
        ) as lift,
        cast(cohorts.cohort_accounts as {{ dbt.type_int() }}) as cohort_accounts,
        {{ pql_rate_with_interval('cohorts.pql_accounts', 'cohorts.cohort_accounts', 'cohort_pql_rate') }},
        {{ pql_rate_with_interval('cohorts.cohort_closes', 'cohorts.cohort_accounts', 'cohort_close_rate') }},
        {{ pql_rate_with_interval('cohorts.pql_closes', 'cohorts.pql_accounts', 'pql_close_rate') }},
        cast(
            (cohorts.pql_closes * 1.0 / nullif(cohorts.pql_accounts, 0))
            / nullif(cohorts.cohort_closes * 1.0 / cohorts.cohort_accounts, 0)
            as {{ dbt.type_float() }}
        ) as pql_close_vs_overall,
        cast({{ pql_calibration_horizon_days() }} as {{ dbt.type_int() }}) as horizon_days
    from bands
    inner join cohorts
        on bands.cohort_date = cohorts.cohort_date

)

select final.* from final
-- A gate this command did not build stops it here (macro pql_inputs_gate_passed): the
-- table keeps its last good rows.
inner join inputs_gate
    on {{ pql_inputs_gate_passed('inputs_gate', built_by_this_run=false) }}
