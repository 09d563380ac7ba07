-- One row per account: its PQL score as of the score date, the components behind
-- it, its tier with routing treatment and SLA, and the reasons in words.
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
        case
            when component_total < 0 then 0
            when component_total > 100 then 100
            else component_total
        end as pql_score
    from summed

),

ranked_reasons as (

    -- Largest counted points first; a reason is kept only while the running text fits
    -- 255 characters (each "; " separator counted), so no reason is cut mid-word.
    -- Rules the caps left at 0 moved nothing and are not named.
    select
        account_id,
        reason,
        row_number() over (
            partition by account_id
            order by abs(counted_points) desc, rule_id
        ) as reason_rank,
        sum({{ dbt.length('reason') }} + 2) over (
            partition by account_id
            order by abs(counted_points) desc, rule_id
            rows between unbounded preceding and current row
        ) - 2 as running_length
    from contributions
    where counted_points != 0

),

reasons as (

    select
        account_id,
        {{ dbt.listagg('reason', "'; '", 'order by reason_rank') }} as score_reasons
    from ranked_reasons
    where running_length <= 255
    group by 1

),

final as (

    select
        clamped.account_id,
        clamped.domain,
        cast(clamped.product_score as {{ dbt.type_int() }}) as product_score,
        cast(clamped.fit_score as {{ dbt.type_int() }}) as fit_score,
        cast(clamped.intent_score as {{ dbt.type_int() }}) as intent_score,
        cast(clamped.pql_score as {{ dbt.type_int() }}) as pql_score,
        tiers.tier_name as pql_tier,
        cast(tiers.tier_rank as {{ dbt.type_int() }}) as pql_tier_rank,
        tiers.is_pql,
        tiers.treatment,
        cast(tiers.sla_hours as {{ dbt.type_int() }}) as sla_hours,
        coalesce(reasons.score_reasons, '') as score_reasons,
        cast('{{ pql_scoring_model() }}' as {{ dbt.type_string() }}) as scoring_model,
        {{ pql_score_date() }} as score_date,
        cast(
            '{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as {{ dbt.type_timestamp() }}
        ) as scored_at
    from clamped
    left join tiers
        on clamped.pql_score between tiers.min_score and tiers.max_score
    left join reasons
        on clamped.account_id = reasons.account_id

)

select * from final
