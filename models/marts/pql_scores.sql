-- One row per account: its PQL score as of the score date, the components behind
-- it, its tier (raised by a hot trigger), where it is routed and with what SLA (a
-- routing gate overrides both), and the reasons in words.
with

accounts as (

    select * from {{ ref('stg_raw__accounts') }}

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

contributions as (

    select * from {{ ref('int_rule_contributions_capped') }}

),

routing as (

    select * from {{ ref('int_account_routing') }}

),

tiers as (

    select *
    from {{ ref('pql_tiers') }}
    where scoring_model = '{{ pql_scoring_model() }}'

),

summed as (

    select
        accounts.account_id,
        accounts.domain,
        product_points.product_points as product_score,
        fit_points.fit_points as fit_score,
        intent_points.intent_points as intent_score,
        product_points.product_points
        + fit_points.fit_points
        + intent_points.intent_points as component_total
    from accounts
    left join product_points
        on accounts.account_id = product_points.account_id
    left join fit_points
        on accounts.account_id = fit_points.account_id
    left join intent_points
        on accounts.account_id = intent_points.account_id

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
        routing.hot_trigger,
        routing.hot_trigger_sla_hours,
        routing.routing_gate,
        routing.routing_gate_treatment,
        score_tiers.tier_rank as score_tier_rank,
        score_tiers.sla_hours as score_tier_sla_hours,
        case
            when routing.hot_trigger is not null and routing.routing_gate is null
                then (select max(tiers.tier_rank) from tiers)
            else score_tiers.tier_rank
        end as tier_rank,
        case
            when routing.routing_gate is not null
                then {{ dbt.concat(['routing.routing_gate_treatment', "': '", 'routing.routing_gate']) }}
            when routing.hot_trigger is not null
                then {{ dbt.concat(["'Hot trigger: '", 'routing.hot_trigger']) }}
            else ''
        end as routing_reason
    from clamped
    left join tiers as score_tiers
        on clamped.pql_score between score_tiers.min_score and score_tiers.max_score
    left join routing
        on clamped.account_id = routing.account_id

),

ranked_reasons as (

    -- Largest counted points first; a reason is kept only while the running text,
    -- after the routing reason, fits 255 characters (each "; " separator counted),
    -- so no reason is cut mid-word. Rules the caps left at 0 moved nothing and are
    -- not named.
    select
        contributions.account_id,
        contributions.reason,
        row_number() over (
            partition by contributions.account_id
            order by abs(contributions.counted_points) desc, contributions.rule_id
        ) as reason_rank,
        sum({{ dbt.length('contributions.reason') }} + 2) over (
            partition by contributions.account_id
            order by abs(contributions.counted_points) desc, contributions.rule_id
            rows between unbounded preceding and current row
        ) - 2
        + case
            when routed.routing_reason = '' then 0
            else {{ dbt.length('routed.routing_reason') }} + 2
        end as running_length
    from contributions
    inner join routed
        on contributions.account_id = routed.account_id
    where contributions.counted_points != 0

),

rule_reasons as (

    select
        account_id,
        {{ dbt.listagg('reason', "'; '", 'order by reason_rank') }} as rule_reasons
    from ranked_reasons
    where running_length <= 255
    group by 1

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
        coalesce(routed.routing_gate_treatment, tiers.treatment) as treatment,
        cast(case
            when routed.routing_gate is not null then null
            when
                routed.hot_trigger_sla_hours is not null
                and (
                    routed.score_tier_sla_hours is null
                    or routed.hot_trigger_sla_hours < routed.score_tier_sla_hours
                )
                then routed.hot_trigger_sla_hours
            else tiers.sla_hours
        end as {{ dbt.type_int() }}) as sla_hours,
        routed.hot_trigger,
        routed.routing_gate,
        case
            when rule_reasons.rule_reasons is null then routed.routing_reason
            when routed.routing_reason = '' then rule_reasons.rule_reasons
            else {{ dbt.concat(['routed.routing_reason', "'; '", 'rule_reasons.rule_reasons']) }}
        end as score_reasons,
        cast('{{ pql_scoring_model() }}' as {{ dbt.type_string() }}) as scoring_model,
        {{ pql_score_date() }} as score_date,
        cast(
            '{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as {{ dbt.type_timestamp() }}
        ) as scored_at
    from routed
    left join tiers
        on routed.tier_rank = tiers.tier_rank
    left join rule_reasons
        on routed.account_id = rule_reasons.account_id

)

select * from final
