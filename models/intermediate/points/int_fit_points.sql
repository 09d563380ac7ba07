-- Fit points: how well the account matches the ideal customer (size, industry, buyers).
-- One row per account, score date and scored rule set: int_component_points for the
-- fit rules. A view, read by int_account_scores alone.
{{ config(materialized='view') }}

with

component_points as (

    select * from {{ ref('int_component_points') }}
    where component = 'fit'

),

final as (

    select
        score_date,
        account_id,
        scoring_model,
        points_uncapped as fit_points_uncapped,
        points as fit_points,
        max_points as fit_max_points
    from component_points

)

select * from final
