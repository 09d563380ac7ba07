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


{% macro pql_inputs_gate_passed(gate, built_by_this_run=true) %}
    {#-
        SQL condition on int_inputs_gate (joined as `gate`): this dbt command built it, so
        it judged the inputs as they are now; otherwise it stops the statement saying what
        to select. `dbt show` and `dbt compile` replace nothing, so they read the gate as
        the last run left it. With built_by_this_run, the scoring tables were built by a
        run with this run's settings too (pql_built_by_this_run).
    -#}
    {{ gate }}.inputs_are_trusted
    {%- if flags.WHICH not in ('show', 'compile') %}
    and case
        when {{ gate }}.built_by_invocation = '{{ invocation_id }}' then true
        else {{ pql_fail_with(
            "'int_inputs_gate, which judges the inputs, was built by another dbt command: select it with "
            ~ model.name ~ " (--select int_inputs_gate " ~ model.name ~ ", or +" ~ model.name
            ~ "), or run the job whole'"
        ) }}
    end
    {%- endif %}
    {%- if built_by_this_run %}
    and {{ pql_built_by_this_run(gate ~ '.scoring_tables_built_for') }}
    {%- endif %}
{%- endmacro %}


{% macro pql_inputs_gate_check(built_by_this_run=true) %}
    {#-
        Pre-hook of every model that joins int_inputs_gate: the gate read in a statement of
        its own, so a gate built by another command (and, with built_by_this_run, scoring
        tables built by another run) stop the model even when its rows are empty, where a
        warehouse need never read the joined gate. Call it as the model's join does.
    -#}
    select true
    from {{ ref('int_inputs_gate') }} as inputs_gate
    where {{ pql_inputs_gate_passed('inputs_gate', built_by_this_run) }}
{%- endmacro %}


{% macro pql_built_by_a_daily_run(built_for) %}
    {#-
        SQL condition on the `built_for` of a scoring table that holds every account when a
        daily run builds it, whatever the run's date or rule set (int_users_titled): a
        daily run built it, not the intraday job, which keeps the accounts it scores alone.
        Otherwise it stops the statement saying what to run.
    -#}
    case
        when {{ built_for }} like 'daily run of %' then true
        else {{ pql_fail_with(dbt.concat([
            "'" ~ model.name ~ " reads the scoring tables as the daily job leaves them, and they were built by the '",
            built_for, "': run the daily job (dbt build) first'",
        ])) }}
    end
{%- endmacro %}
