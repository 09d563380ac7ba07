-- Mixpanel's exported events as raw events, its identity events ($identify,
-- $create_alias, $merge) left out. Copies share their insert_id. The user is the
-- $user_id property, else the user the device ($device_id) was last seen as, else
-- distinct_id; the account is the property var pql_mixpanel_account_property names
-- (else the user's), the session the one var pql_mixpanel_session_property names.
{{ config(enabled=pql_event_source() == 'mixpanel') }}
{%- set session_property = pql_mixpanel_session_property() %}
with

events as (

    select
        {{- pql_source_columns('mp_master_event', [
            'insert_id', 'event_name', 'time', 'distinct_id', 'properties'
        ]) }}
    from {{ source('mixpanel', 'mp_master_event') }}

),

identified as (

    select
        *,
        {{ pql_json_text('properties', '$user_id') }} as property_user_id,
        {{ pql_json_text('properties', '$device_id') }} as device_id
    from events

),

devices as (

    {{ pql_latest_per_key('identified', 'device_id', 'property_user_id', 'time') }}

),

final as (

    select
        identified.insert_id as event_id,
        coalesce(
            identified.property_user_id, devices.latest_id, cast(identified.distinct_id as {{ dbt.type_string() }})
        ) as user_id,
        {{ pql_json_text('identified.properties', pql_mixpanel_account_property()) }} as account_id,
        identified.event_name,
        identified.time as event_time,
        {% if session_property -%}
            {{ pql_json_text('identified.properties', session_property) }}
        {%- else -%}
            cast(null as {{ dbt.type_string() }})
        {%- endif %} as session_id,
        identified.properties
    from identified
    left join devices
        on
            identified.property_user_id is null
            and identified.device_id = devices.key_id
    where coalesce(identified.event_name, '') not in ('$identify', '$create_alias', '$merge')

)

select * from final
