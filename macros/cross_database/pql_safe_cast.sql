{% macro pql_safe_cast(expression, data_type) %}
    {#-
        `expression` as `data_type`, or null where the value does not convert (text such
        as "1,200" in a number column): a bad value becomes a row problem the staging
        models name, not a failed build.
    -#}
    {{ return(adapter.dispatch('pql_safe_cast', 'pql_scoring')(expression, data_type)) }}
{% endmacro %}

{% macro default__pql_safe_cast(expression, data_type) -%}
    {{ dbt.safe_cast(expression, data_type) }}
{%- endmacro %}

{% macro duckdb__pql_safe_cast(expression, data_type) -%}
    {#-
        dbt-duckdb has no safe_cast of its own (dbt's default is a plain cast). A try_cast
        to the type a column already has is dropped, so filters still reach the scan.
    -#}
    try_cast({{ expression }} as {{ data_type }})
{%- endmacro %}

{% macro spark__pql_safe_cast(expression, data_type) -%}
    {#- Spark's plain cast fails on a bad value under ANSI mode (the default since Spark 4). -#}
    try_cast({{ expression }} as {{ data_type }})
{%- endmacro %}

{% macro snowflake__pql_safe_cast(expression, data_type) -%}
    {#- Snowflake's try_cast reads text only, so every value goes through text. -#}
    try_cast(cast({{ expression }} as varchar) as {{ data_type }})
{%- endmacro %}


{% macro pql_boolean_from_text(expression) -%}
    {#-
        A yes/no value delivered as a boolean, a number or text: true for true, t, yes,
        y, 1; false for false, f, no, n, 0 (any case, spaces ignored); null otherwise.
        Spelled out rather than cast, because warehouses accept different words.
    -#}
    case
        when lower(trim(cast({{ expression }} as {{ dbt.type_string() }}))) in ('true', 't', 'yes', 'y', '1')
            then true
        when lower(trim(cast({{ expression }} as {{ dbt.type_string() }}))) in ('false', 'f', 'no', 'n', '0')
            then false
    end
{%- endmacro %}
