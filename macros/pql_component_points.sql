{% macro pql_component_points(component) %}
{#-
    Points of one scoring component (product, fit or intent) per account: the sum
    of its fired rules' points after the component's cap and floor (worked out rule
    by rule in int_rule_contributions_capped), beside the sum before them. Every
    account gets a row, with or without rules fired.
-#}
with

accounts as (

    select account_id from {{ ref('stg_raw__accounts') }}

),

contributions as (

    select
        account_id,
        raw_points,
        capped_points
    from {{ ref('int_rule_contributions_capped') }}
    where component = '{{ component }}'

),

component_cap as (

    select max_points
    from {{ ref('pql_components') }}
    where
        scoring_model = '{{ pql_scoring_model() }}'
        and component = '{{ component }}'

),

summed as (

    select
        account_id,
        sum(raw_points) as uncapped_points,
        sum(capped_points) as capped_points
    from contributions
    group by 1

),

final as (

    select
        accounts.account_id,
        coalesce(summed.uncapped_points, 0) as {{ component }}_points_uncapped,
        coalesce(summed.capped_points, 0) as {{ component }}_points,
        component_cap.max_points as {{ component }}_max_points
    from accounts
    {#- No cap row means no scores: the seed checks name the missing row. #}
    cross join component_cap
    left join summed
        on accounts.account_id = summed.account_id

)

select * from final
{% endmacro %}
