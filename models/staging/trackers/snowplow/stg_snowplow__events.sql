-- Snowplow's atomic events as raw events. A structured event is named by its action
-- (se_action), any other by event_name. The user is user_id, else the user the browser
-- (domain_userid) signed in as (when only one: stg_snowplow__browser_users), else the
-- browser; the session is domain_sessionid; the account is a field of a context column
-- when vars name one (pql_snowplow_account_context, pql_snowplow_account_field), else
-- the user's. A page view's page_urlpath, page_url and page_title are its properties.
--
-- Every copy of an event takes the times of its first collected copy
-- (stg_snowplow__first_collections), so int_events_checked keeps it once. Its time is
-- derived_tstamp, never after that copy was collected (a device clock running ahead),
-- and loaded_at is collector_tstamp: a run reads the rows collected in the days it
-- re-reads (pql_events_since_condition), never the history of atomic.events.
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

first_collections as (

    select * from {{ ref('stg_snowplow__first_collections') }}

),

logins as (

    {{ pql_identity_per_key(ref('stg_snowplow__browser_users'), 'domain_userid', 'user_id') }}

),

timed as (

    select
        events.*,
        coalesce(first_collections.first_derived_tstamp, events.derived_tstamp) as first_derived_tstamp,
        coalesce(first_collections.first_collector_tstamp, events.collector_tstamp) as first_collector_tstamp
    from events
    left join first_collections
        on events.event_id = first_collections.event_id

),

final as (

    select
        timed.event_id,
        coalesce(timed.user_id, logins.user_id, timed.domain_userid) as user_id,
        timed.account_id,
        coalesce(timed.se_action, timed.event_name) as event_name,
        case
            when timed.first_derived_tstamp > timed.first_collector_tstamp then timed.first_collector_tstamp
            else timed.first_derived_tstamp
        end as event_time,
        timed.domain_sessionid as session_id,
        case
            when timed.event_name = 'page_view'
                then {{ pql_json_object([
                    ('page_urlpath', 'timed.page_urlpath'), ('page_url', 'timed.page_url'),
                    ('page_title', 'timed.page_title'),
                ]) }}
        end as properties,
        timed.collector_tstamp as loaded_at
    from timed
    left join logins
        on
            timed.user_id is null
            and timed.domain_userid = logins.key_id

)

select * from final
