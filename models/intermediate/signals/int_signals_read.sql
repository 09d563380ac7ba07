-- One row per rule set and signal it reads - in a rule, a rule's condition, a hot
-- trigger or a routing gate. Only these signals are valued: most signals a seed
-- defines are read by no live rule set.
{{ config(materialized='view', tags=['run_independent']) }}

with

reads as (

    select
        scoring_model,
        signal_name
    from {{ ref('pql_rules') }}

    union all

    select
        scoring_model,
        signal_name
    from {{ ref('pql_rule_conditions') }}

    union all

    select
        scoring_model,
        signal_name
    from {{ ref('pql_hot_triggers') }}

    union all

    select
        scoring_model,
        signal_name
    from {{ ref('pql_routing_gates') }}

),

final as (

    select distinct
        scoring_model,
        signal_name
    from reads

)

select * from final
