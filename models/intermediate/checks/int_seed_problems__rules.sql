-- Every rule must read a known signal, belong to a component its rule set caps (and
-- to a capped rule group of that component, if any), have a band that is not
-- inverted, give flat points or per-unit points (not both), and decay by 0 or more.
-- Every extra condition of a compound rule must name a rule of its rule set and a
-- known signal.
{{ config(tags=['run_independent']) }}
with

rules as (

    select * from {{ ref('stg_seeds__rules') }}

),

signals as (

    select * from {{ ref('stg_seeds__signals') }}

),

components as (

    select * from {{ ref('stg_seeds__components') }}

),

tiers as (

    select distinct scoring_model from {{ ref('stg_seeds__tiers') }}

),

rule_groups as (

    select * from {{ ref('stg_seeds__rule_groups') }}

),

conditions as (

    select * from {{ ref('stg_seeds__rule_conditions') }}

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

    union all

    select
        scoring_model,
        rule_id,
        'decay_after_days and decay_points_per_week must be 0 or more' as problem
    from rules
    where decay_after_days < 0 or decay_points_per_week < 0

    union all

    select
        rules.scoring_model,
        rules.rule_id,
        {{ dbt.concat([
            "'rule_group '", 'rules.rule_group',
            "' has no cap in pql_rule_groups for this scoring_model and component'",
        ]) }} as problem
    from rules
    left join rule_groups
        on
            rules.scoring_model = rule_groups.scoring_model
            and rules.rule_group = rule_groups.rule_group
            and rules.component = rule_groups.component
    where rules.rule_group is not null and rule_groups.rule_group is null

    union all

    select
        conditions.scoring_model,
        conditions.rule_id,
        'condition in pql_rule_conditions names no rule of this scoring_model' as problem
    from conditions
    left join rules
        on
            conditions.scoring_model = rules.scoring_model
            and conditions.rule_id = rules.rule_id
    where rules.rule_id is null

    union all

    select
        scoring_model,
        rule_id,
        {{ dbt.concat(["'condition reads unknown signal '", 'signal_name']) }} as problem
    from conditions
    where signal_name not in (select signals.signal_name from signals)

    union all

    select
        scoring_model,
        rule_id,
        'condition value band is inverted: min_value is above max_value' as problem
    from conditions
    where min_value > max_value

)

select * from problems
