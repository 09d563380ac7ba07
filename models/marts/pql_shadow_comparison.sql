-- One row per account when a shadow rule set is scored beside the live one (var
-- pql_shadow_model): both scores and tiers, and whether the account would move up,
-- down or stay if the shadow rule set went live. Empty when there is no shadow.
-- Count the moves before switching pql_scoring_model:
--   select tier_change, count(*) from pql_shadow_comparison group by 1
{{ config(pre_hook="{{ pql_inputs_gate_check() }}") }}
with

inputs_gate as (

    select * from {{ ref('int_inputs_gate') }}

),

account_scores as (

    select * from {{ ref('int_account_scores') }}

),

live as (

    select *
    from account_scores
    where
        scoring_model = '{{ pql_scoring_model() }}'
        and score_date = {{ pql_score_date() }}

),

shadow as (

    select *
    from account_scores
    where
        scoring_model = '{{ pql_shadow_model() }}'
        and score_date = {{ pql_score_date() }}

),

final as (

    select
        live.account_id,
        live.domain,
        live.scoring_model as live_model,
        shadow.scoring_model as shadow_model,
        live.pql_score as live_score,
        shadow.pql_score as shadow_score,
        live.pql_tier as live_tier,
        shadow.pql_tier as shadow_tier,
        live.is_pql as live_is_pql,
        shadow.is_pql as shadow_is_pql,
        case
            when shadow.pql_tier_rank > live.pql_tier_rank then 'up'
            when shadow.pql_tier_rank < live.pql_tier_rank then 'down'
            when shadow.pql_tier = live.pql_tier then 'same'
            else 'renamed'
        end as tier_change,
        shadow.score_reasons as shadow_score_reasons,
        live.score_date
    from live
    inner join shadow
        on live.account_id = shadow.account_id

)

select final.* from final
-- A gate this command did not build, or scoring tables built by another run, stop it
-- here (macro pql_inputs_gate_passed): the table keeps its last good rows.
inner join inputs_gate
    on {{ pql_inputs_gate_passed('inputs_gate') }}
