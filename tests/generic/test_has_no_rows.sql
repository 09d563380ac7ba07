{% test has_no_rows(model) %}
{#-
    Fails on every row of the model: for models that list problems, one row each.
    The failing rows are stored, so the run-end hook prints what is wrong.
-#}
{{ config(store_failures=true) }}
select * from {{ model }}
{% endtest %}
