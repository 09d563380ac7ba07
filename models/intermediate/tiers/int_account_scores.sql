-- One row per account, score date and scored rule set (the live one, and the shadow
-- one if any): its PQL score as of that date, the components behind it, its tier
-- (raised by a hot trigger), where it is routed and with what SLA (a routing gate
-- overrides both; a PQL in the holdout, var pql_holdout_share, is routed "Holdout",
-- to measure what routing adds), and the reasons in words (int_score_reasons). This
-- is where tiers are set. pql_scores is the live rule set's rows for the score date;
-- int_score_history keeps them for every date.
with

accounts as (

    select * from {{ ref('int_scored_accounts') }}

),

product_points as (

    select * from {{ ref('int_product_points') }}

),

fit_points as (

    select * from {{ ref('int_fit_points') }}

),

intent_points as (

    select * from {{ ref('int_intent_points') }}

),

score_reasons as (

    select * from {{ ref('int_score_reasons') }}

),

routing as (

    select * from {{ ref('int_account_routing') }}

),

tiers as (

    select *
    from {{ ref('stg_seeds__tiers') }}
    where {{ pql_scored_models_condition('scoring_model') }}

),

top_tiers as (

    select
        scoring_model,
        max(tier_rank) as tier_rank
    from tiers
    group by 1

),

summed as (

    select
        accounts.score_date,
        accounts.account_id,
        accounts.domain,
        product_points.scoring_model,
        product_points.product_points as product_score,
        fit_points.fit_points as fit_score,
        intent_points.intent_points as intent_score,
        product_points.product_points
        + fit_points.fit_points
        + intent_points.intent_points as component_total
    from accounts
    inner join product_points
        on
            accounts.score_date = product_points.score_date
            and accounts.account_id = product_points.account_id
    inner join fit_points
        on
            product_points.score_date = fit_points.score_date
            and product_points.account_id = fit_points.account_id
            and product_points.scoring_model = fit_points.scoring_model
    inner join intent_points
        on
            product_points.score_date = intent_points.score_date
            and product_points.account_id = intent_points.account_id
            and product_points.scoring_model = intent_points.scoring_model

),

clamped as (

    select
        *,
        {{ pql_clamp('component_total', 0, 100) }} as pql_score
    from summed

),

routed as (

    -- The tier is the score's band, raised to the top tier by a hot trigger unless a
    -- routing gate holds: a gate overrides triggers and score alike.
    select
        clamped.*,
        routing.hot_trigger_id,
        routing.hot_trigger,
        routing.hot_trigger_sla_hours,
        routing.routing_gate,
        routing.routing_gate_treatment,
        score_tiers.tier_rank as score_tier_rank,
        score_tiers.sla_hours as score_tier_sla_hours,
        {{ pql_is_held_out('clamped.account_id') }} as is_held_out,
        case
            when routing.hot_trigger is not null and routing.routing_gate is null
                then top_tiers.tier_rank
            else score_tiers.tier_rank
        end as tier_rank
    from clamped
    left join tiers as score_tiers
        on
            clamped.scoring_model = score_tiers.scoring_model
            and clamped.pql_score between score_tiers.min_score and score_tiers.max_score
    left join top_tiers
        on clamped.scoring_model = top_tiers.scoring_model
    left join routing
        on
            clamped.score_date = routing.score_date
            and clamped.account_id = routing.account_id
            and clamped.scoring_model = routing.scoring_model

),

final as (

    select
        routed.account_id,
        routed.domain,
        cast(routed.product_score as {{ dbt.type_int() }}) as product_score,
        cast(routed.fit_score as {{ dbt.type_int() }}) as fit_score,
        cast(routed.intent_score as {{ dbt.type_int() }}) as intent_score,
        cast(routed.pql_score as {{ dbt.type_int() }}) as pql_score,
        tiers.tier_name as pql_tier,
        cast(tiers.tier_rank as {{ dbt.type_int() }}) as pql_tier_rank,
        tiers.is_pql,
        routed.is_held_out,
        case
            when routed.routing_gate is not null then routed.routing_gate_treatment
            when tiers.is_pql and routed.is_held_out then 'Holdout'
            else tiers.treatment
        end as treatment,
        cast(case
            when routed.routing_gate is not null then null
            when tiers.is_pql and routed.is_held_out then null
            when
                routed.hot_trigger_sla_hours is not null
                and (
                    routed.score_tier_sla_hours is null
                    or routed.hot_trigger_sla_hours < routed.score_tier_sla_hours
                )
                then routed.hot_trigger_sla_hours
            else routed.score_tier_sla_hours
        end as {{ dbt.type_int() }}) as sla_hours,
        routed.hot_trigger_id,
        routed.hot_trigger,
        routed.routing_gate,
        score_reasons.score_reasons,
        routed.scoring_model,
        routed.score_date,
        '{{ pql_scoring_settings() }}' as built_for
    from routed
    left join tiers
        on
            routed.scoring_model = tiers.scoring_model
            and routed.tier_rank = tiers.tier_rank
    left join score_reasons
        on
            routed.score_date = score_reasons.score_date
            and routed.account_id = score_reasons.account_id
            and routed.scoring_model = score_reasons.scoring_model

)

select * from final
