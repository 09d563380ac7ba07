{#
    Tracker rows reshaped: the latest value per key, and accounts from group traits.
    Members: pql_latest_per_key, pql_group_trait_names, pql_account_columns_from_traits,
    pql_host_of.
#}

{% macro pql_latest_per_key(rows, key, value, seen_at) %}
    {#-
        For each key, its value in the newest of the rows holding both: the user each
        anonymous id (a device, a browser) was last seen as, the group each user last
        joined. Columns key_id and latest_id, one row per key. `rows` is a CTE or
        relation, the others its columns.
    -#}
    select
        key_id,
        latest_id
    from (
        select
            cast({{ key }} as {{ dbt.type_string() }}) as key_id,
            cast({{ value }} as {{ dbt.type_string() }}) as latest_id,
            row_number() over (
                partition by {{ key }}
                order by {{ seen_at }} desc, {{ value }}
            ) as newest_first
        from {{ rows }}
        where {{ key }} is not null and {{ value }} is not null
    ) as sightings
    where newest_first = 1
{% endmacro %}


{% macro pql_group_trait_names() %}
    {#- The group traits an account's columns come from, under the names var pql_groups_columns maps. -#}
    {{ return(['website', 'employees', 'industry', 'country', 'icp_match', 'created_at']) }}
{% endmacro %}


{% macro pql_account_columns_from_traits() %}
    {#- The raw accounts' columns (but the id) from group traits: the domain is the website's host. -#}
    {{ pql_host_of('website') }} as domain,
    employees as employee_count,
    industry,
    country,
    icp_match,
    created_at
{%- endmacro %}


{% macro pql_host_of(url) %}
    {#- The host of a URL or bare domain, lowercased, without scheme, `www.` or path. -#}
    {%- set lowered = "lower(trim(cast(" ~ url ~ " as " ~ dbt.type_string() ~ ")))" -%}
    {%- set without_scheme = dbt.replace(dbt.replace(lowered, "'https://'", "''"), "'http://'", "''") -%}
    {%- set host = dbt.split_part(without_scheme, "'/'", 1) -%}
    case
        when {{ host }} like 'www.%' then {{ dbt.right(host, dbt.length(host) ~ ' - 4') }}
        else {{ host }}
    end
{%- endmacro %}
