{% macro pql_is_new_account(signup_date, on_date) %}
    {#-
        SQL condition: an account with no tier the day before `on_date` is new - it signed
        up within var pql_incremental_lookback_days of it - so entering a PQL tier there
        is an alert. Otherwise its first score is the history or a rule set starting,
        which alerts nobody.
    -#}
    {{ signup_date }} >= cast({{ dbt.dateadd('day', -1 * (pql_incremental_lookback_days() | int), on_date) }} as date)
{%- endmacro %}
