{% macro pql_json_text(json_column, key) %}
    {#-
        The text value at top-level `key` of an event's JSON properties, null when
        absent or when the properties are not valid JSON. Each warehouse stores
        properties its own way: JSON text (DuckDB), VARIANT or text (Snowflake),
        JSON or STRING (BigQuery). `key` is a name written in the model, never data.
    -#}
    {{ return(adapter.dispatch('pql_json_text', 'pql_scoring')(json_column, key)) }}
{% endmacro %}

{% macro default__pql_json_text(json_column, key) -%}
    case
        when json_valid(cast({{ json_column }} as varchar))
            then json_extract_string(cast({{ json_column }} as varchar), '$.{{ key }}')
    end
{%- endmacro %}

{% macro snowflake__pql_json_text(json_column, key) -%}
    {#- to_varchar turns a VARIANT back into JSON text, so one path serves both storages. -#}
    cast(get_path(try_parse_json(to_varchar({{ json_column }})), '{{ key }}') as varchar)
{%- endmacro %}

{% macro bigquery__pql_json_text(json_column, key) -%}
    {#- json_value reads JSON and STRING columns alike and gives null for invalid JSON text. -#}
    json_value({{ json_column }}, '$.{{ key }}')
{%- endmacro %}
