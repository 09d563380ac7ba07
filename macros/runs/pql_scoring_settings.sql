{% macro pql_scoring_settings() %}
    {#-
        The settings a run scores with, in words - the run (daily or intraday), its dates,
        the rule sets, the holdout and whether dispositions are read - e.g. "daily run of
        2026-03-31, rule set recommended, holdout 0, dispositions not read". Every scoring
        table carries it (column built_for), and int_scoring_tables_checked compares it with
        this run's, so no mart is published from tables built for other settings. Each part
        is checked where its var is read, so the text is safe to quote in SQL.
    -#}
    {%- set backfill = pql_backfill_range() -%}
    {%- set dates = pql_first_score_date_string() ~ (' to ' ~ pql_score_date_string() if backfill else '') -%}
    {%- set shadow = pql_shadow_model() -%}
    {{- 'intraday' if pql_is_intraday_run() else 'daily' }} run of {{ dates -}}
    , rule set {{ pql_scoring_model() }}{{ ', shadow ' ~ shadow if shadow else '' -}}
    , holdout {{ pql_holdout_share() -}}
    , dispositions {{ 'read' if pql_read_dispositions() else 'not read' -}}
{% endmacro %}
