-- pql_tiers as analysts typed it: each rule set's score bands, what they mean and their SLA.
with

tiers as (

    select * from {{ ref('pql_tiers') }}

),

final as (

    select
        scoring_model,
        tier_name,
        tier_rank,
        min_score,
        max_score,
        is_pql,
        treatment,
        sla_hours
    from tiers

)

select * from final
