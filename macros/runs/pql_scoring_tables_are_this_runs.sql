{% macro pql_scoring_tables_are_this_runs(inputs_gate) %}
    {#-
        SQL condition on int_inputs_gate (alias `inputs_gate`) for a model that reads the
        scoring tables: the inputs are trusted, and the scoring tables were built by a run
        with this run's settings (pql_scoring_settings). Otherwise it stops the statement
        saying what built them and what to run, so `dbt run --select pql_scores` with a new
        pql_score_date, or after the intraday job, publishes nothing.
    -#}
    {%- set this_run = pql_scoring_settings() -%}
    {%- set what_to_run = 'run the intraday job whole (dbt build --selector intraday)' if pql_is_intraday_run()
        else 'run the daily job (dbt build), or select what ' ~ model.name ~ ' is built from too (--select +'
        ~ model.name ~ ')' -%}
    {{ inputs_gate }}.inputs_are_trusted
    and case
        when {{ inputs_gate }}.scoring_tables_built_for = '{{ this_run }}' then true
        else {{ pql_fail_with(dbt.concat([
            "'The scoring tables were built by the '", inputs_gate ~ '.scoring_tables_built_for',
            "'; this is the " ~ this_run ~ ": " ~ what_to_run ~ "'",
        ])) }}
    end
{%- endmacro %}
