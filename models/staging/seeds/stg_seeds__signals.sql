-- pql_signals with what each measure is valued from (signal_kind): events, or an
-- account's attributes; null for a measure no model knows, which the seed checks refuse.
with

signals as (

    select * from {{ ref('pql_signals') }}

),

final as (

    select
        signal_name,
        measure,
        {{ pql_signal_kind('measure') }} as signal_kind,
        window_days,
        attribute_name,
        value_list,
        description
    from signals

)

select * from final
