-- One row per account, score date and live rule that counted points that day: the
-- history of pql_score_contributions, kept so pql_tier_changes can say which rules
-- moved an account. Incremental like pql_score_history: a run replaces the dates it
-- scores, and --full-refresh leaves the table alone.
{{ config(
    pre_hook="{{ pql_inputs_gate_check() }}",
    **pql_replaced_days_config('score_date', ['account_id'], full_refresh=false)
) }}

with

inputs_gate as (

    select * from {{ ref('int_inputs_gate') }}

),

contributions as (

    select * from {{ ref('int_rule_contributions_capped') }}

),

final as (

    select
        score_date,
        account_id,
        scoring_model,
        rule_id,
        counted_points,
        label_text
    from contributions
    where
        scoring_model = '{{ pql_scoring_model() }}'
        and counted_points != 0

)

select final.* from final
-- A gate this command did not build, or scoring tables built by another run, stop it
-- here (macro pql_inputs_gate_passed): the table keeps its last good rows.
inner join inputs_gate
    on {{ pql_inputs_gate_passed('inputs_gate') }}
