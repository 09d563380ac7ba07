-- For every account, the contributions explain the score exactly: capped points add
-- up to each component score, and counted points to pql_score.
with

scores as (

    select * from {{ ref('pql_scores') }}

),

contributions as (

    select * from {{ ref('pql_score_contributions') }}

),

explained as (

    select
        account_id,
        sum(case when component = 'product' then capped_points else 0 end) as product_capped,
        sum(case when component = 'fit' then capped_points else 0 end) as fit_capped,
        sum(case when component = 'intent' then capped_points else 0 end) as intent_capped,
        sum(counted_points) as counted
    from contributions
    group by 1

),

compared as (

    select
        scores.account_id,
        scores.product_score,
        scores.fit_score,
        scores.intent_score,
        scores.pql_score,
        coalesce(explained.product_capped, 0) as product_capped,
        coalesce(explained.fit_capped, 0) as fit_capped,
        coalesce(explained.intent_capped, 0) as intent_capped,
        coalesce(explained.counted, 0) as counted
    from scores
    left join explained
        on scores.account_id = explained.account_id

)

select *
from compared
where
    product_score != product_capped
    or fit_score != fit_capped
    or intent_score != intent_capped
    or pql_score != counted
