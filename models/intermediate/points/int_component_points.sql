-- One row per account, score date, scored rule set (the live one, and the shadow one
-- if any) and component (product, fit, intent): the sum of the component's rules'
-- points after the group and component caps (shared out rule by rule in
-- int_rule_contributions_capped), beside the sum before them, and the component's
-- cap. An account with no rule of a component fired gets 0 for it. Each component's
-- model (int_product_points, int_fit_points, int_intent_points) is this, for one.
-- A view: only those read it, and only int_account_scores reads them.
{{ config(materialized='view') }}

with

accounts as (

    select
        score_date,
        account_id
    from {{ ref('int_scored_accounts') }}

),

contributions as (

    select * from {{ ref('int_rule_contributions_capped') }}

),

component_caps as (

    -- No cap row means no scores: the seed checks name the missing row.
    select
        scoring_model,
        component,
        max_points
    from {{ ref('stg_seeds__components') }}
    where {{ pql_scored_models_condition('scoring_model') }}

),

summed as (

    select
        score_date,
        account_id,
        scoring_model,
        component,
        sum(raw_points) as uncapped_points,
        sum(capped_points) as capped_points
    from contributions
    group by 1, 2, 3, 4

),

final as (

    select
        accounts.score_date,
        accounts.account_id,
        component_caps.scoring_model,
        component_caps.component,
        coalesce(summed.uncapped_points, 0) as points_uncapped,
        coalesce(summed.capped_points, 0) as points,
        component_caps.max_points
    from accounts
    cross join component_caps
    left join summed
        on
            accounts.score_date = summed.score_date
            and accounts.account_id = summed.account_id
            and component_caps.scoring_model = summed.scoring_model
            and component_caps.component = summed.component

)

select * from final
