{% test is_a_row_reason(model, column_name) %}
{#-
    Accepted values of a row's reason: each row's (source_table, outcome, reason) must be
    one that pql_row_reasons lists. Returns the rows whose reason it does not.
-#}
{%- set known = [] -%}
{%- for source_table, outcomes in pql_row_reasons().items() -%}
    {%- for outcome, reasons in outcomes.items() -%}
        {%- for reason in reasons -%}
            {%- do known.append((source_table, outcome, reason)) -%}
        {%- endfor -%}
    {%- endfor -%}
{%- endfor %}
with

known_reasons as (

    {% for source_table, outcome, reason in known %}
        select
            '{{ source_table }}' as source_table,
            '{{ outcome }}' as outcome,
            '{{ reason }}' as reason
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}

)

select
    listed.source_table,
    listed.outcome,
    listed.{{ column_name }}
from {{ model }} as listed
left join known_reasons
    on
        listed.source_table = known_reasons.source_table
        and listed.outcome = known_reasons.outcome
        and listed.{{ column_name }} = known_reasons.reason
where known_reasons.reason is null

{% endtest %}
