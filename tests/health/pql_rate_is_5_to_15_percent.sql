-- Health check: the PQL rate (share of scored accounts at PQL or
-- above) should be 5-15%. Over 20% the bar is too low, under 2% too tight - time to
-- run the tuning loop. A warning, not a failure: the scores are still right.
{{ config(severity='warn', tags=['health']) }}

with

scores as (

    select * from {{ ref('pql_scores') }}

),

rate as (

    select
        count(*) as scored_accounts,
        sum(case when is_pql then 1 else 0 end) * 1.0 / nullif(count(*), 0) as pql_rate
    from scores

)

select
    scored_accounts,
    pql_rate,
    case
        when pql_rate > 0.15 then 'PQL rate over 15%: the bar may be too low'
        else 'PQL rate under 5%: the bar may be too tight'
    end as problem
from rate
where pql_rate < 0.05 or pql_rate > 0.15
