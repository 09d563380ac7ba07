{% test unique_combination_of_columns(model, combination_of_columns, rewritten_days_column=none) %}
{#-
    Composite primary key: returns each key that appears more than once.
    With rewritten_days_column, an incremental run checks only the days it re-read
    (the score date and the lookback before it); a full refresh checks every day.
-#}
select
    {{ combination_of_columns | join(', ') }},
    count(*) as occurrences
from {{ model }}
{% if rewritten_days_column and not flags.FULL_REFRESH %}
    where {{ rewritten_days_column }} >= {{ pql_incremental_start_date() }}
{% endif %}
group by {{ combination_of_columns | join(', ') }}
having count(*) > 1
{% endtest %}
