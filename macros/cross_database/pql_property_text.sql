{#
    An event property read by a key that is data (pql_signal_events.property), not a name
    written in the model: the key is never pasted into SQL, and the seed checks allow it
    only the characters every warehouse's JSON path can quote.
    Members: pql_property_text, pql_unsafe_key_characters.
#}

{% macro pql_property_text(json_text, key) %}
    {#- The text at top-level key `key` (an SQL expression) of JSON text; null when absent or invalid. -#}
    {{ return(adapter.dispatch('pql_property_text', 'pql_scoring')(json_text, key)) }}
{% endmacro %}

{% macro default__pql_property_text(json_text, key) -%}
    case
        when json_valid({{ json_text }})
            then json_extract_string({{ json_text }}, '$."' || {{ key }} || '"')
    end
{%- endmacro %}

{% macro snowflake__pql_property_text(json_text, key) -%}
    cast(get(try_parse_json({{ json_text }}), {{ key }}) as varchar)
{%- endmacro %}

{% macro bigquery__pql_property_text(json_text, key) -%}
    {#- JSON paths must be literals in BigQuery; the subscript operator takes an expression. -#}
    json_value(safe.parse_json({{ json_text }})[{{ key }}])
{%- endmacro %}

{% macro spark__pql_property_text(json_text, key) -%}
    get_json_object({{ json_text }}, concat('$[''', {{ key }}, ''']'))
{%- endmacro %}


{% macro pql_unsafe_key_characters(key) -%}
    {#- What is left of `key` (an SQL expression) without the characters a property key may hold. -#}
    translate(lower({{ key }}), 'abcdefghijklmnopqrstuvwxyz0123456789 _.-[]/:@#()$', '')
{%- endmacro %}
