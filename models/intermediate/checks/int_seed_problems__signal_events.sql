-- A row of pql_signal_events that asks for a property must say it whole: a property, a
-- known comparison and a value (for in_list, a list of pql_value_lists), on a named
-- event rather than `*`, its key made of characters every warehouse's JSON path can
-- quote (pql_unsafe_key_characters); a comparison or value without a property is a
-- mistake too. The rest of the rows are checked with their signals
-- (int_seed_problems__signals).
with

signal_events as (

    select * from {{ ref('stg_seeds__signal_events') }}

),

value_lists as (

    select distinct list_name from {{ ref('stg_seeds__value_lists') }}

),

checked as (

    select
        signal_events.signal_name,
        signal_events.event_name,
        case
            when signal_events.property is null and signal_events.comparison is not null
                then 'a comparison without a property'
            when signal_events.property is null and signal_events.property_value is not null
                then 'a property_value without a property'
            when signal_events.property is null then null
            when signal_events.event_name = '*' then '* takes every event, with no property condition'
            when coalesce(signal_events.comparison, '') not in ('equals', 'starts_with', 'contains', 'in_list')
                then 'comparison must be equals, starts_with, contains or in_list'
            when signal_events.property_value is null then 'a property condition needs a property_value'
            when signal_events.comparison = 'in_list' and value_lists.list_name is null
                then 'in_list needs the name of a list in pql_value_lists'
            when {{ dbt.length(pql_unsafe_key_characters('signal_events.property')) }} > 0
                then 'a property may hold letters, digits, spaces and $ _ . - [ ] / : @ # ( ) only'
        end as problem
    from signal_events
    left join value_lists
        on signal_events.property_value = value_lists.list_name

),

final as (

    select
        signal_name,
        event_name,
        problem
    from checked
    where problem is not null

)

select * from final
