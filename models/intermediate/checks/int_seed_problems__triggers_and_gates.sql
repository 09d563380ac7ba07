-- Every hot trigger and routing gate must read a known signal, have a band that is
-- not inverted, and belong to a rule set that has tiers; triggers need an SLA of 0
-- hours or more.
{{ config(tags=['run_independent']) }}
with

hot_triggers as (

    select * from {{ ref('stg_seeds__hot_triggers') }}

),

routing_gates as (

    select * from {{ ref('stg_seeds__routing_gates') }}

),

signals as (

    select signal_name from {{ ref('stg_seeds__signals') }}

),

tiers as (

    select distinct scoring_model from {{ ref('stg_seeds__tiers') }}

),

conditions as (

    select
        scoring_model,
        trigger_id as condition_id,
        signal_name,
        min_value,
        max_value,
        sla_hours
    from hot_triggers

    union all

    select
        scoring_model,
        gate_id as condition_id,
        signal_name,
        min_value,
        max_value,
        0 as sla_hours
    from routing_gates

),

problems as (

    select
        scoring_model,
        condition_id,
        'value band is inverted: min_value is above max_value' as problem
    from conditions
    where min_value > max_value

    union all

    select
        scoring_model,
        condition_id,
        {{ dbt.concat(["'unknown signal '", 'signal_name']) }} as problem
    from conditions
    where signal_name not in (select signals.signal_name from signals)

    union all

    select
        scoring_model,
        condition_id,
        'scoring_model has no tiers in pql_tiers' as problem
    from conditions
    where scoring_model not in (select tiers.scoring_model from tiers)

    union all

    select
        scoring_model,
        condition_id,
        'sla_hours must be 0 or more' as problem
    from conditions
    where sla_hours < 0

)

select * from problems
