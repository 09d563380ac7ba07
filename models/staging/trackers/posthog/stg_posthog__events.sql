-- PostHog's exported events as raw events, its identity events ($identify,
-- $groupidentify, $create_alias, $set) left out: stg_posthog__accounts reads the
-- accounts' traits from $groupidentify. Copies share their uuid. The user is the one an
-- anonymous distinct_id was identified as ($anon_distinct_id of an $identify), else
-- distinct_id; the account is the event's $groups entry of type var pql_group_type
-- (else the user's); the session is $session_id.
{{ config(enabled=pql_event_source() == 'posthog') }}
with

events as (

    select
        {{- pql_source_columns('events', ['uuid', 'event', 'timestamp', 'distinct_id', 'properties']) }}
    from {{ source('posthog', 'events') }}

),

identify_calls as (

    select
        {{ pql_json_text('properties', '$anon_distinct_id') }} as anonymous_distinct_id,
        distinct_id,
        timestamp
    from events
    where event = '$identify'

),

identified as (

    {{ pql_identity_per_key('identify_calls', 'anonymous_distinct_id', 'distinct_id') }}

),

final as (

    select
        events.uuid as event_id,
        coalesce(identified.user_id, cast(events.distinct_id as {{ dbt.type_string() }})) as user_id,
        {{ pql_json_text('events.properties', ['$groups', pql_group_type()]) }} as account_id,
        events.event as event_name,
        events.timestamp as event_time,
        {{ pql_json_text('events.properties', '$session_id') }} as session_id,
        events.properties
    from events
    left join identified
        on
            cast(events.distinct_id as {{ dbt.type_string() }}) = identified.key_id
    where coalesce(events.event, '') not in ('$identify', '$groupidentify', '$create_alias', '$set')

)

select * from final
