-- Snowplow's atomic events as raw events. A structured event is named by its action
-- (se_action), any other by event_name. The user is user_id, else the user the browser
-- (domain_userid) was logged in as (when only one), else the browser; the session is
-- domain_sessionid; the account is a field of a context column when vars name one
-- (pql_snowplow_account_context, pql_snowplow_account_field), else the user's. A
-- page view's page_urlpath, page_url and page_title are its properties.
{{ config(enabled=pql_event_source() == 'snowplow') }}
{%- set account_context = pql_snowplow_account_context() %}
with

events as (

    select
        {{- pql_source_columns('events', [
            'event_id', 'event_name', 'se_action', 'derived_tstamp', 'collector_tstamp',
            'user_id', 'domain_userid', 'domain_sessionid', 'page_urlpath', 'page_url', 'page_title'
        ]) }},
        {% if account_context -%}
            {{ pql_first_context_field(account_context, pql_snowplow_account_field()) }}
        {%- else -%}
            cast(null as {{ dbt.type_string() }})
        {%- endif %} as account_id
    from {{ source('snowplow', 'events') }}

),

first_collected as (

    -- An event id collected twice is one event: every copy takes the time of the first
    -- collected, so int_events_checked keeps it once.
    select
        *,
        first_value(derived_tstamp) over (
            partition by event_id
            order by collector_tstamp, derived_tstamp
            rows between unbounded preceding and unbounded following
        ) as first_derived_tstamp
    from events

),

logins as (

    {{ pql_identity_per_key('events', 'domain_userid', 'user_id') }}

),

final as (

    select
        first_collected.event_id,
        coalesce(first_collected.user_id, logins.user_id, first_collected.domain_userid) as user_id,
        first_collected.account_id,
        coalesce(first_collected.se_action, first_collected.event_name) as event_name,
        first_collected.first_derived_tstamp as event_time,
        first_collected.domain_sessionid as session_id,
        case
            when first_collected.event_name = 'page_view'
                then {{ pql_json_object([
                    ('page_urlpath', 'first_collected.page_urlpath'), ('page_url', 'first_collected.page_url'),
                    ('page_title', 'first_collected.page_title'),
                ]) }}
        end as properties
    from first_collected
    left join logins
        on
            first_collected.user_id is null
            and first_collected.domain_userid = logins.key_id

)

select * from final
