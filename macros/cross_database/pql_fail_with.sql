{% macro pql_fail_with(message) %}
    {#-
        A boolean expression that, when a row reaches it, stops the statement with
        `message` (a text expression) in the error: how a model refuses to replace its
        table at run time.
    -#}
    {{ return(adapter.dispatch('pql_fail_with', 'pql_scoring')(message)) }}
{% endmacro %}

{% macro default__pql_fail_with(message) -%}
    {#- DuckDB and BigQuery: error(). -#}
    error({{ message }})
{%- endmacro %}

{% macro snowflake__pql_fail_with(message) -%}
    {#- Snowflake has no error function; it refuses this cast, quoting the message. -#}
    cast({{ message }} as boolean)
{%- endmacro %}

{% macro spark__pql_fail_with(message) -%}
    {#- raise_error has no type of its own; the cast lets it stand where a boolean is expected. -#}
    cast(raise_error({{ message }}) as boolean)
{%- endmacro %}
