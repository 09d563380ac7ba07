-- Each Snowplow browser (domain_userid) with each user seen signed in on it (user_id):
-- stg_snowplow__events gives a browser's anonymous events to its user when it has one.
--
-- Incremental like stg_snowplow__first_collections: a run reads the rows collected
-- since pql_snowplow_collected_since_timestamp and adds the pairs it does not hold yet.
{{ config(enabled=pql_event_source() == 'snowplow', **pql_added_rows_config()) }}

with

events as (

    select
        {{- pql_source_columns('events', ['domain_userid', 'user_id']) }}
    from {{ source('snowplow', 'events') }}
    {% if is_incremental() %}
        where {{ pql_source_column('events', 'collector_tstamp') }} >= {{ pql_snowplow_collected_since_timestamp() }}
    {% endif %}

),

sign_ins as (

    select distinct
        cast(domain_userid as {{ dbt.type_string() }}) as domain_userid,
        cast(user_id as {{ dbt.type_string() }}) as user_id
    from events
    where domain_userid is not null and user_id is not null

),

final as (

    select
        sign_ins.domain_userid,
        sign_ins.user_id
    from sign_ins
    {% if is_incremental() %}
        left join {{ this }} as held
            on
                sign_ins.domain_userid = held.domain_userid
                and sign_ins.user_id = held.user_id
        where held.domain_userid is null
    {% endif %}

)

select * from final
