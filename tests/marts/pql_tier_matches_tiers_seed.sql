-- Each account's tier, rank, PQL flag and SLA are those of the one band in pql_tiers holding its score.
with

scores as (

    select * from {{ ref('pql_scores') }}

),

tiers as (

    select * from {{ ref('pql_tiers') }}

),

matching_tiers as (

    select
        scores.account_id,
        count(tiers.tier_name) as matching_bands,
        max(case
            when
                tiers.tier_name = scores.pql_tier
                and tiers.tier_rank = scores.pql_tier_rank
                and tiers.is_pql = scores.is_pql
                and coalesce(tiers.sla_hours, -1) = coalesce(scores.sla_hours, -1)
                then 1
            else 0
        end) as tier_agrees
    from scores
    left join tiers
        on
            scores.scoring_model = tiers.scoring_model
            and scores.pql_score between tiers.min_score and tiers.max_score
    group by 1

)

select *
from matching_tiers
where matching_bands != 1 or tier_agrees != 1
