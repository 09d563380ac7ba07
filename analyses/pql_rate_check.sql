-- The health checks per calibration cohort: the PQL rate (healthy at 5-15%;
-- over 20% the bar is too low, under 2% too tight) and the PQL close rate against
-- the overall one (the 3x rule: under 3x, the signals are not predictive - drop the
-- weakest by pql_signal_lift).
with

calibration as (

    select * from {{ ref('pql_calibration') }}

),

cohorts as (

    select
        cohort_date,
        max(cohort_accounts) as cohort_accounts,
        max(cohort_pql_rate) as pql_rate,
        max(pql_close_rate) as pql_close_rate,
        max(cohort_close_rate) as overall_close_rate,
        max(pql_close_vs_overall) as pql_close_vs_overall
    from calibration
    group by 1

)

select
    *,
    case
        when pql_rate > 0.20 then 'too loose: over 20% are PQLs'
        when pql_rate > 0.15 then 'loose: over 15% are PQLs'
        when pql_rate < 0.02 then 'too tight: under 2% are PQLs'
        when pql_rate < 0.05 then 'tight: under 5% are PQLs'
        else 'healthy'
    end as pql_rate_verdict,
    coalesce(pql_close_vs_overall >= 3, false) as meets_3x_rule
from cohorts
order by 1
