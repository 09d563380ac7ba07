{% macro pql_ordered_listagg(measure, delimiter_text, order_by_column) %}
    {#-
        Text values of `measure` joined by `delimiter_text` (a quoted SQL string), in the
        order of `order_by_column`: reasons and problems read in rank order everywhere.
    -#}
    {{ return(adapter.dispatch('pql_ordered_listagg', 'pql_scoring')(measure, delimiter_text, order_by_column)) }}
{% endmacro %}

{% macro default__pql_ordered_listagg(measure, delimiter_text, order_by_column) -%}
    {{ dbt.listagg(measure, delimiter_text, 'order by ' ~ order_by_column) }}
{%- endmacro %}

{% macro spark__pql_ordered_listagg(measure, delimiter_text, order_by_column) -%}
    {#- Spark's aggregates keep no order: sort (key, value) pairs, then keep the values. -#}
    array_join(
        transform(
            array_sort(collect_list(named_struct('sort_key', {{ order_by_column }}, 'value', {{ measure }}))),
            pair -> pair.value
        ),
        {{ delimiter_text }}
    )
{%- endmacro %}
