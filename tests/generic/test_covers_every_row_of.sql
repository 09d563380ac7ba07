{% test covers_every_row_of(model, column_name, parent, parent_column, parent_latest_of=none) %}
{#-
    Fan-out guard: the model holds exactly one row per row of its parent (with
    parent_latest_of, per row of the parent's latest value of that column, e.g. the
    latest score date). Returns keys the model lost, keys it repeats, and keys the
    parent does not have.
-#}
with

model_keys as (

    select
        {{ column_name }} as key_value,
        count(*) as model_rows
    from {{ model }}
    group by 1

),

parent_keys as (

    select
        {{ parent_column }} as key_value,
        count(*) as parent_rows
    from {{ parent }}
    {%- if parent_latest_of %}
    where {{ parent_latest_of }} = (select max({{ parent_latest_of }}) from {{ parent }})
    {%- endif %}
    group by 1

)

select
    coalesce(model_keys.key_value, parent_keys.key_value) as key_value,
    coalesce(model_keys.model_rows, 0) as model_rows,
    coalesce(parent_keys.parent_rows, 0) as parent_rows
from model_keys
full outer join parent_keys
    on model_keys.key_value = parent_keys.key_value
where coalesce(model_keys.model_rows, 0) != coalesce(parent_keys.parent_rows, 0)
{% endtest %}
