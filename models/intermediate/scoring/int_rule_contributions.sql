-- The scoring maths of one rule: one row per account per rule of the live rule
-- set that fired, i.e. whose signal value lies in the rule's inclusive band.
-- A rule gives flat points, or points per unit of the signal value capped (in
-- size) at max_points. Component caps are applied downstream, in
-- int_rule_contributions_capped.
with

signals as (

    select * from {{ ref('int_account_signals') }}

),

rules as (

    select *
    from {{ ref('pql_rules') }}
    where scoring_model = '{{ pql_scoring_model() }}'

),

fired as (

    select
        signals.account_id,
        rules.rule_id,
        rules.component,
        rules.signal_name,
        signals.signal_value,
        rules.points,
        rules.points_per_unit,
        rules.max_points,
        rules.label
    from signals
    inner join rules
        on signals.signal_name = rules.signal_name
    where {{ pql_in_band('signals.signal_value', 'rules.min_value', 'rules.max_value') }}

),

scored as (

    select
        *,
        case
            when points_per_unit is null then points
            when max_points is null then signal_value * points_per_unit
            when signal_value * points_per_unit > max_points then max_points
            when signal_value * points_per_unit < -max_points then -max_points
            else signal_value * points_per_unit
        end as rule_points
    from fired

),

final as (

    select
        account_id,
        rule_id,
        component,
        signal_name,
        signal_value,
        cast(rule_points as {{ dbt.type_int() }}) as raw_points,
        {{ pql_fill_label('label', 'signal_value') }} as label_text
    from scored

)

select * from final
