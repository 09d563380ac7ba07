-- pql_routing_gates as analysts typed it: the signal bands that route an account elsewhere.
with

routing_gates as (

    select * from {{ ref('pql_routing_gates') }}

),

final as (

    select
        scoring_model,
        gate_id,
        signal_name,
        min_value,
        max_value,
        treatment,
        label
    from routing_gates

)

select * from final
