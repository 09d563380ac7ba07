-- pql_signal_events with each event name as the events carry it (trimmed, lowercase),
-- so an analyst may type "Teammate Invited ".
with

signal_events as (

    select * from {{ ref('pql_signal_events') }}

),

final as (

    select
        signal_name,
        lower(trim(event_name)) as event_name
    from signal_events

)

select * from final
