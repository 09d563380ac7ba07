-- pql_rule_conditions as analysts typed it: the further signal bands a rule needs.
with

rule_conditions as (

    select * from {{ ref('pql_rule_conditions') }}

),

final as (

    select
        scoring_model,
        rule_id,
        signal_name,
        min_value,
        max_value
    from rule_conditions

)

select * from final
