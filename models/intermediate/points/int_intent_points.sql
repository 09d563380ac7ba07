-- Intent points: buying signals (pricing, billing, upgrade prompts, sales chat).
-- One row per account, score date and scored rule set: int_component_points for the
-- intent rules. A view, read by int_account_scores alone.
{{ config(materialized='view') }}

with

component_points as (

    select * from {{ ref('int_component_points') }}
    where component = 'intent'

),

final as (

    select
        score_date,
        account_id,
        scoring_model,
        points_uncapped as intent_points_uncapped,
        points as intent_points,
        max_points as intent_max_points
    from component_points

)

select * from final
