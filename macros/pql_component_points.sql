{% macro pql_component_points(component) %}
{#-
    Points of one scoring component (product, fit or intent) per account, score date
    and scored rule set (the live one, and the shadow one if any): the sum of its fired rules'
    points after the group and component caps (worked out rule by rule in
    int_rule_contributions_capped), beside the sum before them. Every scored account
    gets a row per score date and rule set, with or without rules fired.
-#}
with

accounts as (

    select
        score_date,
        account_id
    from {{ ref('int_scored_accounts') }}

),

contributions as (

    select
        score_date,
        account_id,
        scoring_model,
        raw_points,
        capped_points
    from {{ ref('int_rule_contributions_capped') }}
    where component = '{{ component }}'

),

component_caps as (

    select
        scoring_model,
        max_points
    from {{ ref('pql_components') }}
    where
        {{ pql_scored_models_condition('scoring_model') }}
        and component = '{{ component }}'

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
        coalesce(summed.uncapped_points, 0) as {{ component }}_points_uncapped,
        coalesce(summed.capped_points, 0) as {{ component }}_points,
        component_caps.max_points as {{ component }}_max_points
    from accounts
    {#- No cap row means no scores: the seed checks name the missing row. #}
    cross join component_caps
    left join summed
        on
            accounts.score_date = summed.score_date
            and accounts.account_id = summed.account_id
            and component_caps.scoring_model = summed.scoring_model

)

select * from final
{% endmacro %}
