-- One row per rule set and signal it reads - in a rule, a rule's condition, a hot
-- trigger or a routing gate. Only these signals are valued: most signals a seed
-- defines are read by no live rule set. A table (it is small), so the views reading it
-- are not long chains of views over the seeds.
with

reads as (

    select
        scoring_model,
        signal_name
    from {{ ref('stg_seeds__rules') }}

    union all

    select
        scoring_model,
        signal_name
    from {{ ref('stg_seeds__rule_conditions') }}

    union all

    select
        scoring_model,
        signal_name
    from {{ ref('stg_seeds__hot_triggers') }}

    union all

    select
        scoring_model,
        signal_name
    from {{ ref('stg_seeds__routing_gates') }}

),

final as (

    select distinct
        scoring_model,
        signal_name
    from reads

)

select * from final
