-- One row per account: its PQL score as of the score date under the live rule set,
-- the components behind it, its tier (raised by a hot trigger), where it is routed
-- and with what SLA (a routing gate overrides both), and the reasons in words. The
-- maths is in int_account_scores; this is the live rule set's rows, stamped with
-- the run's start and how fresh the inputs were (int_input_freshness).
-- Read by the reverse ETL syncs in models/exposures.yml: granted to their role.
{{ config(grants=pql_reverse_etl_grants(), pre_hook="{{ pql_inputs_gate_check() }}") }}

with

inputs_gate as (

    select * from {{ ref('int_inputs_gate') }}

),

account_scores as (

    select * from {{ ref('int_account_scores') }}

),

input_freshness as (

    select
        max(case when source_table = 'events' then loaded_through end) as events_loaded_through,
        max(case when source_table = 'accounts' then loaded_through end) as accounts_loaded_through
    from {{ ref('int_input_freshness') }}

),

final as (

    select
        account_scores.account_id,
        account_scores.domain,
        account_scores.product_score,
        account_scores.fit_score,
        account_scores.intent_score,
        account_scores.pql_score,
        account_scores.pql_tier,
        account_scores.pql_tier_rank,
        account_scores.is_pql,
        account_scores.is_held_out,
        account_scores.treatment,
        account_scores.sla_hours,
        account_scores.hot_trigger,
        account_scores.routing_gate,
        account_scores.score_reasons,
        account_scores.scoring_model,
        account_scores.score_date,
        cast(
            '{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as {{ dbt.type_timestamp() }}
        ) as scored_at,
        input_freshness.events_loaded_through,
        input_freshness.accounts_loaded_through
    from account_scores
    cross join input_freshness
    where
        account_scores.scoring_model = '{{ pql_scoring_model() }}'
        and account_scores.score_date = {{ pql_score_date() }}

)

select final.* from final
-- A gate this command did not build, or scoring tables built by another run, stop it
-- here (macro pql_inputs_gate_passed): the table keeps its last good rows.
inner join inputs_gate
    on {{ pql_inputs_gate_passed('inputs_gate') }}
