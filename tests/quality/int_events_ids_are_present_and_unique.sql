-- Primary key of int_events: every event has an id, and no id appears twice
-- (the quality layer collapses exact copies, so a repeat is an id sent with different contents).
-- A daily run checks the days it re-reads (the score date and the lookback before
-- it); re-checking all history every day would cost more than the run itself.
-- A --full-refresh checks every day.
with

events as (

    select
        event_id,
        event_at,
        event_date
    from {{ ref('int_events') }}
    {% if not flags.FULL_REFRESH %}
        where {{ pql_reread_events_condition() }}
    {% endif %}

),

problems as (

    select
        event_id,
        count(*) as occurrences,
        'missing event_id' as problem
    from events
    where event_id is null
    group by 1

    union all

    select
        event_id,
        count(*) as occurrences,
        'event_id delivered with different contents' as problem
    from events
    where event_id is not null
    group by 1
    having count(*) > 1

)

select * from problems
