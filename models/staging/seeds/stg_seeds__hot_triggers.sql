-- pql_hot_triggers as analysts typed it: the signal bands that make an account hot, with their SLA.
with

hot_triggers as (

    select * from {{ ref('pql_hot_triggers') }}

),

final as (

    select
        scoring_model,
        trigger_id,
        signal_name,
        min_value,
        max_value,
        sla_hours,
        label
    from hot_triggers

)

select * from final
