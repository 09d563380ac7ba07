-- Every signal must have a known measure, and the measure what it needs: event
-- measures a window (no longer than var pql_max_window_days) and events to count (and
-- '*' alone or not at all, each event once); account measures a known attribute, and
-- list lookups a list that exists. Events are mapped only to signals that exist
-- (their property conditions: int_seed_problems__signal_events).
with

signals as (

    select * from {{ ref('stg_seeds__signals') }}

),

signal_events as (

    select * from {{ ref('stg_seeds__signal_events') }}

),

value_lists as (

    select distinct list_name from {{ ref('stg_seeds__value_lists') }}

),

event_mapping as (

    select
        signal_name,
        count(*) as mapped_rows,
        count(distinct event_name) as mapped_events,
        sum(case when event_name = '*' then 1 else 0 end) as wildcard_rows
    from signal_events
    group by 1

),

checked as (

    select
        signals.*,
        coalesce(event_mapping.mapped_rows, 0) as mapped_rows,
        coalesce(event_mapping.mapped_events, 0) as mapped_events,
        coalesce(event_mapping.wildcard_rows, 0) as wildcard_rows,
        coalesce(signals.signal_kind = 'event', false) as is_event_measure
    from signals
    left join event_mapping
        on signals.signal_name = event_mapping.signal_name

),

problems as (

    select
        signal_name,
        {{ dbt.concat(["'unknown measure '", "coalesce(measure, '(blank)')"]) }} as problem
    from checked
    where signal_kind is null

    union all

    select
        signal_events.signal_name,
        'pql_signal_events maps events to a signal pql_signals does not define' as problem
    from signal_events
    where
        signal_events.signal_name not in (
            select checked.signal_name from checked
            where checked.signal_name is not null
        )
    group by 1

    union all

    select
        signal_name,
        'event measure needs window_days of 0 or more' as problem
    from checked
    where is_event_measure and (window_days is null or window_days < 0)

    union all

    select
        signal_name,
        'window_days is longer than var pql_max_window_days ({{ pql_max_window_days() }})' as problem
    from checked
    where is_event_measure and window_days > {{ pql_max_window_days() }}

    union all

    select
        signal_name,
        'event measure needs at least one row in pql_signal_events' as problem
    from checked
    where is_event_measure and mapped_rows = 0

    union all

    select
        signal_name,
        'an event is mapped to this signal twice' as problem
    from checked
    where mapped_rows != mapped_events

    union all

    select
        signal_name,
        'maps * (every event) and named events too: the named ones would count twice' as problem
    from checked
    where wildcard_rows > 0 and mapped_rows > 1

    union all

    select
        signal_name,
        'sessions are counted over every event: map * to this signal' as problem
    from checked
    where measure = 'sessions' and wildcard_rows = 0

    union all

    select
        signal_name,
        'account measure must not have events in pql_signal_events' as problem
    from checked
    where not is_event_measure and mapped_rows > 0

    union all

    select
        signal_name,
        {{ dbt.concat(["'attribute measure cannot read attribute '", "coalesce(attribute_name, '(blank)')"]) }}
            as problem
    from checked
    where
        (
            measure = 'attribute'
            and coalesce(attribute_name, '') not in (
                {%- for attribute in pql_signal_attributes('attribute') %}
                    '{{ attribute }}'{{ ',' if not loop.last }}
                {%- endfor %}
            )
        )
        or (
            measure = 'attribute_in_list'
            and coalesce(attribute_name, '') not in (
                {%- for attribute in pql_signal_attributes('attribute_in_list') %}
                    '{{ attribute }}'{{ ',' if not loop.last }}
                {%- endfor %}
            )
        )

    union all

    select
        signal_name,
        {{ dbt.concat(["'unknown value_list '", "coalesce(value_list, '(blank)')"]) }} as problem
    from checked
    where
        measure = 'attribute_in_list'
        and coalesce(value_list, '') not in (select value_lists.list_name from value_lists)

)

select * from problems
