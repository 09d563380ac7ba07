-- pql_rule_groups as analysts typed it: the caps on groups of rules.
with

rule_groups as (

    select * from {{ ref('pql_rule_groups') }}

),

final as (

    select
        scoring_model,
        rule_group,
        component,
        max_points
    from rule_groups

)

select * from final
