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


{% macro spark__pql_json_text(json_column, key) -%}
    {#- get_json_object gives null for invalid JSON text. -#}
    get_json_object(cast({{ json_column }} as string), '$.{{ key }}')
{%- endmacro %}


{% macro pql_json_as_text(json_column) %}
    {#-
        Event properties as text, whatever the warehouse stores them as, so two copies
        of an event can be compared and a rejected row can show what was delivered.
    -#}
    {{ return(adapter.dispatch('pql_json_as_text', 'pql_scoring')(json_column)) }}
{% endmacro %}

{% macro default__pql_json_as_text(json_column) -%}
    cast({{ json_column }} as {{ dbt.type_string() }})
{%- endmacro %}

{% macro snowflake__pql_json_as_text(json_column) -%}
    to_varchar({{ json_column }})
{%- endmacro %}

{% macro bigquery__pql_json_as_text(json_column) -%}
    {#- to_json_string reads JSON and STRING columns alike (a STRING comes back quoted). -#}
    to_json_string({{ json_column }})
{%- endmacro %}
