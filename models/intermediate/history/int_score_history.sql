-- One row per account per score date under the live rule set: what pql_scores said
-- on that date, kept. The daily run adds its date; a backfill (vars
-- pql_backfill_start / pql_backfill_end) adds every date of its range in the same
-- run. A run replaces the dates it scores, so re-running a date never duplicates it.
-- pql_score_history publishes it; int_tier_states reads it.
--
-- `dbt run --full-refresh` leaves this table alone (full_refresh=false): its past
-- rows are re-made by a backfill, never dropped by accident.
{{ config(
    pre_hook="{{ pql_inputs_gate_check() }}",
    **pql_replaced_days_config('score_date', ['account_id'], full_refresh=false)
) }}

with

inputs_gate as (

    select * from {{ ref('int_inputs_gate') }}

),

account_scores as (

    select * from {{ ref('int_account_scores') }}

),

final as (

    select
        score_date,
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
        cast(
            '{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as {{ dbt.type_timestamp() }}
        ) as scored_at
    from account_scores
    where scoring_model = '{{ pql_scoring_model() }}'

)

select final.* from final
-- A gate this command did not build, or scoring tables built by another run, stop it
-- here (macro pql_inputs_gate_passed): the table keeps its last good rows.
inner join inputs_gate
    on {{ pql_inputs_gate_passed('inputs_gate') }}
