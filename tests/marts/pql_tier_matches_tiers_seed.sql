-- Each account's tier, rank and PQL flag are those of the one band in pql_tiers
-- holding its score, or of the top tier when a hot trigger holds and no routing
-- gate does; its SLA is the shorter of the score tier's and the trigger's, and
-- none when a gate holds or the account is a held-out PQL.
with

scores as (

    select * from {{ ref('pql_scores') }}

),

routing as (

    select * from {{ ref('int_account_routing') }}

),

tiers as (

    select * from {{ ref('stg_seeds__tiers') }}

),

top_tiers as (

    select
        scoring_model,
        max(tier_rank) as tier_rank
    from tiers
    group by 1

),

expected as (

    select
        scores.account_id,
        scores.pql_tier,
        scores.pql_tier_rank,
        scores.is_pql,
        scores.sla_hours,
        scores.is_held_out,
        count(score_tiers.tier_name) as matching_bands,
        max(case
            when routing.hot_trigger is not null and routing.routing_gate is null
                then top_tiers.tier_rank
            else score_tiers.tier_rank
        end) as expected_tier_rank,
        max(case
            when routing.routing_gate is not null then null
            when scores.is_held_out and scores.is_pql then null
            when
                routing.hot_trigger_sla_hours is not null
                and (score_tiers.sla_hours is null or routing.hot_trigger_sla_hours < score_tiers.sla_hours)
                then routing.hot_trigger_sla_hours
            else score_tiers.sla_hours
        end) as expected_sla_hours
    from scores
    left join routing
        on
            scores.score_date = routing.score_date
            and scores.account_id = routing.account_id
            and scores.scoring_model = routing.scoring_model
    left join top_tiers
        on scores.scoring_model = top_tiers.scoring_model
    left join tiers as score_tiers
        on
            scores.scoring_model = score_tiers.scoring_model
            and scores.pql_score between score_tiers.min_score and score_tiers.max_score
    group by 1, 2, 3, 4, 5, 6

)

select expected.*
from expected
left join tiers
    on
        expected.expected_tier_rank = tiers.tier_rank
        and tiers.scoring_model = '{{ pql_scoring_model() }}'
where
    expected.matching_bands != 1
    or tiers.tier_name is null
    or tiers.tier_name != expected.pql_tier
    or tiers.tier_rank != expected.pql_tier_rank
    or tiers.is_pql != expected.is_pql
    or coalesce(expected.expected_sla_hours, -1) != coalesce(expected.sla_hours, -1)
