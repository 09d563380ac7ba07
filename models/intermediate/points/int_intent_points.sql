-- Intent points: buying signals (pricing, billing, upgrade prompts, sales chat).
-- One row per account, score date and scored rule set (the live one, and the shadow
-- one if any): the sum of the intent rules' points after the group and component caps
-- (shared out rule by rule in int_rule_contributions_capped), beside the sum before
-- them, and the component's cap. An account with no intent rule fired gets 0.
-- A view: only int_account_scores reads it, so writing it out would cost more than it saves.
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
    where component = 'intent'

),

component_caps as (

    -- No cap row means no scores: the seed checks name the missing row.
    select
        scoring_model,
        max_points
    from {{ ref('stg_seeds__components') }}
    where
        {{ pql_scored_models_condition('scoring_model') }}
        and component = 'intent'

),

summed as (

    select
        score_date,
        account_id,
        scoring_model,
        sum(raw_points) as uncapped_points,
        sum(capped_points) as capped_points
    from contributions
    group by 1, 2, 3

),

final as (

    select
        accounts.score_date,
        accounts.account_id,
        component_caps.scoring_model,
        coalesce(summed.uncapped_points, 0) as intent_points_uncapped,
        coalesce(summed.capped_points, 0) as intent_points,
        component_caps.max_points as intent_max_points
    from accounts
    cross join component_caps
    left join summed
        on
            accounts.score_date = summed.score_date
            and accounts.account_id = summed.account_id
            and component_caps.scoring_model = summed.scoring_model

)

select * from final
