-- The tuning loop's bucket-and-plot query: conversion and close rates per 10-point
-- score band, pooled over every calibration cohort, with the lift over the overall
-- rate and each conversion rate's 95% Wilson interval. Plot conversion_rate by
-- score_band; set the PQL threshold at a jump that holds beyond the intervals.
-- scripts/tune_scores.py reads the same table.
--
-- An account scored on several weekly cohort dates counts once per cohort, so the
-- pooled counts are not independent draws: the interval is worked out on the band's
-- distinct accounts (the conversions scaled to them), which keeps it from looking
-- surer than the data is.
--   dbt compile --select conversion_by_score_band, then run the compiled SQL
with

calibration as (

    select * from {{ ref('pql_calibration') }}

),

cohort_outcomes as (

    select * from {{ ref('int_cohort_outcomes') }}

),

distinct_accounts as (

    select
        band_floor,
        count(distinct account_id) as band_distinct_accounts
    from cohort_outcomes
    group by 1

),

pooled as (

    select
        calibration.band_floor,
        min(calibration.score_band) as score_band,
        sum(calibration.band_accounts) as band_accounts,
        sum(calibration.conversions) as conversions,
        sum(calibration.closes) as closes
    from calibration
    group by 1

),

effective as (

    select
        pooled.*,
        distinct_accounts.band_distinct_accounts,
        pooled.conversions * 1.0 * distinct_accounts.band_distinct_accounts / pooled.band_accounts
            as effective_conversions
    from pooled
    inner join distinct_accounts
        on pooled.band_floor = distinct_accounts.band_floor

),

overall as (

    select sum(conversions) * 1.0 / nullif(sum(band_accounts), 0) as conversion_rate
    from pooled

)

select
    effective.band_floor,
    effective.score_band,
    effective.band_accounts,
    effective.band_distinct_accounts,
    effective.conversions,
    effective.conversions * 1.0 / effective.band_accounts as conversion_rate,
    {{ pql_wilson_bound('effective.effective_conversions', 'effective.band_distinct_accounts', 'low') }}
        as conversion_rate_low,
    {{ pql_wilson_bound('effective.effective_conversions', 'effective.band_distinct_accounts', 'high') }}
        as conversion_rate_high,
    effective.closes,
    effective.closes * 1.0 / effective.band_accounts as close_rate,
    (effective.conversions * 1.0 / effective.band_accounts) / nullif(overall.conversion_rate, 0) as lift
from effective
cross join overall
order by 1
