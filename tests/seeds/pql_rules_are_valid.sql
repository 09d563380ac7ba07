-- Every rule must read a known signal, belong to a component its rule set caps,
-- have a band that is not inverted, and give flat points or per-unit points (not both).
with

rules as (

    select * from {{ ref('pql_rules') }}

),

signals as (

    select * from {{ ref('pql_signals') }}

),

components as (

    select * from {{ ref('pql_components') }}

),

tiers as (

    select distinct scoring_model from {{ ref('pql_tiers') }}

),

problems as (

    select
        scoring_model,
        rule_id,
        'value band is inverted: min_value is above max_value' as problem
    from rules
    where min_value > max_value

    union all

    select
        scoring_model,
        rule_id,
        {{ dbt.concat(["'unknown signal '", 'signal_name']) }} as problem
    from rules
    where signal_name not in (select signals.signal_name from signals)

    union all

    select
        rules.scoring_model,
        rules.rule_id,
        {{ dbt.concat(["'component '", 'rules.component', "' has no cap in pql_components for this scoring_model'"]) }}
            as problem
    from rules
    left join components
        on
            rules.scoring_model = components.scoring_model
            and rules.component = components.component
    where components.component is null

    union all

    select
        rules.scoring_model,
        rules.rule_id,
        'scoring_model has no tiers in pql_tiers' as problem
    from rules
    left join tiers
        on rules.scoring_model = tiers.scoring_model
    where tiers.scoring_model is null

    union all

    select
        scoring_model,
        rule_id,
        'set exactly one of points and points_per_unit' as problem
    from rules
    where
        (points is null and points_per_unit is null)
        or (points is not null and points_per_unit is not null)

    union all

    select
        scoring_model,
        rule_id,
        'max_points applies to per-unit rules only' as problem
    from rules
    where max_points is not null and points_per_unit is null

    union all

    select
        scoring_model,
        rule_id,
        'max_points must be 0 or more' as problem
    from rules
    where max_points < 0

)

select * from problems
