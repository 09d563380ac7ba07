{#
    Which rule sets in the seeds are scored: the live one, and a shadow one beside it.
    Members: pql_rule_set_name, pql_scoring_model, pql_shadow_model,
    pql_scored_models_condition.
#}

{% macro pql_rule_set_name(var_name, default) %}
    {#- A rule-set name read from a var, checked before it reaches SQL (letters, digits, underscores). -#}
    {%- set model_name = var(var_name, default) | string | trim -%}
    {%- if model_name != '' and not modules.re.match('^[A-Za-z0-9_]+$', model_name) -%}
        {{ exceptions.raise_compiler_error(
            "var " ~ var_name ~ " must be a rule-set name of letters, digits and underscores, got '"
            ~ model_name ~ "'"
        ) }}
    {%- endif -%}
    {{- model_name -}}
{% endmacro %}


{% macro pql_scoring_model() %}
    {#- Name of the live rule set (a scoring_model value in the seeds): var pql_scoring_model. -#}
    {%- set model_name = pql_rule_set_name('pql_scoring_model', 'recommended') -%}
    {%- if model_name == '' -%}
        {{ exceptions.raise_compiler_error("var pql_scoring_model must name a rule set, got an empty value") }}
    {%- endif -%}
    {{- model_name -}}
{% endmacro %}


{% macro pql_shadow_model() %}
    {#-
        Name of a candidate rule set scored beside the live one in the same run, to see
        which accounts would change tier before switching: var pql_shadow_model
       .
    -#}
    {%- set model_name = pql_rule_set_name('pql_shadow_model', '') -%}
    {%- if model_name != '' and model_name == pql_scoring_model() -%}
        {{ exceptions.raise_compiler_error(
            "var pql_shadow_model must differ from the live pql_scoring_model, both are '" ~ model_name ~ "'"
        ) }}
    {%- endif -%}
    {{- model_name -}}
{% endmacro %}


{% macro pql_scored_models_condition(column) %}
    {#- SQL condition: `column` is the live rule set, or the shadow one when there is one. -#}
    {%- if pql_shadow_model() == '' -%}
        {{ column }} = '{{ pql_scoring_model() }}'
    {%- else -%}
        {{ column }} in ('{{ pql_scoring_model() }}', '{{ pql_shadow_model() }}')
    {%- endif -%}
{% endmacro %}
