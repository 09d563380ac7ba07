{% macro pql_clamp(expression, low, high) -%}
    {#- `expression` held between `low` and `high` (both inclusive), in portable SQL. -#}
    case
        when {{ expression }} < {{ low }} then {{ low }}
        when {{ expression }} > {{ high }} then {{ high }}
        else {{ expression }}
    end
{%- endmacro %}
