{#
    The words of a score reason.
    Members: pql_fill_label, pql_joined_reasons.
#}

{% macro pql_fill_label(label, value) -%}
    {#- A seed row's label with `{value}` replaced by the signal's value. -#}
    {{ dbt.replace(label, "'{value}'", "cast(" ~ value ~ " as " ~ dbt.type_string() ~ ")") }}
{%- endmacro %}


{% macro pql_joined_reasons(leading, rest) -%}
    {#-
        Reasons in words, `leading` first (a routing or trigger note, '' when there is
        none), then `rest` (the rules' reasons, null when there are none), joined by "; ".
    -#}
    case
        when {{ rest }} is null then {{ leading }}
        when {{ leading }} = '' then {{ rest }}
        else {{ dbt.concat([leading, "'; '", rest]) }}
    end
{%- endmacro %}
