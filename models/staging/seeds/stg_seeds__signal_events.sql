-- pql_signal_events with each event name as the events carry it (trimmed, lowercase),
-- so an analyst may type "Teammate Invited ", and its property condition, if any, named
-- by condition_key: the key the daily aggregates count the matching events under.
with

signal_events as (

    select * from {{ ref('pql_signal_events') }}

),

trimmed as (

    select
        signal_name,
        lower(trim(event_name)) as event_name,
        -- A JSON key is case-sensitive: kept as typed, but for surrounding spaces.
        nullif(trim(property), '') as property,
        nullif(lower(trim(comparison)), '') as comparison,
        nullif(trim(property_value), '') as property_value
    from signal_events

),

final as (

    select
        signal_name,
        event_name,
        property,
        comparison,
        property_value,
        case
            when property is not null
                then {{ dbt.concat([
                    'property', "'|'", "coalesce(comparison, '')", "'|'", "coalesce(property_value, '')"
                ]) }}
        end as condition_key
    from trimmed

)

select * from final
