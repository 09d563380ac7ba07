{#
    Project vars are read here, and only here, so each has one default and one
    validation. Values that end up in SQL text are validated first, so a typo
    fails the compile with a clear message instead of producing odd SQL.
#}

{% macro pql_score_date_string() %}
    {#- The score date as 'YYYY-MM-DD': var pql_score_date, else today in UTC. -#}
    {%- set today_utc = modules.datetime.datetime.now(modules.pytz.utc).strftime('%Y-%m-%d') -%}
    {%- set raw_value = var('pql_score_date', today_utc) | string | trim -%}
    {%- set parsed = none -%}
    {%- if modules.re.match('^[0-9]{4}-[0-9]{2}-[0-9]{2}$', raw_value) -%}
        {%- set parsed = modules.datetime.datetime.strptime(raw_value, '%Y-%m-%d') -%}
    {%- endif -%}
    {%- if parsed is none -%}
        {{ exceptions.raise_compiler_error(
            "var pql_score_date must be a date written YYYY-MM-DD, got '" ~ raw_value ~ "'"
        ) }}
    {%- endif -%}
    {{- parsed.strftime('%Y-%m-%d') -}}
{% endmacro %}


{% macro pql_score_date() %}
    {#- SQL date literal for the score date. -#}
    cast('{{ pql_score_date_string() }}' as date)
{%- endmacro %}


{% macro pql_score_date_end() %}
    {#- SQL timestamp literal for midnight UTC after the score date: events at or after it are ignored. -#}
    {%- set score_date = modules.datetime.datetime.strptime(pql_score_date_string(), '%Y-%m-%d') -%}
    {%- set day_after = score_date + modules.datetime.timedelta(days=1) -%}
    cast('{{ day_after.strftime("%Y-%m-%d") }} 00:00:00' as {{ dbt.type_timestamp() }})
{%- endmacro %}


{% macro pql_scoring_model() %}
    {#- Name of the live rule set (a scoring_model value in the seeds): var pql_scoring_model. -#}
    {%- set model_name = var('pql_scoring_model', 'recommended') | string | trim -%}
    {%- if not modules.re.match('^[A-Za-z0-9_]+$', model_name) -%}
        {{ exceptions.raise_compiler_error(
            "var pql_scoring_model must be a rule-set name of letters, digits and underscores, got '"
            ~ model_name ~ "'"
        ) }}
    {%- endif -%}
    {{- model_name -}}
{% endmacro %}
