-- The tuning loop's bucket-and-plot query: conversion and close rates per 10-point
-- score band, pooled over every calibration cohort, with the lift over the overall
-- rate. Plot conversion_rate by score_band; set the PQL threshold at the jump (most
-- teams find it between 60-69 and 70-79). scripts/tune_scores.py reads the same table.
--   dbt compile --select conversion_by_score_band, then run the compiled SQL
with

calibration as (

    select * from {{ ref('pql_calibration') }}

),

pooled as (

    select
        band_floor,
        min(score_band) as score_band,
        sum(band_accounts) as band_accounts,
        sum(conversions) as conversions,
        sum(closes) as closes
    from calibration
    group by 1

),

overall as (

    select sum(conversions) * 1.0 / nullif(sum(band_accounts), 0) as conversion_rate
    from pooled

)

select
    pooled.band_floor,
    pooled.score_band,
    pooled.band_accounts,
    pooled.conversions,
    pooled.conversions * 1.0 / pooled.band_accounts as conversion_rate,
    pooled.closes,
    pooled.closes * 1.0 / pooled.band_accounts as close_rate,
    (pooled.conversions * 1.0 / pooled.band_accounts) / nullif(overall.conversion_rate, 0) as lift
from pooled
cross join overall
order by 1
