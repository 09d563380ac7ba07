{% macro pql_built_by_this_run(built_for) %}
    {#-
        SQL condition on the `built_for` of scoring tables (the expression given: a table's
        column, or int_inputs_gate's scoring_tables_built_for): they were built by a run
        with this run's settings (pql_scoring_settings). Otherwise it stops the statement
        saying what built them and what to run, so `dbt run --select pql_scores` with a new
        pql_score_date, or after the intraday job, publishes nothing. Every model that reads
        the scoring tables joins the gate on it.
    -#}
    {%- set this_run = pql_scoring_settings() -%}
    {%- set what_to_run = 'run the intraday job whole (dbt build --selector intraday)' if pql_is_intraday_run()
        else 'run the daily job (dbt build), or select what ' ~ model.name ~ ' is built from too (--select +'
        ~ model.name ~ ')' -%}
    case
        when {{ built_for }} = '{{ this_run }}' then true
        else {{ pql_fail_with(dbt.concat([
            "'The scoring tables were built by the '", built_for,
            "'; this is the " ~ this_run ~ ": " ~ what_to_run ~ "'",
        ])) }}
    end
{%- endmacro %}
