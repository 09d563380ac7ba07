-- Product points: activation, depth and breadth of use in the product.
-- One row per account, score date and scored rule set: int_component_points for the
-- product rules. A view, read by int_account_scores alone.
{{ config(materialized='view') }}

with

component_points as (

    select * from {{ ref('int_component_points') }}
    where component = 'product'

),

final as (

    select
        score_date,
        account_id,
        scoring_model,
        points_uncapped as product_points_uncapped,
        points as product_points,
        max_points as product_max_points
    from component_points

)

select * from final
