-- Amplitude's exported events as raw events, its identity events ($identify,
-- $groupidentify) left out: they change properties, nobody did anything. Copies share
-- their uuid. The user is user_id, else the one user the device was seen as; the
-- account is the event's group of type var pql_group_type (else the user's); a
-- session_id of -1 means none.
{{ config(enabled=pql_event_source() == 'amplitude') }}
with

events as (

    select
        {{- pql_source_columns('events', [
            'uuid', 'event_type', 'event_time', 'user_id', 'device_id', 'session_id', 'groups',
            'event_properties'
        ]) }}
    from {{ source('amplitude', 'events') }}

),

devices as (

    {{ pql_identity_per_key('events', 'device_id', 'user_id') }}

),

final as (

    select
        events.uuid as event_id,
        coalesce(cast(events.user_id as {{ dbt.type_string() }}), devices.user_id) as user_id,
        -- A group is a list of names, or one name.
        coalesce(
            {{ pql_json_text('events.groups', [pql_group_type(), 0]) }},
            {{ pql_json_text('events.groups', pql_group_type()) }}
        ) as account_id,
        events.event_type as event_name,
        events.event_time,
        case
            when cast(events.session_id as {{ dbt.type_string() }}) != '-1'
                then cast(events.session_id as {{ dbt.type_string() }})
        end as session_id,
        events.event_properties as properties
    from events
    left join devices
        on
            events.user_id is null
            and events.device_id = devices.key_id
    where coalesce(events.event_type, '') not in ('$identify', '$groupidentify')

)

select * from final
