-- PostHog's groups of type var pql_group_type as raw accounts: each trait's newest
-- value of the group's $groupidentify events that set it ($group_set merges). Trait keys named otherwise map with var
-- pql_groups_columns, as Segment's trait columns do.
{{ config(enabled=pql_event_source() == 'posthog') }}
with

events as (

    select
        {{- pql_source_columns('events', ['event', 'timestamp', 'properties']) }}
    from {{ source('posthog', 'events') }}

),

group_identifies as (

    select
        {{ pql_json_text('properties', '$group_key') }} as account_id,
        {%- for trait in pql_group_trait_names() %}
            {%- set trait_key = pql_source_column('groups', trait) %}
            {% if trait_key == 'null' -%}
                cast(null as {{ dbt.type_string() }})
            {%- else -%}
                {{ pql_json_text('properties', ['$group_set', trait_key]) }}
            {%- endif %} as {{ trait }},
        {%- endfor %}
        timestamp as seen_at
    from events
    where
        event = '$groupidentify'
        and {{ pql_json_text('properties', '$group_type') }} = '{{ pql_group_type() }}'

),

{{ pql_latest_traits_ctes('group_identifies') }},

final as (

    select
        account_id,
        {{ pql_account_columns_from_traits() }},
        last_called_at
    from latest_traits

)

select * from final
