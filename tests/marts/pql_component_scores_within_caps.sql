-- Each component score lies between 0 and its cap in pql_components for the rule set that scored it.
with

scores as (

    select * from {{ ref('pql_scores') }}

),

components as (

    select * from {{ ref('stg_seeds__components') }}

),

component_scores as (

    select
        account_id,
        scoring_model,
        'product' as component,
        product_score as score
    from scores
    union all
    select
        account_id,
        scoring_model,
        'fit' as component,
        fit_score as score
    from scores
    union all
    select
        account_id,
        scoring_model,
        'intent' as component,
        intent_score as score
    from scores

)

select
    component_scores.account_id,
    component_scores.component,
    component_scores.score,
    components.max_points
from component_scores
left join components
    on
        component_scores.scoring_model = components.scoring_model
        and component_scores.component = components.component
where
    components.max_points is null
    or component_scores.score < 0
    or component_scores.score > components.max_points
