{% macro pql_in_band(value, min_value, max_value) -%}
    {#- Whether a signal value lies in a seed row's inclusive band; an empty end is open, an unknown value never matches. -#}
    (
        {{ value }} is not null
        and ({{ min_value }} is null or {{ value }} >= {{ min_value }})
        and ({{ max_value }} is null or {{ value }} <= {{ max_value }})
    )
{%- endmacro %}


{% macro pql_fill_label(label, value) -%}
    {#- A seed row's label with `{value}` replaced by the signal's value. -#}
    {{ dbt.replace(label, "'{value}'", "cast(" ~ value ~ " as " ~ dbt.type_string() ~ ")") }}
{%- endmacro %}


{% macro pql_signals_read_by(scoring_model_condition) -%}
    {#-
        SQL query: the name of every signal that the rule sets meeting
        `scoring_model_condition` (a condition on column scoring_model) read - in a rule,
        a rule's condition, a hot trigger or a routing gate - once per use.
    -#}
    select signal_name from {{ ref('pql_rules') }}
    where {{ scoring_model_condition }}
    union all
    select signal_name from {{ ref('pql_rule_conditions') }}
    where {{ scoring_model_condition }}
    union all
    select signal_name from {{ ref('pql_hot_triggers') }}
    where {{ scoring_model_condition }}
    union all
    select signal_name from {{ ref('pql_routing_gates') }}
    where {{ scoring_model_condition }}
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
