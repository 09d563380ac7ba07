-- One row per account per rule that fired: the explanation of pql_scores as data.
-- raw_points is what the rule gives on its own (after its decay, faded_points);
-- capped_points what is left after its group's and component's caps and floor (they
-- add up to the component scores); counted_points what is left after the 0-100
-- clamp (they add up to pql_score).
{{ config(pre_hook="{{ pql_inputs_gate_check() }}") }}
with

inputs_gate as (

    select * from {{ ref('int_inputs_gate') }}

),

contributions as (

    select * from {{ ref('int_rule_contributions_capped') }}

),

final as (

    select
        account_id,
        rule_id,
        component,
        rule_group,
        signal_name,
        signal_value,
        raw_points,
        faded_points,
        capped_points,
        counted_points,
        reason,
        scoring_model,
        score_date
    from contributions
    where
        scoring_model = '{{ pql_scoring_model() }}'
        and score_date = {{ pql_score_date() }}

)

select final.* from final
-- A gate this command did not build, or scoring tables built by another run, stop it
-- here (macro pql_inputs_gate_passed): the table keeps its last good rows.
inner join inputs_gate
    on {{ pql_inputs_gate_passed('inputs_gate') }}
