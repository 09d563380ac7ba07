{% macro pql_in_band(value, min_value, max_value) -%}
    {#- Whether a signal value lies in a seed row's inclusive band; an empty end is open, an unknown value never matches. -#}
    (
        {{ value }} is not null
        and ({{ min_value }} is null or {{ value }} >= {{ min_value }})
        and ({{ max_value }} is null or {{ value }} <= {{ max_value }})
    )
{%- endmacro %}
