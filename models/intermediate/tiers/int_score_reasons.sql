-- One row per account, score date and scored rule set: its score's reasons in words,
-- as pql_scores shows them - routing first (a gate, else a hot trigger), then the
-- rules by the size of their counted points, e.g. "Hot trigger: hit a paywall; +15
-- invited 3 teammates; -10 single-user account". The text fits a CRM text field: a
-- reason that would take it past 255 characters is left out whole, not cut mid-word.
-- Rules the caps left at 0 moved nothing and are not named.
-- A view: only int_account_scores reads it, so writing it out would cost more than it saves.
{{ config(materialized='view', tags=['run_independent']) }}

with

routing as (

    select * from {{ ref('int_account_routing') }}

),

contributions as (

    select * from {{ ref('int_rule_contributions_capped') }}
    where counted_points != 0

),

routed as (

    select
        score_date,
        account_id,
        scoring_model,
        case
            when routing_gate is not null
                then {{ dbt.concat(['routing_gate_treatment', "': '", 'routing_gate']) }}
            when hot_trigger is not null
                then {{ dbt.concat(["'Hot trigger: '", 'hot_trigger']) }}
            else ''
        end as routing_reason
    from routing

),

ranked_reasons as (

    -- Largest counted points first, with the running length of the text so far,
    -- after the routing reason (each "; " separator counted).
    select
        contributions.score_date,
        contributions.account_id,
        contributions.scoring_model,
        contributions.reason,
        row_number() over (
            partition by contributions.score_date, contributions.account_id, contributions.scoring_model
            order by abs(contributions.counted_points) desc, contributions.rule_id
        ) as reason_rank,
        sum({{ dbt.length('contributions.reason') }} + 2) over (
            partition by contributions.score_date, contributions.account_id, contributions.scoring_model
            order by abs(contributions.counted_points) desc, contributions.rule_id
            rows between unbounded preceding and current row
        ) - 2
        + case
            when routed.routing_reason = '' then 0
            else {{ dbt.length('routed.routing_reason') }} + 2
        end as running_length
    from contributions
    inner join routed
        on
            contributions.score_date = routed.score_date
            and contributions.account_id = routed.account_id
            and contributions.scoring_model = routed.scoring_model

),

rule_reasons as (

    select
        score_date,
        account_id,
        scoring_model,
        {{ pql_ordered_listagg('reason', "'; '", 'reason_rank') }} as rule_reasons
    from ranked_reasons
    where running_length <= 255
    group by 1, 2, 3

),

final as (

    select
        routed.score_date,
        routed.account_id,
        routed.scoring_model,
        {{ pql_joined_reasons('routed.routing_reason', 'rule_reasons.rule_reasons') }} as score_reasons
    from routed
    left join rule_reasons
        on
            routed.score_date = rule_reasons.score_date
            and routed.account_id = rule_reasons.account_id
            and routed.scoring_model = rule_reasons.scoring_model

)

select * from final
