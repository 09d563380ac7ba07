-- Health check: the close rate should rise with the score band. Pooled
-- over all calibration cohorts, returns each band whose close rate is below the band
-- under it. A warning: on a small sample noise alone can trip it, and the tuning loop
-- (scripts/tune_scores.py) is the place to read why.
{{ config(severity='warn', tags=['health']) }}

with

calibration as (

    select * from {{ ref('pql_calibration') }}

),

pooled as (

    select
        band_floor,
        min(score_band) as score_band,
        sum(band_accounts) as band_accounts,
        sum(closes) * 1.0 / sum(band_accounts) as close_rate
    from calibration
    group by 1

),

ordered as (

    select
        *,
        lag(score_band) over (order by band_floor) as band_below,
        lag(close_rate) over (order by band_floor) as close_rate_below
    from pooled

)

select
    score_band,
    band_accounts,
    close_rate,
    band_below,
    close_rate_below
from ordered
where close_rate < close_rate_below
