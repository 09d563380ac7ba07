{#
    Tracker rows reshaped: the latest value per key, and accounts from group traits.
    Members: pql_identity_per_key, pql_latest_per_key, pql_group_trait_names,
    pql_latest_traits_ctes, pql_account_columns_from_traits, pql_host_of.
#}

{% macro pql_identity_per_key(rows, key, user) %}
    {#-
        For each anonymous key (a device, a browser, an anonymous id), the one user the
        rows holding both name for it: columns key_id and user_id. A key named as several
        users (a shared device, a server minting one id for many) is left out, so their
        people are not merged into one.
    -#}
    select
        cast({{ key }} as {{ dbt.type_string() }}) as key_id,
        min(cast({{ user }} as {{ dbt.type_string() }})) as user_id
    from {{ rows }}
    where {{ key }} is not null and {{ user }} is not null
    group by 1
    having count(distinct cast({{ user }} as {{ dbt.type_string() }})) = 1
{% endmacro %}


{% macro pql_latest_per_key(rows, key, value, seen_at) %}
    {#-
        For each key, its value in the newest of the rows holding both: the group each
        user last joined. Columns key_id and latest_id, one row per key. `rows` is a CTE or
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


{% macro pql_latest_traits_ctes(group_calls) -%}
    {#-
        CTEs ending in `latest_traits`: one row per account_id of `group_calls` (columns
        account_id, seen_at and the traits) that set any trait, each trait its newest
        value of the calls that set it, as the trackers merge them: a call that sets one
        trait leaves the others as they were. last_called_at is its newest call of all:
        how fresh the account is, where a sign-up trait months old says nothing.
    -#}
merged_traits as (

    select distinct
        account_id,
        max(seen_at) over (partition by account_id) as last_called_at,
        {%- for trait in pql_group_trait_names() %}
        first_value({{ trait }}) over (
            partition by account_id
            order by case when {{ trait }} is null then 1 else 0 end, seen_at desc
        ) as {{ trait }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ group_calls }}
    where account_id is not null

),

latest_traits as (

    select * from merged_traits
    where coalesce(
        {%- for trait in pql_group_trait_names() %}
        cast({{ trait }} as {{ dbt.type_string() }}){{ ',' if not loop.last }}
        {%- endfor %}
    ) is not null

)
{%- endmacro %}


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
