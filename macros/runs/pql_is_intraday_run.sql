{% macro pql_is_intraday_run() %}
    {#-
        Whether this invocation is the intraday job, `dbt build --selector intraday`: the
        selector's name is the switch, so the job is one command. The scoring models then
        score the score date for the accounts whose day changed lately
        (int_intraday_changes), and the daily aggregates re-read the score date only.
        Read in SQL only, never in a config: dbt parses once for every selector.
    -#}
    {{ return((invocation_args_dict or {}).get('selector') == 'intraday') }}
{% endmacro %}
