-- pql_rules as analysts typed it: one row per rule, its signal band and its points.
with

rules as (

    select * from {{ ref('pql_rules') }}

),

final as (

    select
        scoring_model,
        rule_id,
        component,
        signal_name,
        min_value,
        max_value,
        points,
        points_per_unit,
        max_points,
        label,
        rule_group,
        decay_after_days,
        decay_points_per_week
    from rules

)

select * from final
