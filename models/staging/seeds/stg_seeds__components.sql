-- pql_components as analysts typed it: each rule set's cap per component.
with

components as (

    select * from {{ ref('pql_components') }}

),

final as (

    select
        scoring_model,
        component,
        max_points
    from components

)

select * from final
