-- Each Snowplow event id collected more than once, with the times of its first copy:
-- stg_snowplow__events gives every copy those, so the copies are one event.
--
-- Incremental: a run reads only the rows collected since its re-read days began, less
-- var pql_snowplow_late_copy_days (pql_snowplow_collected_since_timestamp), and adds
-- the ids it does not hold yet - so a daily run reads days of atomic.events, not its
-- history. The first build, and --full-refresh, read it all.
{{ config(enabled=pql_event_source() == 'snowplow', **pql_added_rows_config()) }}

with

events as (

    select
        {{- pql_source_columns('events', ['event_id', 'derived_tstamp', 'collector_tstamp']) }}
    from {{ source('snowplow', 'events') }}
    {% if is_incremental() %}
        where {{ pql_source_column('events', 'collector_tstamp') }} >= {{ pql_snowplow_collected_since_timestamp() }}
    {% endif %}

),

copied_ids as (

    select event_id
    from events
    where event_id is not null
    group by 1
    having count(*) > 1

),

copies as (

    select
        events.event_id,
        events.collector_tstamp,
        events.derived_tstamp,
        row_number() over (
            partition by events.event_id
            order by events.collector_tstamp, events.derived_tstamp
        ) as collected_order
    from events
    inner join copied_ids
        on events.event_id = copied_ids.event_id

),

final as (

    select
        copies.event_id,
        copies.collector_tstamp as first_collector_tstamp,
        copies.derived_tstamp as first_derived_tstamp
    from copies
    {% if is_incremental() %}
        left join {{ this }} as held
            on copies.event_id = held.event_id
    {% endif %}
    where
        copies.collected_order = 1
        {% if is_incremental() %}
            and held.event_id is null
        {% endif %}

)

select * from final
