{% macro pql_json_object(fields) %}
    {#-
        JSON text of an object built from `fields`, a list of (key, SQL expression) pairs
        whose keys are names written in the model. Each value is written as text.
    -#}
    {%- for key, expression in fields if not modules.re.fullmatch('[A-Za-z_][A-Za-z0-9_]*', key) -%}
        {{ exceptions.raise_compiler_error("a JSON key must be a plain name; got '" ~ key ~ "'") }}
    {%- endfor -%}
    {{ return(adapter.dispatch('pql_json_object', 'pql_scoring')(fields)) }}
{% endmacro %}

{% macro pql_json_object_arguments(fields) -%}
    {#- The object's keys and values as the warehouses' object functions take them: key, text value, ... -#}
    {%- for key, expression in fields %}
        '{{ key }}', cast({{ expression }} as {{ dbt.type_string() }}){{ ',' if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{% macro default__pql_json_object(fields) -%}
    cast(json_object({{ pql_json_object_arguments(fields) }}) as varchar)
{%- endmacro %}

{% macro snowflake__pql_json_object(fields) -%}
    to_varchar(object_construct_keep_null({{ pql_json_object_arguments(fields) }}))
{%- endmacro %}

{% macro bigquery__pql_json_object(fields) -%}
    to_json_string(json_object({{ pql_json_object_arguments(fields) }}))
{%- endmacro %}

{% macro spark__pql_json_object(fields) -%}
    {#- to_json leaves out null fields; the others write them as null. -#}
    to_json(named_struct({{ pql_json_object_arguments(fields) }}))
{%- endmacro %}
