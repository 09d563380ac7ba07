{% macro pql_safe_cast(expression, data_type) %}
    {#-
        `expression` as `data_type`, or null where the value does not convert (text such
        as "1,200" in a number column): a bad value becomes a row problem the staging
        models name, not a failed build.
    -#}
    {{ return(adapter.dispatch('pql_safe_cast', 'pql_scoring')(expression, data_type)) }}
{% endmacro %}

{% macro default__pql_safe_cast(expression, data_type) -%}
    {#-
        DuckDB, Spark and Databricks: try_cast. dbt's safe_cast is a plain cast on DuckDB
        and on Spark, where a bad value then fails the query (Spark's ANSI mode). DuckDB
        drops a try_cast to the type a column already has, so filters still reach the scan.
    -#}
    try_cast({{ expression }} as {{ data_type }})
{%- endmacro %}

{% macro bigquery__pql_safe_cast(expression, data_type) -%}
    {{ dbt.safe_cast(expression, data_type) }}
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
