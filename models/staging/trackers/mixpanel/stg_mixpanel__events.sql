-- Mixpanel's exported events as raw events, its identity events ($identify,
-- $create_alias, $merge) left out. The event id is Mixpanel's own de-duplication key
-- (insert_id, event name, distinct_id; the time is compared beside it downstream):
-- clients reuse an insert_id on other events, which Mixpanel keeps. The user is the
-- $user_id property, else the one user the device ($device_id) was seen as, else
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

    {{ pql_identity_per_key('identified', 'device_id', 'property_user_id') }}

),

final as (

    select
        case when identified.insert_id is not null then {{ dbt.concat([
            'cast(identified.insert_id as ' ~ dbt.type_string() ~ ')', "'|'",
            "coalesce(cast(identified.event_name as " ~ dbt.type_string() ~ "), '')", "'|'",
            "coalesce(cast(identified.distinct_id as " ~ dbt.type_string() ~ "), '')",
        ]) }} end as event_id,
        coalesce(
            identified.property_user_id, devices.user_id, cast(identified.distinct_id as {{ dbt.type_string() }})
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
