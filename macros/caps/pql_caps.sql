{#
    Points held to caps and floors.
    Members: pql_clamp, pql_running_points, pql_share_of_cap.
#}

{% macro pql_clamp(expression, low, high) -%}
    {#- `expression` held between `low` and `high` (both inclusive), in portable SQL. -#}
    case
        when {{ expression }} < {{ low }} then {{ low }}
        when {{ expression }} > {{ high }} then {{ high }}
        else {{ expression }}
    end
{%- endmacro %}


{% macro pql_running_points(points, partition_by) -%}
    {#-
        Running total of `points` in the order a cap is shared out: gains first, largest
        first, then losses, largest first, ties by rule_id.
    -#}
    sum({{ points }}) over (
        partition by {{ partition_by | join(', ') }}
        order by
            case when {{ points }} >= 0 then 0 else 1 end asc,
            abs({{ points }}) desc,
            rule_id asc
        rows between unbounded preceding and current row
    )
{%- endmacro %}


{% macro pql_share_of_cap(points, running_points, low, high) -%}
    {#- What a rule counts under a cap: how far it moves the running total, held between `low` and `high`. -#}
    {{ pql_clamp(running_points, low, high) }}
    - {{ pql_clamp(running_points ~ ' - ' ~ points, low, high) }}
{%- endmacro %}
