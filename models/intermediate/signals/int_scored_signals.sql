-- One row per signal the scored rule sets (the live one, and the shadow one if any)
-- read: its pql_signals row, with whether it is counted from events or read from an
-- account's attributes. Only these signals are valued.
{{ config(materialized='view') }}

with

signals as (

    select * from {{ ref('stg_seeds__signals') }}

),

signals_read as (

    select signal_name
    from {{ ref('int_signals_read') }}
    where {{ pql_scored_models_condition('scoring_model') }}

),

final as (

    select signals.*
    from signals
    where signals.signal_name in (select signals_read.signal_name from signals_read)

)

select * from final
