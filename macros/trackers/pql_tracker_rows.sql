{% macro pql_last_identified_users(rows, anonymous_id, user_id, seen_at) %}
    {#-
        The user each anonymous id (a device, a browser, an anonymous distinct id) was
        last seen as, from the rows holding both: one row per anonymous id, with columns
        anonymous_id and user_id. `rows` is a CTE or relation, the others its columns.
    -#}
    select
        anonymous_id,
        user_id
    from (
        select
            cast({{ anonymous_id }} as {{ dbt.type_string() }}) as anonymous_id,
            cast({{ user_id }} as {{ dbt.type_string() }}) as user_id,
            row_number() over (
                partition by {{ anonymous_id }}
                order by {{ seen_at }} desc, {{ user_id }}
            ) as newest_first
        from {{ rows }}
        where {{ anonymous_id }} is not null and {{ user_id }} is not null
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
