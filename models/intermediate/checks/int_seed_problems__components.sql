-- Each rule set has exactly the three components (product, fit, intent), each capped at 0 or more, with
-- caps summing to at least 100: the total is clamped to 100, and under 100 no
-- account could reach the top of the scale.
{{ config(tags=['run_independent']) }}
with

components as (

    select * from {{ ref('stg_seeds__components') }}

),

per_model as (

    select
        scoring_model,
        sum(max_points) as total_max_points,
        count(*) as component_rows,
        count(distinct component) as distinct_components
    from components
    group by 1

),

problems as (

    select
        scoring_model,
        cast(null as {{ dbt.type_string() }}) as component,
        {{ dbt.concat([
            "'component caps sum to '",
            "cast(total_max_points as " ~ dbt.type_string() ~ ")",
            "', under 100: no account can score 100'",
        ]) }} as problem
    from per_model
    where total_max_points < 100

    union all

    select
        scoring_model,
        cast(null as {{ dbt.type_string() }}) as component,
        'needs exactly one row for each of product, fit and intent' as problem
    from per_model
    where component_rows != 3 or distinct_components != 3

    union all

    select
        scoring_model,
        component,
        'component must be product, fit or intent' as problem
    from components
    where component not in ('product', 'fit', 'intent')

    union all

    select
        scoring_model,
        component,
        'max_points must be 0 or more' as problem
    from components
    where max_points < 0

)

select * from problems
