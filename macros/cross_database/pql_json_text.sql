{% macro pql_json_text(json_column, path) %}
    {#-
        The text value at `path` in a JSON value, null when absent or when the value is
        not valid JSON. `path` is a key, or a list of keys and array positions
        (['$groups', 'company'], [0, 'account_id']): names written in the model or read
        from a var, checked to be plain names before they reach SQL. Each warehouse
        stores JSON its own way: JSON text (DuckDB), VARIANT or text (Snowflake), JSON or
        STRING (BigQuery).
    -#}
    {%- set steps = [path] if path is string or path is number else path -%}
    {%- for step in steps if not (step is number or modules.re.fullmatch('[A-Za-z_$][A-Za-z0-9_$]*', step | string)) -%}
        {{ exceptions.raise_compiler_error("a JSON key must be a plain name; got '" ~ step ~ "'") }}
    {%- endfor -%}
    {{ return(adapter.dispatch('pql_json_text', 'pql_scoring')(json_column, steps)) }}
{% endmacro %}

{% macro pql_json_path(steps, root='$', quote='"') -%}
    {#-
        A JSON path from checked steps: keys quoted ($."$groups"."company"), positions as
        [0]. Snowflake's paths have no root; Spark's take their keys unquoted.
    -#}
    {%- set parts = [] -%}
    {%- for step in steps -%}
        {%- if step is number -%}
            {%- do parts.append('[' ~ step ~ ']') -%}
        {%- else -%}
            {%- do parts.append(('.' if root or parts else '') ~ quote ~ step ~ quote) -%}
        {%- endif -%}
    {%- endfor -%}
    {{- root ~ parts | join('') -}}
{%- endmacro %}

{% macro default__pql_json_text(json_column, steps) -%}
    case
        when json_valid(cast({{ json_column }} as varchar))
            then json_extract_string(cast({{ json_column }} as varchar), '{{ pql_json_path(steps) }}')
    end
{%- endmacro %}

{% macro snowflake__pql_json_text(json_column, steps) -%}
    {#- to_varchar turns a VARIANT back into JSON text, so one path serves both storages. -#}
    cast(get_path(try_parse_json(to_varchar({{ json_column }})), '{{ pql_json_path(steps, root='') }}') as varchar)
{%- endmacro %}

{% macro bigquery__pql_json_text(json_column, steps) -%}
    {#- json_value reads JSON and STRING columns alike and gives null for invalid JSON text. -#}
    json_value({{ json_column }}, '{{ pql_json_path(steps) }}')
{%- endmacro %}


{% macro spark__pql_json_text(json_column, steps) -%}
    {#- get_json_object gives null for invalid JSON text; its paths take keys unquoted. -#}
    get_json_object(cast({{ json_column }} as string), '{{ pql_json_path(steps, quote='') }}')
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


{% macro pql_first_context_field(context_column, field) %}
    {#-
        A field of the first entity in a Snowplow context column: a JSON array
        (Snowflake's VARIANT, or text), a repeated record on BigQuery, an array of
        structs on Spark and Databricks. `context_column` and `field` are checked names.
    -#}
    {{ return(adapter.dispatch('pql_first_context_field', 'pql_scoring')(context_column, field)) }}
{% endmacro %}

{% macro default__pql_first_context_field(context_column, field) -%}
    {{ pql_json_text(context_column, [0, field]) }}
{%- endmacro %}

{% macro bigquery__pql_first_context_field(context_column, field) -%}
    cast({{ context_column }}[safe_offset(0)].{{ field }} as string)
{%- endmacro %}

{% macro spark__pql_first_context_field(context_column, field) -%}
    cast({{ context_column }}[0].{{ field }} as string)
{%- endmacro %}
