-- One row per account: its PQL score as of the score date under the live rule set,
-- the components behind it, its tier (raised by a hot trigger), where it is routed
-- and with what SLA (a routing gate overrides both), and the reasons in words. The
-- maths is in int_account_scores; this is the live rule set's rows, stamped with
-- the run's start.
with

account_scores as (

    select * from {{ ref('int_account_scores') }}

),

final as (

    select
        account_id,
        domain,
        product_score,
        fit_score,
        intent_score,
        pql_score,
        pql_tier,
        pql_tier_rank,
        is_pql,
        treatment,
        sla_hours,
        hot_trigger,
        routing_gate,
        score_reasons,
        scoring_model,
        score_date,
        cast(
            '{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as {{ dbt.type_timestamp() }}
        ) as scored_at
    from account_scores
    where
        scoring_model = '{{ pql_scoring_model() }}'
        and score_date = {{ pql_score_date() }}

)

select * from final
